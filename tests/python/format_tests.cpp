// Tests for format.hpp: CPython 3.11's float/str repr, format specs, round(), float() and int() parsing.
// The tables are CPython's behaviour, recorded by running each case in python3.11 (an input
// and spec in, the text or the exception out); the round-trip test needs no recorded answers.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <string_view>

#include "format.hpp"

using namespace loopstep::python;
using namespace std::string_view_literals;

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

// The same double, telling -0.0 from 0.0 and counting any NaN equal to any other.
bool same_double(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

// "ValueError: message" for a format_error, or the result, so one CHECK compares either.
template <typename Call>
std::string result_or_error(Call call) {
    try {
        return call();
    } catch (const format_error& e) {
        return e.python_type + ": " + e.message;
    }
}

struct double_case { double value; std::string_view expected; };
struct int_case { std::int64_t value; std::string_view expected; };
struct text_case { std::string_view value; std::string_view expected; };
struct int_spec_case { std::int64_t value; std::string_view spec; std::string_view expected; };
struct float_spec_case { double value; std::string_view spec; std::string_view expected; };
struct str_spec_case { std::string_view value; std::string_view spec; std::string_view expected; };
struct round_case { double value; int ndigits; double expected; };
struct half_even_case { double value; double expected; };
struct float_parse_case { std::string_view text; bool valid; double expected; };
struct int_parse_case { std::string_view text; int base; bool valid; std::int64_t expected; };
struct int_parse_error_case { std::string_view text; int base; std::string_view expected; };

const double_case float_repr_cases[] = {
    {0.0, "0.0"sv},
    {-0.0, "-0.0"sv},
    {1.0, "1.0"sv},
    {-1.0, "-1.0"sv},
    {0.1, "0.1"sv},
    {0.2, "0.2"sv},
    {0.30000000000000004, "0.30000000000000004"sv},
    {0.3333333333333333, "0.3333333333333333"sv},
    {0.6666666666666666, "0.6666666666666666"sv},
    {100.0, "100.0"sv},
    {1000000000000000.0, "1000000000000000.0"sv},
    {1e+16, "1e+16"sv},
    {-1e+16, "-1e+16"sv},
    {1e+17, "1e+17"sv},
    {123456789012345.0, "123456789012345.0"sv},
    {1234567890123456.0, "1234567890123456.0"sv},
    {1.2345678901234568e+16, "1.2345678901234568e+16"sv},
    {2.000000000000001e+16, "2.000000000000001e+16"sv},
    {1.2345678901234568e+16, "1.2345678901234568e+16"sv},
    {0.0001, "0.0001"sv},
    {1e-05, "1e-05"sv},
    {1.5e-07, "1.5e-07"sv},
    {0.00012345, "0.00012345"sv},
    {1e+22, "1e+22"sv},
    {1e+23, "1e+23"sv},
    {1.7976931348623157e+308, "1.7976931348623157e+308"sv},
    {5e-324, "5e-324"sv},
    {2.2250738585072014e-308, "2.2250738585072014e-308"sv},
    {2.225073858507201e-308, "2.225073858507201e-308"sv},
    {1.5e-323, "1.5e-323"sv},
    {9007199254740992.0, "9007199254740992.0"sv},
    {9007199254740992.0, "9007199254740992.0"sv},
    {0.5, "0.5"sv},
    {1.5, "1.5"sv},
    {2.675, "2.675"sv},
    {1.005, "1.005"sv},
    {3.141592653589793, "3.141592653589793"sv},
    {2.718281828459045, "2.718281828459045"sv},
    {1e+100, "1e+100"sv},
    {1e-100, "1e-100"sv},
    {123.456, "123.456"sv},
    {-987.654321, "-987.654321"sv},
    {1e+301, "1e+301"sv},
    {-1e+301, "-1e+301"sv},
    {not_a_number, "nan"sv},
    {7.120236347223045e-307, "7.120236347223045e-307"sv},
    {2.2250738585072014e-308, "2.2250738585072014e-308"sv},
    {8.98846567431158e+307, "8.98846567431158e+307"sv},
    {5e-324, "5e-324"sv},
    {4503599627370496.0, "4503599627370496.0"sv},
    {9007199254740992.0, "9007199254740992.0"sv},
    {9.223372036854776e+18, "9.223372036854776e+18"sv},
    {0.14285714285714285, "0.14285714285714285"sv},
    {1e-07, "1e-07"sv},
    {1e+23, "1e+23"sv},
    {0.3, "0.3"sv},
    {4.35, "4.35"sv},
    {4.345, "4.345"sv},
    {1000000.0, "1000000.0"sv},
    {12345.678, "12345.678"sv},
};

const int_case int_repr_cases[] = {
    {0, "0"sv},
    {1, "1"sv},
    {-1, "-1"sv},
    {42, "42"sv},
    {-7, "-7"sv},
    {9223372036854775807, "9223372036854775807"sv},
    {INT64_MIN, "-9223372036854775808"sv},
    {1000000000000000000, "1000000000000000000"sv},
};

const text_case str_repr_cases[] = {
    {""sv, "''"sv},
    {"abc"sv, "'abc'"sv},
    {"it's"sv, "\"it's\""sv},
    {"say \"hi\""sv, "'say \"hi\"'"sv},
    {"both ' and \""sv, "'both \\' and \"'"sv},
    {"back\\slash"sv, "'back\\\\slash'"sv},
    {"tab\011here"sv, "'tab\\there'"sv},
    {"new\012line"sv, "'new\\nline'"sv},
    {"cr\015"sv, "'cr\\r'"sv},
    {"\000\001\037"sv, "'\\x00\\x01\\x1f'"sv},
    {"\177"sv, "'\\x7f'"sv},
    {"\302\200\302\237"sv, "'\\x80\\x9f'"sv},
    {"\302\240nbsp"sv, "'\\xa0nbsp'"sv},
    {"\302\255"sv, "'\\xad'"sv},
    {"caf\303\251"sv, "'caf\303\251'"sv},
    {"\346\274\242\345\255\227"sv, "'\346\274\242\345\255\227'"sv},
    {"\360\237\230\200"sv, "'\360\237\230\200'"sv},
    {"\342\200\213"sv, "'\\u200b'"sv},
    {"\342\200\250"sv, "'\\u2028'"sv},
    {"\315\270"sv, "'\\u0378'"sv},
    {"\363\240\200\201"sv, "'\\U000e0001'"sv},
    {"\364\217\277\277"sv, "'\\U0010ffff'"sv},
    {"\357\273\277"sv, "'\\ufeff'"sv},
    {"a\033b"sv, "'a\\x1bb'"sv},
    {"' \""sv, "'\\' \"'"sv},
};

const int_spec_case int_spec_cases[] = {
    {0, "d"sv, "0"sv},
    {42, ""sv, "42"sv},
    {42, "5"sv, "   42"sv},
    {42, "<5"sv, "42   "sv},
    {42, "^5"sv, " 42  "sv},
    {42, "^6"sv, "  42  "sv},
    {42, "=5"sv, "   42"sv},
    {-42, "=6"sv, "-   42"sv},
    {-42, "06"sv, "-00042"sv},
    {42, "+"sv, "+42"sv},
    {-42, "+"sv, "-42"sv},
    {42, " "sv, " 42"sv},
    {-42, " "sv, "-42"sv},
    {42, "-"sv, "42"sv},
    {42, "*^9"sv, "***42****"sv},
    {42, "\303\251>5"sv, "\303\251\303\251\303\25142"sv},
    {42, "0>5"sv, "00042"sv},
    {42, "0<5"sv, "42000"sv},
    {-42, "0<6"sv, "-42000"sv},
    {1234567, ","sv, "1,234,567"sv},
    {-1234567, ","sv, "-1,234,567"sv},
    {1234567, "_"sv, "1_234_567"sv},
    {123, ","sv, "123"sv},
    {1234, ","sv, "1,234"sv},
    {1234567, "012,"sv, "0,001,234,567"sv},
    {1234567, "013,"sv, "0,001,234,567"sv},
    {1, "010,"sv, "00,000,001"sv},
    {0, "08,"sv, "0,000,000"sv},
    {-1234, "+012,"sv, "-000,001,234"sv},
    {1234567, ">15,"sv, "      1,234,567"sv},
    {1234567, "^15_"sv, "   1_234_567   "sv},
    {255, "b"sv, "11111111"sv},
    {255, "o"sv, "377"sv},
    {255, "x"sv, "ff"sv},
    {255, "X"sv, "FF"sv},
    {-255, "x"sv, "-ff"sv},
    {255, "#b"sv, "0b11111111"sv},
    {255, "#o"sv, "0o377"sv},
    {255, "#x"sv, "0xff"sv},
    {255, "#X"sv, "0XFF"sv},
    {-255, "#x"sv, "-0xff"sv},
    {255, "#010x"sv, "0x000000ff"sv},
    {-255, "#010x"sv, "-0x00000ff"sv},
    {255, "_b"sv, "1111_1111"sv},
    {65535, "_x"sv, "ffff"sv},
    {4294967296, "#_X"sv, "0X1_0000_0000"sv},
    {1048576, "_o"sv, "400_0000"sv},
    {65, "c"sv, "A"sv},
    {9786, "c"sv, "\342\230\272"sv},
    {128512, "c"sv, "\360\237\230\200"sv},
    {65, ">5c"sv, "    A"sv},
    {65, "05c"sv, "0000A"sv},
    {42, "n"sv, "42"sv},
    {1234567, "n"sv, "1234567"sv},
    {9223372036854775807, ","sv, "9,223,372,036,854,775,807"sv},
    {INT64_MIN, ","sv, "-9,223,372,036,854,775,808"sv},
    {INT64_MIN, "x"sv, "-8000000000000000"sv},
    {INT64_MIN, "#b"sv, "-0b1000000000000000000000000000000000000000000000000000000000000000"sv},
    {9223372036854775807, "_x"sv, "7fff_ffff_ffff_ffff"sv},
    {7, "e"sv, "7.000000e+00"sv},
    {7, ".2e"sv, "7.00e+00"sv},
    {7, "f"sv, "7.000000"sv},
    {7, ".0f"sv, "7"sv},
    {-7, "F"sv, "-7.000000"sv},
    {123456789, "g"sv, "1.23457e+08"sv},
    {123456789, ".3g"sv, "1.23e+08"sv},
    {7, "%"sv, "700.000000%"sv},
    {7, ".1%"sv, "700.0%"sv},
    {9007199254740993, "f"sv, "9007199254740992.000000"sv},
    {9223372036854775807, ".0f"sv, "9223372036854775808"sv},
    {1234567, ",.2f"sv, "1,234,567.00"sv},
    {42, "E"sv, "4.200000E+01"sv},
    {42, "G"sv, "42"sv},
    {1, "010d"sv, "0000000001"sv},
    {-1, "=+5"sv, "-   1"sv},
    {5, "x<4"sv, "5xxx"sv},
    {5, "x>4"sv, "xxx5"sv},
    {5, "x=4"sv, "xxx5"sv},
    {5, "x^4"sv, "x5xx"sv},
    {42, "\331\245"sv, "   42"sv},
    {42, "*>\331\241\331\240"sv, "********42"sv},
};

const int_spec_case bool_spec_cases[] = {
    {1, "d"sv, "1"sv},
    {0, "d"sv, "0"sv},
    {1, "5"sv, "    1"sv},
    {1, "^5"sv, "  1  "sv},
    {1, "x"sv, "1"sv},
    {1, "f"sv, "1.000000"sv},
    {0, ".1%"sv, "0.0%"sv},
    {1, "+"sv, "+1"sv},
};

const float_spec_case float_spec_cases[] = {
    {1.0, ".3"sv, "1.0"sv},
    {123456.0, ".3"sv, "1.23e+05"sv},
    {123456.0, ".6"sv, "1.23456e+05"sv},
    {123456.0, ".7"sv, "123456.0"sv},
    {1.0, ".0"sv, "1e+00"sv},
    {0.5, ".0"sv, "0.5"sv},
    {1e+16, ".3"sv, "1e+16"sv},
    {1e+16, ".17"sv, "1e+16"sv},
    {1e-05, ".3"sv, "1e-05"sv},
    {0.0001, ".3"sv, "0.0001"sv},
    {1.5, "10"sv, "       1.5"sv},
    {1.5, "<10"sv, "1.5       "sv},
    {1.5, "^10"sv, "   1.5    "sv},
    {-1.5, "010"sv, "-0000001.5"sv},
    {2.675, ".2f"sv, "2.67"sv},
    {0.125, ".2f"sv, "0.12"sv},
    {0.375, ".2f"sv, "0.38"sv},
    {4.5, ".0f"sv, "4"sv},
    {5.5, ".0f"sv, "6"sv},
    {-0.5, ".0f"sv, "-0"sv},
    {1.005, ".2f"sv, "1.00"sv},
    {-0.4, ".0f"sv, "-0"sv},
    {-0.0, "f"sv, "-0.000000"sv},
    {-0.0, ""sv, "-0.0"sv},
    {-0.0, "z.1f"sv, "0.0"sv},
    {-0.001, "z.2f"sv, "0.00"sv},
    {-0.001, ".2f"sv, "-0.00"sv},
    {0.001, ".2f"sv, "0.00"sv},
    {1e+22, "f"sv, "10000000000000000000000.000000"sv},
    {1e+23, "f"sv, "99999999999999991611392.000000"sv},
    {1.5e+300, ".0f"sv, "1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240"sv},
    {0.1, ".20f"sv, "0.10000000000000000555"sv},
    {0.1, ".30f"sv, "0.100000000000000005551115123126"sv},
    {5e-324, ".3e"sv, "4.941e-324"sv},
    {5e-324, "g"sv, "4.94066e-324"sv},
    {2.5, ".0e"sv, "2e+00"sv},
    {3.5, ".0e"sv, "4e+00"sv},
    {123.456, "e"sv, "1.234560e+02"sv},
    {123.456, "E"sv, "1.234560E+02"sv},
    {123.456, ".2e"sv, "1.23e+02"sv},
    {-123.456, "+.3e"sv, "-1.235e+02"sv},
    {1e+100, "e"sv, "1.000000e+100"sv},
    {1e-100, "e"sv, "1.000000e-100"sv},
    {123.456, "g"sv, "123.456"sv},
    {123.456, "G"sv, "123.456"sv},
    {1e-05, "g"sv, "1e-05"sv},
    {0.0001, "g"sv, "0.0001"sv},
    {123456.0, "g"sv, "123456"sv},
    {1234567.0, "g"sv, "1.23457e+06"sv},
    {1234567.0, "G"sv, "1.23457E+06"sv},
    {0.0, "g"sv, "0"sv},
    {1.0, ".0g"sv, "1"sv},
    {100.0, "#g"sv, "100.000"sv},
    {1.0, "#.3g"sv, "1.00"sv},
    {1.0, "#"sv, "1.0"sv},
    {1.0, "#.0f"sv, "1."sv},
    {1.0, "#.0e"sv, "1.e+00"sv},
    {1.0, "#.3"sv, "1.00"sv},
    {0.25, "%"sv, "25.000000%"sv},
    {0.25, ".0%"sv, "25%"sv},
    {0.125, ".1%"sv, "12.5%"sv},
    {-0.5, "+.2%"sv, "-50.00%"sv},
    {0.3333333333333333, ".2%"sv, "33.33%"sv},
    {1234567.891, ","sv, "1,234,567.891"sv},
    {1234567.891, ",.2f"sv, "1,234,567.89"sv},
    {1234567.891, "_.2f"sv, "1_234_567.89"sv},
    {1234567.891, "015,.2f"sv, "0,001,234,567.89"sv},
    {1234567.891, "016,.2f"sv, "0,001,234,567.89"sv},
    {-1234.5, "012,.1f"sv, "-0,001,234.5"sv},
    {1e+16, ","sv, "1e+16"sv},
    {1234.5, ",e"sv, "1.234500e+03"sv},
    {1234.5, ",g"sv, "1,234.5"sv},
    {123456789.0, ",g"sv, "1.23457e+08"sv},
    {0.5, "012,.3f"sv, "0,000,000.500"sv},
    {infinity, ""sv, "inf"sv},
    {-infinity, ""sv, "-inf"sv},
    {not_a_number, ""sv, "nan"sv},
    {infinity, "f"sv, "inf"sv},
    {infinity, "F"sv, "INF"sv},
    {not_a_number, "F"sv, "NAN"sv},
    {not_a_number, "E"sv, "NAN"sv},
    {-infinity, "G"sv, "-INF"sv},
    {infinity, "010"sv, "0000000inf"sv},
    {-infinity, "010"sv, "-000000inf"sv},
    {infinity, "+"sv, "+inf"sv},
    {not_a_number, "+"sv, "+nan"sv},
    {-not_a_number, ""sv, "nan"sv},
    {not_a_number, "=+8"sv, "+    nan"sv},
    {infinity, ","sv, "inf"sv},
    {infinity, "%"sv, "inf%"sv},
    {1.5, "+"sv, "+1.5"sv},
    {1.5, " "sv, " 1.5"sv},
    {-1.5, " "sv, "-1.5"sv},
    {1.5, "*^+9.2f"sv, "**+1.50**"sv},
    {1.5, "\303\251<8"sv, "1.5\303\251\303\251\303\251\303\251\303\251"sv},
    {3.14159, "n"sv, "3.14159"sv},
    {1234567.0, "n"sv, "1.23457e+06"sv},
    {1e+200, ".3n"sv, "1e+200"sv},
    {1.0, ".3n"sv, "1"sv},
    {12.0, "%"sv, "1200.000000%"sv},
    {1e-07, ""sv, "1e-07"sv},
    {1.5e-07, ".2"sv, "1.5e-07"sv},
    {0.30000000000000004, ".17g"sv, "0.30000000000000004"sv},
    {0.30000000000000004, ".16g"sv, "0.3"sv},
    {0.30000000000000004, ".1000g"sv, "0.3000000000000000444089209850062616169452667236328125"sv},
    {9.995, ".2f"sv, "9.99"sv},
    {9.9950000001, ".2f"sv, "10.00"sv},
    {99.5, ".0f"sv, "100"sv},
    {999999.5, ".0f"sv, "1000000"sv},
    {0.0005, ".3f"sv, "0.001"sv},
    {0.0015, ".3f"sv, "0.002"sv},
    {1000000000000000.0, ""sv, "1000000000000000.0"sv},
    {1e+16, ""sv, "1e+16"sv},
    {123456789012345.6, ""sv, "123456789012345.6"sv},
    {9007199254740992, ".1f"sv, "9007199254740992.0"sv},
    {2.5, "=+08.2f"sv, "+0002.50"sv},
    {-2.5, "08.2f"sv, "-0002.50"sv},
    {2.5, "08.2%"sv, "0250.00%"sv},
    {1.25, ".\331\241f"sv, "1.2"sv},
};

const str_spec_case str_spec_cases[] = {
    {"abc"sv, "5"sv, "abc  "sv},
    {"abc"sv, "<5"sv, "abc  "sv},
    {"abc"sv, ">5"sv, "  abc"sv},
    {"abc"sv, "^5"sv, " abc "sv},
    {"abc"sv, "^6"sv, " abc  "sv},
    {"abc"sv, "*^7"sv, "**abc**"sv},
    {"abc"sv, ".2"sv, "ab"sv},
    {"abc"sv, ".0"sv, ""sv},
    {"abc"sv, "5.2"sv, "ab   "sv},
    {"abc"sv, ">5.1"sv, "    a"sv},
    {"abc"sv, "2"sv, "abc"sv},
    {"abc"sv, "s"sv, "abc"sv},
    {"abc"sv, "10s"sv, "abc       "sv},
    {"abc"sv, "05"sv, "abc00"sv},
    {"abc"sv, "0>5"sv, "00abc"sv},
    {"caf\303\251"sv, "6"sv, "caf\303\251  "sv},
    {"caf\303\251"sv, ">6"sv, "  caf\303\251"sv},
    {"\346\274\242\345\255\227"sv, "^6"sv, "  \346\274\242\345\255\227  "sv},
    {"\346\274\242\345\255\227"sv, ".1"sv, "\346\274\242"sv},
    {"\360\237\230\200x"sv, ".1"sv, "\360\237\230\200"sv},
    {"abc"sv, "\360\237\230\200^7"sv, "\360\237\230\200\360\237\230\200abc\360\237\230\200\360\237\230\200"sv},
    {""sv, "3"sv, "   "sv},
    {""sv, ".0"sv, ""sv},
    {"abcdef"sv, ".10"sv, "abcdef"sv},
    {"abc"sv, "<"sv, "abc"sv},
    {"abc"sv, "^"sv, "abc"sv},
};

const int_spec_case int_error_cases[] = {
    {42, "q"sv, "ValueError: Unknown format code 'q' for object of type 'int'"sv},
    {42, "s"sv, "ValueError: Unknown format code 's' for object of type 'int'"sv},
    {42, ".2"sv, "ValueError: Precision not allowed in integer format specifier"sv},
    {42, ".2d"sv, "ValueError: Precision not allowed in integer format specifier"sv},
    {42, "z"sv, "ValueError: Negative zero coercion (z) not allowed in integer format specifier"sv},
    {65, "+c"sv, "ValueError: Sign not allowed with integer format specifier 'c'"sv},
    {65, "#c"sv, "ValueError: Alternate form (#) not allowed with integer format specifier 'c'"sv},
    {-1, "c"sv, "OverflowError: %c arg not in range(0x110000)"sv},
    {1114112, "c"sv, "OverflowError: %c arg not in range(0x110000)"sv},
    {42, ",b"sv, "ValueError: Cannot specify ',' with 'b'."sv},
    {42, ",x"sv, "ValueError: Cannot specify ',' with 'x'."sv},
    {42, ",c"sv, "ValueError: Cannot specify ',' with 'c'."sv},
    {42, ",n"sv, "ValueError: Cannot specify ',' with 'n'."sv},
    {42, "_c"sv, "ValueError: Cannot specify '_' with 'c'."sv},
    {42, ",_"sv, "ValueError: Cannot specify both ',' and '_'."sv},
    {42, "_,"sv, "ValueError: Cannot specify both ',' and '_'."sv},
    {42, "."sv, "ValueError: Format specifier missing precision"sv},
    {42, "abc"sv, "ValueError: Invalid format specifier 'abc' for object of type 'int'"sv},
    {42, "5dd"sv, "ValueError: Invalid format specifier '5dd' for object of type 'int'"sv},
    {42, "99999999999999999999"sv, "ValueError: Too many decimal digits in format string"sv},
    {42, "\001"sv, "ValueError: Unknown format code '\\x1' for object of type 'int'"sv},
    {42, "\303\251"sv, "ValueError: Unknown format code '\\xe9' for object of type 'int'"sv},
    {42, ".999999999999999999999f"sv, "ValueError: Too many decimal digits in format string"sv},
};

const int_spec_case bool_error_cases[] = {
    {1, "q"sv, "ValueError: Unknown format code 'q' for object of type 'bool'"sv},
    {1, "s"sv, "ValueError: Unknown format code 's' for object of type 'bool'"sv},
};

const float_spec_case float_error_cases[] = {
    {1.5, "d"sv, "ValueError: Unknown format code 'd' for object of type 'float'"sv},
    {1.5, "x"sv, "ValueError: Unknown format code 'x' for object of type 'float'"sv},
    {1.5, "s"sv, "ValueError: Unknown format code 's' for object of type 'float'"sv},
    {1.5, "c"sv, "ValueError: Unknown format code 'c' for object of type 'float'"sv},
    {1.5, "q"sv, "ValueError: Unknown format code 'q' for object of type 'float'"sv},
    {1.5, ",n"sv, "ValueError: Cannot specify ',' with 'n'."sv},
    {1.5, ",_"sv, "ValueError: Cannot specify both ',' and '_'."sv},
    {1.5, "."sv, "ValueError: Format specifier missing precision"sv},
    {1.5, ".99999999999f"sv, "ValueError: precision too big"sv},
    {1.5, "ff"sv, "ValueError: Invalid format specifier 'ff' for object of type 'float'"sv},
    {1.5, "_b"sv, "ValueError: Unknown format code 'b' for object of type 'float'"sv},
};

const str_spec_case str_error_cases[] = {
    {"abc"sv, "+"sv, "ValueError: Sign not allowed in string format specifier"sv},
    {"abc"sv, "-"sv, "ValueError: Sign not allowed in string format specifier"sv},
    {"abc"sv, " "sv, "ValueError: Space not allowed in string format specifier"sv},
    {"abc"sv, "="sv, "ValueError: '=' alignment not allowed in string format specifier"sv},
    {"abc"sv, "*=5"sv, "ValueError: '=' alignment not allowed in string format specifier"sv},
    {"abc"sv, "#"sv, "ValueError: Alternate form (#) not allowed in string format specifier"sv},
    {"abc"sv, "z"sv, "ValueError: Negative zero coercion (z) not allowed in string format specifier"sv},
    {"abc"sv, ","sv, "ValueError: Cannot specify ',' with 's'."sv},
    {"abc"sv, "_"sv, "ValueError: Cannot specify '_' with 's'."sv},
    {"abc"sv, "d"sv, "ValueError: Unknown format code 'd' for object of type 'str'"sv},
    {"abc"sv, "q"sv, "ValueError: Unknown format code 'q' for object of type 'str'"sv},
    {"abc"sv, "=+5"sv, "ValueError: Sign not allowed in string format specifier"sv},
    {"abc"sv, "+#"sv, "ValueError: Sign not allowed in string format specifier"sv},
    {"abc"sv, "."sv, "ValueError: Format specifier missing precision"sv},
    {"abc"sv, "xyz"sv, "ValueError: Invalid format specifier 'xyz' for object of type 'str'"sv},
};

const round_case round_cases[] = {
    {2.675, 2, 2.67},
    {0.125, 2, 0.12},
    {0.375, 2, 0.38},
    {1.005, 2, 1.0},
    {2.5, 0, 2.0},
    {3.5, 0, 4.0},
    {-0.4, 0, -0.0},
    {-0.5, 0, -0.0},
    {0.5, 0, 0.0},
    {1234.5, -1, 1230.0},
    {1250.0, -2, 1200.0},
    {1350.0, -2, 1400.0},
    {1250.4, -2, 1300.0},
    {-1250.0, -2, -1200.0},
    {-40.0, -2, -0.0},
    {49.0, -2, 0.0},
    {50.0, -2, 0.0},
    {150.0, -2, 200.0},
    {5e-324, 323, 0.0},
    {5e-324, 324, 5e-324},
    {1e+300, -300, 1e+300},
    {1e+300, -309, 0.0},
    {-1e+300, -309, -0.0},
    {123.456, -1, 120.0},
    {123.456, 1, 123.5},
    {123.456, 10, 123.456},
    {0.1, 20, 0.1},
    {1e+22, -22, 1e+22},
    {5e+22, -23, 0.0},
    {infinity, 2, infinity},
    {-infinity, -2, -infinity},
    {1.5, 400, 1.5},
    {0.285, 2, 0.28},
    {0.295, 2, 0.29},
    {7.0, -1, 10.0},
    {5.0, -1, 0.0},
};

const half_even_case half_even_cases[] = {
    {0.5, 0.0},
    {1.5, 2.0},
    {2.5, 2.0},
    {-0.5, -0.0},
    {-1.5, -2.0},
    {-2.5, -2.0},
    {0.49999999999999994, 0.0},
    {-0.4, -0.0},
    {2.4, 2.0},
    {2.6, 3.0},
    {1.0000000000000002e+16, 1.0000000000000002e+16},
    {4503599627370497.0, 4503599627370497.0},
    {infinity, infinity},
    {-infinity, -infinity},
};

const float_spec_case round_error_cases[] = {
    {1.7976931348623157e+308, "-308"sv, "OverflowError: rounded value too large to represent"sv},
};

const float_parse_case float_parse_cases[] = {
    {"1e3"sv, true, 1000.0},
    {" 2.5 "sv, true, 2.5},
    {"\011-3.25\012"sv, true, -3.25},
    {"inf"sv, true, infinity},
    {"-inf"sv, true, -infinity},
    {"+Infinity"sv, true, infinity},
    {"iNfInItY"sv, true, infinity},
    {"nan"sv, true, not_a_number},
    {"-nan"sv, true, -not_a_number},
    {"NaN"sv, true, not_a_number},
    {"1_000.5"sv, true, 1000.5},
    {"1_0e1_0"sv, true, 100000000000.0},
    {".5"sv, true, 0.5},
    {"5."sv, true, 5.0},
    {"-.5e-3"sv, true, -0.0005},
    {"1E5"sv, true, 100000.0},
    {"1e500"sv, true, infinity},
    {"-1e500"sv, true, -infinity},
    {"1e-400"sv, true, 0.0},
    {"0.1"sv, true, 0.1},
    {"\302\2401.5\343\200\200"sv, true, 1.5},
    {"4.9406564584124654e-324"sv, true, 5e-324},
    {"2.2250738585072011e-308"sv, true, 2.225073858507201e-308},
    {"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999"sv, true, 1.7976931348623157e+308},
    {""sv, false, 0.0},
    {"  "sv, false, 0.0},
    {"abc"sv, false, 0.0},
    {"1e"sv, false, 0.0},
    {"1e+"sv, false, 0.0},
    {"."sv, false, 0.0},
    {"-"sv, false, 0.0},
    {"+.e1"sv, false, 0.0},
    {"1_"sv, false, 0.0},
    {"_1"sv, false, 0.0},
    {"1__0"sv, false, 0.0},
    {"1_.5"sv, false, 0.0},
    {"1._5"sv, false, 0.0},
    {"1e_1"sv, false, 0.0},
    {"0x10"sv, false, 0.0},
    {"1.5f"sv, false, 0.0},
    {"1,5"sv, false, 0.0},
    {"in_f"sv, false, 0.0},
    {"nan(1)"sv, false, 0.0},
    {"infinit"sv, false, 0.0},
    {"--1"sv, false, 0.0},
    {"1 2"sv, false, 0.0},
    {"\0341.5"sv, false, 0.0},
    {"1.5\000"sv, false, 0.0},
    {"\331\241\331\242"sv, true, 12.0},
};

const int_parse_case int_parse_cases[] = {
    {" 42 "sv, 10, true, 42},
    {"-7"sv, 10, true, -7},
    {"+7"sv, 10, true, 7},
    {"1_000"sv, 10, true, 1000},
    {"ff"sv, 16, true, 255},
    {"FF"sv, 16, true, 255},
    {"0x1f"sv, 0, true, 31},
    {"0x1f"sv, 16, true, 31},
    {"0X1F"sv, 0, true, 31},
    {"0o17"sv, 0, true, 15},
    {"0b101"sv, 0, true, 5},
    {"0b101"sv, 2, true, 5},
    {"0_0"sv, 0, true, 0},
    {"00"sv, 0, true, 0},
    {"000"sv, 10, true, 0},
    {"010"sv, 10, true, 10},
    {"0x_1f"sv, 0, true, 31},
    {"  -0b1_0 "sv, 0, true, -2},
    {"z"sv, 36, true, 35},
    {"Z"sv, 36, true, 35},
    {"zz"sv, 36, true, 1295},
    {"9223372036854775807"sv, 10, true, 9223372036854775807},
    {"-9223372036854775808"sv, 10, true, INT64_MIN},
    {"7fffffffffffffff"sv, 16, true, 9223372036854775807},
    {"-0x8000000000000000"sv, 0, true, INT64_MIN},
    {"\302\24042\302\240"sv, 10, true, 42},
    {""sv, 10, false, 0},
    {"  "sv, 10, false, 0},
    {"abc"sv, 10, false, 0},
    {"1.5"sv, 10, false, 0},
    {"010"sv, 0, false, 0},
    {"0x"sv, 16, false, 0},
    {"0x"sv, 0, false, 0},
    {"0_x1f"sv, 0, false, 0},
    {"1__0"sv, 10, false, 0},
    {"_1"sv, 10, false, 0},
    {"1_"sv, 10, false, 0},
    {"+ 1"sv, 10, false, 0},
    {"- 1"sv, 10, false, 0},
    {"0x1f"sv, 10, false, 0},
    {"0b2"sv, 0, false, 0},
    {"12"sv, 2, false, 0},
    {"g"sv, 16, false, 0},
    {"\0341"sv, 10, false, 0},
    {"1\000"sv, 10, false, 0},
    {"\331\244\331\242"sv, 10, true, 42},
    {"0o8"sv, 0, false, 0},
    {"--1"sv, 10, false, 0},
};

const int_parse_error_case int_parse_error_cases[] = {
    {"1"sv, 1, "ValueError: int() base must be >= 2 and <= 36, or 0"sv},
    {"1"sv, 37, "ValueError: int() base must be >= 2 and <= 36, or 0"sv},
    {"1"sv, -1, "ValueError: int() base must be >= 2 and <= 36, or 0"sv},
    {"9223372036854775808"sv, 10, "OverflowError: int too large for a 64-bit integer: '9223372036854775808'"sv},
    {"-9223372036854775809"sv, 10, "OverflowError: int too large for a 64-bit integer: '-9223372036854775809'"sv},
    {"0x10000000000000000"sv, 0, "OverflowError: int too large for a 64-bit integer: '0x10000000000000000'"sv},
    {"99999999999999999999999"sv, 10, "OverflowError: int too large for a 64-bit integer: '99999999999999999999999'"sv},
};

// Significant digits in a repr: the mantissa's digits without leading or trailing zeros.
int significant_digits(const std::string& repr) {
    std::string digits;
    for (char c : repr.substr(0, repr.find('e'))) {
        if (c >= '0' && c <= '9') digits += c;
    }
    std::size_t first = digits.find_first_not_of('0');
    if (first == std::string::npos) return 0;
    return static_cast<int>(digits.find_last_not_of('0') - first + 1);
}

bool reads_back_with_digits(double x, int digits) {
    char text[512];
    std::snprintf(text, sizeof text, "%.*g", digits, x);
    return std::strtod(text, nullptr) == x;
}

}  // namespace

