// The proleptic Gregorian calendar in days since the epoch (Howard Hinnant's civil
// algorithms) and strftime in the C locale (pairs with civil_time.hpp).
#include "civil_time.hpp"

#include <cstdio>

namespace loopstep::python {

namespace {
const char* const weekday_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const month_names[] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};

std::string padded(std::int64_t n, int width, char fill = '0') {
    std::string digits = std::to_string(n < 0 ? -n : n);
    if (int(digits.size()) < width) digits = std::string(std::size_t(width) - digits.size(), fill) + digits;
    return (n < 0 ? "-" : "") + digits;
}

std::int64_t floor_divide(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

std::int64_t days_from_civil(std::int64_t year, int month, int day) {
    year -= month <= 2;
    const std::int64_t era = floor_divide(year, 400);
    const std::int64_t year_of_era = year - era * 400;
    const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

civil_time civil_from_days(std::int64_t days) {
    civil_time t;
    const std::int64_t z = days + 719468;
    const std::int64_t era = floor_divide(z, 146097);
    const std::int64_t day_of_era = z - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    t.day = int(day_of_year - (153 * mp + 2) / 5 + 1);
    t.month = int(mp < 10 ? mp + 3 : mp - 9);
    t.year = year_of_era + era * 400 + (t.month <= 2);
    t.weekday = int(((days % 7) + 7 + 3) % 7);
    t.yearday = int(days - days_from_civil(t.year, 1, 1) + 1);
    return t;
}

civil_time civil_from_seconds(std::int64_t seconds, int microsecond) {
    const std::int64_t days = floor_divide(seconds, 86400);
    const std::int64_t rest = seconds - days * 86400;
    civil_time t = civil_from_days(days);
    t.hour = int(rest / 3600);
    t.minute = int(rest / 60 % 60);
    t.second = int(rest % 60);
    t.microsecond = microsecond;
    return t;
}

int days_in_month(std::int64_t year, int month) {
    static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : lengths[month - 1];
}

std::string format_civil_time(const std::string& format, const civil_time& t, bool is_datetime) {
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 == format.size()) {
            out += format[i];
            continue;
        }
        const char directive = format[++i];
        const int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
        switch (directive) {
            case 'a': out += std::string(weekday_names[t.weekday]).substr(0, 3); break;
            case 'A': out += weekday_names[t.weekday]; break;
            case 'b':
            case 'h': out += std::string(month_names[t.month - 1]).substr(0, 3); break;
            case 'B': out += month_names[t.month - 1]; break;
            case 'c': out += format_civil_time("%a %b %e %H:%M:%S %Y", t, false); break;
            case 'C': out += padded(t.year / 100, 2); break;
            case 'd': out += padded(t.day, 2); break;
            case 'D': out += format_civil_time("%m/%d/%y", t, false); break;
            case 'e': out += padded(t.day, 2, ' '); break;
            case 'f':
                if (is_datetime) out += padded(t.microsecond, 6);
                else out += "%f";
                break;
            case 'F': out += format_civil_time("%Y-%m-%d", t, false); break;
            case 'H': out += padded(t.hour, 2); break;
            case 'I': out += padded(hour12, 2); break;
            case 'j': out += padded(t.yearday, 3); break;
            case 'k': out += padded(t.hour, 2, ' '); break;
            case 'l': out += padded(hour12, 2, ' '); break;
            case 'm': out += padded(t.month, 2); break;
            case 'M': out += padded(t.minute, 2); break;
            case 'n': out += '\n'; break;
            case 'p': out += t.hour < 12 ? "AM" : "PM"; break;
            case 'r': out += format_civil_time("%I:%M:%S %p", t, false); break;
            case 'R': out += format_civil_time("%H:%M", t, false); break;
            case 'S': out += padded(t.second, 2); break;
            case 't': out += '\t'; break;
            case 'T': out += format_civil_time("%H:%M:%S", t, false); break;
            case 'u': out += std::to_string(t.weekday + 1); break;
            case 'w': out += std::to_string((t.weekday + 1) % 7); break;
            case 'x': out += format_civil_time("%m/%d/%y", t, false); break;
            case 'X': out += format_civil_time("%H:%M:%S", t, false); break;
            case 'y': out += padded(((t.year % 100) + 100) % 100, 2); break;
            case 'Y': out += std::to_string(t.year); break;
            case 'z': out += is_datetime ? "" : "+0000"; break;
            case 'Z': out += is_datetime ? "" : "UTC"; break;
            case '%': out += '%'; break;
            default:
                out += '%';
                out += directive;
        }
    }
    return out;
}

}  // namespace loopstep::python
