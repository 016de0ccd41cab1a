// Calendar dates and times of the virtual clock (UTC: the lesson's local time zone is UTC),
// and strftime's directives as glibc formats them, shared by time and datetime.
#pragma once

#include <cstdint>
#include <string>

namespace loopstep::python {

struct civil_time {
    std::int64_t year = 1970;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0, microsecond = 0;
    int weekday = 3;  // Monday is 0 (1970-01-01 was a Thursday)
    int yearday = 1;  // 1-based
};

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t days_from_civil(std::int64_t year, int month, int day);
civil_time civil_from_days(std::int64_t days);
// Whole seconds since the epoch (floored) plus microseconds.
civil_time civil_from_seconds(std::int64_t seconds, int microsecond = 0);
int days_in_month(std::int64_t year, int month);

// strftime(format) for UTC: %a %A %b %B %c %d %D %e %f (datetime only) %F %H %I %j %m %M %p
// %R %S %T %u %w %x %X %y %Y %z %Z %%; anything else is copied as glibc does.
std::string format_civil_time(const std::string& format, const civil_time& t, bool is_datetime);

}  // namespace loopstep::python