TEST_CASE("float repr gives the shortest round-trip digits in CPython's layout", "[format]") {
    for (const auto& c : float_repr_cases) {
        INFO("repr " << c.expected);
        CHECK(float_repr(c.value) == c.expected);
    }
}

TEST_CASE("float repr reads back exactly with no shorter digits, for 100,000 random doubles", "[format]") {
    std::mt19937_64 random(20240611);
    int checked = 0;
    int failures = 0;
    std::string first_failure;
    while (checked < 100000) {
        std::uint64_t bits = random();
        if (checked % 4 == 0) bits &= 0x800FFFFFFFFFFFFFull;  // exponent field 0: a subnormal
        double x;
        std::memcpy(&x, &bits, sizeof x);
        if (!std::isfinite(x)) continue;
        ++checked;
        std::string text = float_repr(x);
        bool exact = same_double(std::strtod(text.c_str(), nullptr), x);
        // One digit fewer must not read back. A nearer decimal with fewer digits is rare enough
        // (only at powers of two) that every 10th value tries all shorter lengths, which in
        // wasm, where musl's strtod is slow at extreme exponents, would take seconds for all.
        int digits = significant_digits(text);
        bool shorter_exists = digits > 1 && reads_back_with_digits(x, digits - 1);
        for (int p = 1; checked % 10 == 0 && p < digits - 1 && !shorter_exists; ++p) shorter_exists = reads_back_with_digits(x, p);
        if (!exact || shorter_exists) {
            if (failures++ == 0) first_failure = text + " for bits " + std::to_string(bits);
        }
    }
    INFO("first failure: " << first_failure);
    CHECK(failures == 0);
}

