// bytes beyond the corpus's stdout: the compile-time errors of bytes literals (with CPython's
// line and column), the ValueErrors and TypeErrors of bytes(), and what stays outside the lesson.
#include <catch2/catch.hpp>

#include <string>

#include "loopstep/python/run_program.hpp"

using loopstep::python::run_program;

namespace {
// A syntax error has a column; a runtime error only its line (its column is 0, unknown).
void check_error(const std::string& program, const std::string& type, const std::string& message, int line, int column = 0) {
    INFO(program);
    const auto result = run_program(program);
    REQUIRE(result.error);
    CHECK(result.error->type == type);
    CHECK(result.error->message == message);
    CHECK(result.error->line == line);
    CHECK(result.error->column == column);
}
}  // namespace

TEST_CASE("a non-ASCII character in a bytes literal is CPython's SyntaxError at the literal", "[interpreter][bytes]") {
    check_error("x = b'caf\xc3\xa9'\n", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 5);
    check_error("x = 1\ny = (b'ok',\n     b'na\xc3\xafve')\n", "SyntaxError", "bytes can only contain ASCII literal characters", 3, 6);
    check_error("x = rb'\xc3\xa9'\n", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 5);
    const auto result = run_program("x = b'caf\xc3\xa9'\n");
    REQUIRE(result.error);
    CHECK(result.error->end_column == 12);
}

TEST_CASE("bytes and str literals side by side are CPython's SyntaxError at the next token", "[interpreter][bytes]") {
    check_error("x = b'a' 'b'\n", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13);
    check_error("x = 'a' b'b'\n", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13);
    check_error("x = b'a' f'b'\n", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 14);
    check_error("x = (b'a'\n     'b')\n", "SyntaxError", "cannot mix bytes and nonbytes literals", 2, 9);
    CHECK(run_program("print(b'a' b'b' rb'\\c' Br'\\d')\n").output == "b'ab\\\\c\\\\d'\n");
}

TEST_CASE("a truncated \\x escape in a bytes literal is CPython's value error", "[interpreter][bytes]") {
    check_error("x = b'\\x4'\n", "SyntaxError", "(value error) invalid \\x escape at position 0", 1, 11);
    check_error("x = b'ab\\x4g'\n", "SyntaxError", "(value error) invalid \\x escape at position 2", 1, 14);
    CHECK(run_program("print(b'\\777', b'\\0', b'\\12', b'\\u1234', b'\\q')\n").output == "b'\\xff' b'\\x00' b'\\n' b'\\\\u1234' b'\\\\q'\n");
}

TEST_CASE("bytes() of ints outside 0..255 and other misuse raise CPython's errors", "[interpreter][bytes]") {
    check_error("x = 1\nbytes([1, 2, 256])\n", "ValueError", "bytes must be in range(0, 256)", 2);
    check_error("bytes([-1])\n", "ValueError", "bytes must be in range(0, 256)", 1);
    check_error("bytes(-1)\n", "ValueError", "negative count", 1);
    check_error("bytes(['a'])\n", "TypeError", "'str' object cannot be interpreted as an integer", 1);
    check_error("bytes('abc')\n", "TypeError", "string argument without an encoding", 1);
    check_error("bytes(1.5)\n", "TypeError", "cannot convert 'float' object to bytes", 1);
    check_error("bytes([1], 'utf-8')\n", "TypeError", "encoding without a string argument", 1);
    check_error("256 in b'abc'\n", "ValueError", "byte must be in range(0, 256)", 1);
    check_error("'a' in b'abc'\n", "TypeError", "a bytes-like object is required, not 'str'", 1);
    check_error("b'a' + 'b'\n", "TypeError", "can't concat str to bytes", 1);
    check_error("b'abc'[3]\n", "IndexError", "index out of range", 1);
    check_error("bytes.fromhex('0g')\n", "ValueError", "non-hexadecimal number found in fromhex() arg at position 1", 1);
    check_error("b'\\x01'.hex('::')\n", "ValueError", "sep must be length 1.", 1);
}

TEST_CASE("decoding and encoding errors are CPython's UnicodeDecodeError and UnicodeEncodeError", "[interpreter][bytes]") {
    check_error("b'\\xff'.decode()\n", "UnicodeDecodeError", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", 1);
    check_error("b'a\\xe2\\x82'.decode()\n", "UnicodeDecodeError", "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data", 1);
    check_error("b'\\xe2\\x28\\xa1'.decode()\n", "UnicodeDecodeError", "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte", 1);
    check_error("b'\\xe2\\x82\\x28'.decode()\n", "UnicodeDecodeError", "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte", 1);
    check_error("b'\\xed\\xa0\\x80'.decode()\n", "UnicodeDecodeError", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte", 1);
    check_error("b'\\xf0\\x9f\\x98'.decode()\n", "UnicodeDecodeError", "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data", 1);
    check_error("b'a\\xe9'.decode('ascii')\n", "UnicodeDecodeError", "'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)", 1);
    check_error("'a\\xe9\\xe8'.encode('ascii')\n", "UnicodeEncodeError", "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)", 1);
    check_error("'\\ud800'.encode()\n", "UnicodeEncodeError", "'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed", 1);
    check_error("'\\xe9'.encode('ascii', 'nope')\n", "LookupError", "unknown error handler name 'nope'", 1);
    CHECK(run_program("print(b'a\\xff\\xe2\\x82b'.decode('utf-8', 'replace') == 'a\\ufffd\\ufffdb')\n").output == "True\n");
    CHECK(run_program("try:\n    b'\\xff'.decode()\nexcept ValueError as e:\n    print(type(e).__name__)\n").output == "UnicodeDecodeError\n");
}

TEST_CASE("what bytes leaves outside the lesson is named as not supported", "[interpreter][bytes]") {
    check_error("'x'.encode('utf-16')\n", "NotSupportedError",
                "the 'utf-16' encoding is not supported in this lesson: only utf-8, ascii and latin-1 are available", 1);
    check_error("x = 1\nbytearray(b'a')\n", "NotSupportedError", "bytearray is not supported in this lesson", 2);
    check_error("b'a'.translate(None)\n", "NotSupportedError", "bytes.translate is not supported in this lesson", 1);
    check_error("b'%d' % 1\n", "NotSupportedError", "%-formatting of bytes is not supported in this lesson", 1);
}