TEST_CASE("int repr is the decimal integer", "[format]") {
    for (const auto& c : int_repr_cases) CHECK(int_repr(c.value) == c.expected);
}

TEST_CASE("str repr picks quotes and escapes as CPython does", "[format]") {
    for (const auto& c : str_repr_cases) {
        INFO("repr " << c.expected);
        CHECK(str_repr(c.value) == c.expected);
    }
}

TEST_CASE("str repr escapes bytes that are not UTF-8 as \\x", "[format]") {
    CHECK(str_repr("a\xff" "b") == "'a\\xffb'");
    CHECK(str_repr("\xe6\xbc") == "'\\xe6\\xbc'");
}

TEST_CASE("ints format by the spec mini-language, float types converting", "[format]") {
    for (const auto& c : int_spec_cases) {
        INFO("format(" << c.value << ", '" << c.spec << "')");
        CHECK(format_int(c.value, c.spec) == c.expected);
    }
}

TEST_CASE("bools with a non-empty spec format as their int", "[format]") {
    for (const auto& c : bool_spec_cases) {
        INFO("format(" << (c.value ? "True" : "False") << ", '" << c.spec << "')");
        CHECK(format_int(c.value, c.spec, "bool") == c.expected);
    }
}

TEST_CASE("floats format by the spec mini-language, correctly rounded", "[format]") {
    for (const auto& c : float_spec_cases) {
        INFO("format(" << float_repr(c.value) << ", '" << c.spec << "')");
        CHECK(format_float(c.value, c.spec) == c.expected);
    }
}

TEST_CASE("strs format with fill, alignment, width and truncation in code points", "[format]") {
    for (const auto& c : str_spec_cases) {
        INFO("format(" << str_repr(c.value) << ", '" << c.spec << "')");
        CHECK(format_str(c.value, c.spec) == c.expected);
    }
}

TEST_CASE("an empty spec gives str() of the value", "[format]") {
    CHECK(format_int(-5, "") == "-5");
    CHECK(format_float(0.1, "") == "0.1");
    CHECK(format_str("x y", "") == "x y");
}

TEST_CASE("bad specs raise CPython's exception and message", "[format]") {
    for (const auto& c : int_error_cases) {
        INFO("format(" << c.value << ", '" << c.spec << "')");
        CHECK(result_or_error([&] { return format_int(c.value, c.spec); }) == c.expected);
    }
    for (const auto& c : bool_error_cases) {
        INFO("format(bool, '" << c.spec << "')");
        CHECK(result_or_error([&] { return format_int(c.value, c.spec, "bool"); }) == c.expected);
    }
    for (const auto& c : float_error_cases) {
        INFO("format(" << float_repr(c.value) << ", '" << c.spec << "')");
        CHECK(result_or_error([&] { return format_float(c.value, c.spec); }) == c.expected);
    }
    for (const auto& c : str_error_cases) {
        INFO("format(" << str_repr(c.value) << ", '" << c.spec << "')");
        CHECK(result_or_error([&] { return format_str(c.value, c.spec); }) == c.expected);
    }
}

TEST_CASE("widths too large to allocate raise MemoryError instead of exhausting memory", "[format]") {
    CHECK(result_or_error([] { return format_int(1, "999999999"); }) == "MemoryError: ");
    CHECK(result_or_error([] { return format_str("a", "<999999999"); }) == "MemoryError: ");
    CHECK(result_or_error([] { return format_float(1.0, ".999999999f"); }) == "MemoryError: ");
}

TEST_CASE("round with ndigits rounds the exact binary value half to even", "[format]") {
    for (const auto& c : round_cases) {
        INFO("round(" << float_repr(c.value) << ", " << c.ndigits << ") gave " << float_repr(python_round(c.value, c.ndigits)));
        CHECK(same_double(python_round(c.value, c.ndigits), c.expected));
    }
    for (const auto& c : round_error_cases) {
        CHECK(result_or_error([&] { return float_repr(python_round(c.value, std::atoi(std::string(c.spec).c_str()))); }) == c.expected);
    }
}

TEST_CASE("round without ndigits rounds half to even", "[format]") {
    for (const auto& c : half_even_cases) {
        INFO("round(" << float_repr(c.value) << ")");
        CHECK(same_double(python_round_half_even(c.value), c.expected));
    }
}

TEST_CASE("float() reads Python's float literals and rejects the rest", "[format]") {
    for (const auto& c : float_parse_cases) {
        INFO("float(" << str_repr(c.text) << ")");
        double value = 12345.0;
        REQUIRE(parse_python_float(c.text, value) == c.valid);
        if (c.valid) CHECK(same_double(value, c.expected));
    }
}

TEST_CASE("float('-nan') and float('nan') are NaNs", "[format]") {
    double value = 0;
    REQUIRE(parse_python_float("-nan", value));
    CHECK(std::isnan(value));
    REQUIRE(parse_python_float(" NAN ", value));
    CHECK(std::isnan(value));
}

TEST_CASE("int() reads Python's int literals in any base and rejects the rest", "[format]") {
    for (const auto& c : int_parse_cases) {
        INFO("int(" << str_repr(c.text) << ", " << c.base << ")");
        std::int64_t value = 12345;
        REQUIRE(parse_python_int(c.text, c.base, value) == c.valid);
        if (c.valid) CHECK(value == c.expected);
    }
}

TEST_CASE("int() raises for a bad base and for literals beyond 64 bits", "[format]") {
    for (const auto& c : int_parse_error_cases) {
        INFO("int(" << str_repr(c.text) << ", " << c.base << ")");
        std::int64_t value = 0;
        CHECK(result_or_error([&] {
            parse_python_int(c.text, c.base, value);
            return std::string("no error");
        }) == c.expected);
    }
}
