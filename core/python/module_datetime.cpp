// The datetime module's common part on the virtual clock (naive, UTC): timedelta, date and
// datetime, with now()/today(), arithmetic, comparison, isoformat and strftime.
#include <cmath>

#include "civil_time.hpp"
#include "library_modules.hpp"

namespace loopstep::python {

namespace {

constexpr std::int64_t microseconds_per_day = 86'400'000'000;

struct datetime_types {
    type_ptr timedelta, date, datetime;
};

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// A timedelta, a date (whole days) or a datetime: a count of microseconds since 1970-01-01.
struct moment : native_object {
    enum class kind : std::uint8_t { timedelta, date, datetime };
    moment(std::shared_ptr<datetime_types> t, kind k, std::int64_t us)
        : native_object(k == kind::timedelta ? t->timedelta : k == kind::date ? t->date : t->datetime), types(std::move(t)), which(k), micros(us) {}
    std::shared_ptr<datetime_types> types;
    kind which;
    std::int64_t micros;

    civil_time civil() const {
        const std::int64_t days = floor_div(micros, microseconds_per_day);
        const std::int64_t rest = micros - days * microseconds_per_day;
        civil_time t = civil_from_seconds(days * 86400 + rest / 1'000'000, int(rest % 1'000'000));
        return t;
    }
    std::string repr(interpreter& in) override;
    std::string str(interpreter& in) override;
    value attribute(interpreter& in, const value& self, const std::string& name, bool& found) override;
    value binary(interpreter& in, binary_op op, const value& left, const value& right) override;
    int order(const value& other) const override {
        auto* o = other.as<moment>();
        if (!o || o->which != which) return 2;
        return micros < o->micros ? -1 : micros > o->micros ? 1 : 0;
    }
    bool hash(std::int64_t& h) const override {
        h = micros ^ (std::int64_t(which) << 60);
        return true;
    }
};

value make_moment(const std::shared_ptr<datetime_types>& types, moment::kind k, std::int64_t us) {
    return value::of(std::make_shared<moment>(types, k, us));
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string date_text(const civil_time& t) {
    std::string year = std::to_string(t.year);
    return std::string(4 - std::min<std::size_t>(4, year.size()), '0') + year + "-" + two(t.month) + "-" + two(t.day);
}

std::string time_text(const civil_time& t, const std::string& timespec = "auto") {
    std::string text = two(t.hour) + ":" + two(t.minute);
    if (timespec == "minutes") return text;
    text += ":" + two(t.second);
    if (timespec == "milliseconds") {
        std::string ms = std::to_string(t.microsecond / 1000);
        return text + "." + std::string(3 - ms.size(), '0') + ms;
    }
    if (t.microsecond || timespec == "microseconds") {
        std::string us = std::to_string(t.microsecond);
        text += "." + std::string(6 - us.size(), '0') + us;
    }
    return text;
}

std::string moment::repr(interpreter&) {
    if (which == kind::timedelta) {
        const std::int64_t days = floor_div(micros, microseconds_per_day);
        const std::int64_t rest = micros - days * microseconds_per_day;
        std::vector<std::string> parts;
        if (days) parts.push_back("days=" + std::to_string(days));
        if (rest / 1'000'000) parts.push_back("seconds=" + std::to_string(rest / 1'000'000));
        if (rest % 1'000'000) parts.push_back("microseconds=" + std::to_string(rest % 1'000'000));
        std::string text = "datetime.timedelta(";
        for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
        return text + (parts.empty() ? "0)" : ")");
    }
    const civil_time t = civil();
    std::string text = (which == kind::date ? "datetime.date(" : "datetime.datetime(") + std::to_string(t.year) + ", " + std::to_string(t.month) + ", " + std::to_string(t.day);
    if (which == kind::datetime) {
        text += ", " + std::to_string(t.hour) + ", " + std::to_string(t.minute);
        if (t.second || t.microsecond) text += ", " + std::to_string(t.second);
        if (t.microsecond) text += ", " + std::to_string(t.microsecond);
    }
    return text + ")";
}

std::string moment::str(interpreter&) {
    if (which == kind::timedelta) {
        const std::int64_t days = floor_div(micros, microseconds_per_day);
        const std::int64_t rest = micros - days * microseconds_per_day;
        std::string text;
        if (days) text = std::to_string(days) + " day" + (days == 1 || days == -1 ? "" : "s") + ", ";
        const std::int64_t seconds = rest / 1'000'000;
        text += std::to_string(seconds / 3600) + ":" + two(int(seconds / 60 % 60)) + ":" + two(int(seconds % 60));
        if (rest % 1'000'000) {
            std::string us = std::to_string(rest % 1'000'000);
            text += "." + std::string(6 - us.size(), '0') + us;
        }
        return text;
    }
    const civil_time t = civil();
    return which == kind::date ? date_text(t) : date_text(t) + " " + time_text(t);
}

// A float or int number of seconds as whole microseconds, rounded half to even (CPython's
// _PyTime_ROUND_HALF_EVEN).
std::int64_t seconds_to_micros(double seconds) {
    double whole = 0;
    const double fraction = std::modf(seconds, &whole);
    double us = std::nearbyint(fraction * 1e6);  // the default rounding mode: half to even
    return std::int64_t(whole) * 1'000'000 + std::int64_t(us);
}

value timedelta_of(interpreter& in, const std::shared_ptr<datetime_types>& types, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "timedelta", {{"days"}, {"seconds"}, {"microseconds"}, {"milliseconds"}, {"minutes"}, {"hours"}, {"weeks"}}, slots));
    static const double scale[] = {86400e6, 1e6, 1, 1e3, 60e6, 3600e6, 604800e6};
    static const std::int64_t exact_scale[] = {microseconds_per_day, 1'000'000, 1, 1000, 60'000'000, 3'600'000'000, 7 * microseconds_per_day};
    std::int64_t total = 0;
    double fractional = 0;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        if (slots[i].is_unbound()) continue;
        if (slots[i].is_int_like()) {
            std::int64_t part = 0;
            if (__builtin_mul_overflow(slots[i].as_int(), exact_scale[i], &part) || __builtin_add_overflow(total, part, &total)) {
                return in.raise(in.types().overflow_error, "days=1000000000; must have magnitude <= 999999999");
            }
        } else if (slots[i].is_float()) {
            fractional += slots[i].as_float() * scale[i];
        } else {
            return in.raise_type_error("unsupported type for timedelta " + std::string(i == 0 ? "days" : i == 1 ? "seconds" : i == 2 ? "microseconds" : i == 3 ? "milliseconds" : i == 4 ? "minutes" : i == 5 ? "hours" : "weeks") +
                                       " component: " + in.type_name(slots[i]));
        }
    }
    return make_moment(types, moment::kind::timedelta, total + std::int64_t(std::nearbyint(fractional)));
}

value datetime_of(interpreter& in, const std::shared_ptr<datetime_types>& types, call_arguments& args, bool is_date) {
    std::vector<value> slots;
    if (is_date) {
        LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "date", {{"year", parameter_spec::kind::positional_or_keyword, true}, {"month", parameter_spec::kind::positional_or_keyword, true}, {"day", parameter_spec::kind::positional_or_keyword, true}}, slots));
    } else {
        args.take("tzinfo");
        args.take("fold");
        LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "datetime", {{"year", parameter_spec::kind::positional_or_keyword, true}, {"month", parameter_spec::kind::positional_or_keyword, true}, {"day", parameter_spec::kind::positional_or_keyword, true},
                                                                           {"hour"}, {"minute"}, {"second"}, {"microsecond"}}, slots));
    }
    std::int64_t f[7] = {0, 0, 0, 0, 0, 0, 0};
    for (std::size_t i = 0; i < slots.size(); ++i) {
        if (slots[i].is_unbound()) continue;
        if (!slots[i].is_int_like()) return in.raise_type_error("'" + in.type_name(slots[i]) + "' object cannot be interpreted as an integer");
        f[i] = slots[i].as_int();
    }
    if (f[0] < 1 || f[0] > 9999) return in.raise_value_error("year " + std::to_string(f[0]) + " is out of range");
    if (f[1] < 1 || f[1] > 12) return in.raise_value_error("month must be in 1..12");
    if (f[2] < 1 || f[2] > days_in_month(f[0], int(f[1]))) return in.raise_value_error("day is out of range for month");
    if (f[3] < 0 || f[3] > 23) return in.raise_value_error("hour must be in 0..23");
    if (f[4] < 0 || f[4] > 59) return in.raise_value_error("minute must be in 0..59");
    if (f[5] < 0 || f[5] > 59) return in.raise_value_error("second must be in 0..59");
    if (f[6] < 0 || f[6] > 999999) return in.raise_value_error("microsecond must be in 0..999999");
    const std::int64_t days = days_from_civil(f[0], int(f[1]), int(f[2]));
    return make_moment(types, is_date ? moment::kind::date : moment::kind::datetime,
                       days * microseconds_per_day + ((f[3] * 60 + f[4]) * 60 + f[5]) * 1'000'000 + f[6]);
}

value moment::binary(interpreter& in, binary_op op, const value& left, const value& right) {
    auto* a = left.as<moment>();
    auto* b = right.as<moment>();
    using k = moment::kind;
    auto result = [&](k which_kind, std::int64_t us) -> value {
        if (which_kind == k::date) us = floor_div(us, microseconds_per_day) * microseconds_per_day;
        return make_moment(types, which_kind, us);
    };
    if (a && b) {
        if (op == binary_op::add) {
            if (a->which == k::timedelta && b->which == k::timedelta) return result(k::timedelta, a->micros + b->micros);
            if (b->which == k::timedelta) return result(a->which, a->micros + (a->which == k::date ? floor_div(b->micros, microseconds_per_day) * microseconds_per_day : b->micros));
            if (a->which == k::timedelta) return result(b->which, b->micros + a->micros);
        }
        if (op == binary_op::subtract) {
            if (a->which == b->which) return result(k::timedelta, a->micros - b->micros);
            if (b->which == k::timedelta) return result(a->which, a->micros - (a->which == k::date ? floor_div(b->micros, microseconds_per_day) * microseconds_per_day : b->micros));
        }
        if (a->which == k::timedelta && b->which == k::timedelta) {
            if (b->micros == 0 && (op == binary_op::true_divide || op == binary_op::floor_divide || op == binary_op::modulo)) {
                return in.raise(in.types().zero_division_error, op == binary_op::true_divide ? "division by zero" : "integer division or modulo by zero");
            }
            if (op == binary_op::true_divide) return value::floating(double(a->micros) / double(b->micros));
            if (op == binary_op::floor_divide) return value::integer(floor_div(a->micros, b->micros));
            if (op == binary_op::modulo) return result(k::timedelta, a->micros - floor_div(a->micros, b->micros) * b->micros);
        }
        return value::unbound();
    }
    const moment* delta = a && a->which == k::timedelta ? a : b && b->which == k::timedelta ? b : nullptr;
    const value& number = a ? right : left;
    if (!delta || !number.is_number()) return value::unbound();
    if (op == binary_op::multiply) {
        if (number.is_int_like()) return result(k::timedelta, delta->micros * number.as_int());
        return result(k::timedelta, std::int64_t(std::nearbyint(double(delta->micros) * number.as_float())));
    }
    if (a && (op == binary_op::true_divide || op == binary_op::floor_divide)) {
        if (number.to_double() == 0) return in.raise(in.types().zero_division_error, op == binary_op::true_divide ? "division by zero" : "integer division or modulo by zero");
        if (op == binary_op::floor_divide && number.is_int_like()) return result(k::timedelta, floor_div(delta->micros, number.as_int()));
        if (op == binary_op::true_divide) return result(k::timedelta, std::int64_t(std::nearbyint(double(delta->micros) / number.to_double())));
    }
    return value::unbound();
}

value moment::attribute(interpreter& in, const value& self, const std::string& name, bool& found) {
    found = true;
    const civil_time t = civil();
    if (which == kind::timedelta) {
        const std::int64_t days = floor_div(micros, microseconds_per_day);
        const std::int64_t rest = micros - days * microseconds_per_day;
        if (name == "days") return value::integer(days);
        if (name == "seconds") return value::integer(rest / 1'000'000);
        if (name == "microseconds") return value::integer(rest % 1'000'000);
        if (name == "total_seconds") {
            return bound_method(name, self, [](interpreter&, call_arguments& args) {
                return value::floating(double(args.positional[0].as<moment>()->micros) / 1e6);
            });
        }
        found = false;
        return value();
    }
    if (name == "year") return value::integer(t.year);
    if (name == "month") return value::integer(t.month);
    if (name == "day") return value::integer(t.day);
    if (which == kind::datetime) {
        if (name == "hour") return value::integer(t.hour);
        if (name == "minute") return value::integer(t.minute);
        if (name == "second") return value::integer(t.second);
        if (name == "microsecond") return value::integer(t.microsecond);
        if (name == "tzinfo") return value();
    }
    auto method = [&](native_function f) { return bound_method(name, self, std::move(f)); };
    if (name == "weekday") return method([](interpreter&, call_arguments& args) { return value::integer(args.positional[0].as<moment>()->civil().weekday); });
    if (name == "isoweekday") return method([](interpreter&, call_arguments& args) { return value::integer(args.positional[0].as<moment>()->civil().weekday + 1); });
    if (name == "strftime") {
        return method([](interpreter& in, call_arguments& args) -> value {
            LIBRARY_RETURN_IF_RAISED(check_method_arguments(in, args, "datetime", "strftime", method_convention::one_argument));
            auto* format = args.positional[1].as<str_object>();
            if (!format) return in.raise_type_error("strftime() argument 1 must be str, not " + in.type_name(args.positional[1]));
            return in.make_str(format_civil_time(format->value, args.positional[0].as<moment>()->civil(), true));
        });
    }
    if (name == "isoformat") {
        return method([](interpreter& in, call_arguments& args) -> value {
            auto& self = *args.positional[0].as<moment>();
            const civil_time c = self.civil();
            if (self.which == kind::date) return in.make_str(date_text(c));
            std::vector<value> slots;
            LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "isoformat", {{"sep"}, {"timespec"}}, slots));
            std::string sep = slots[0].as<str_object>() ? slots[0].as<str_object>()->value : "T";
            std::string timespec = slots[1].as<str_object>() ? slots[1].as<str_object>()->value : "auto";
            if (timespec == "hours") return in.make_str(date_text(c) + sep + two(c.hour));
            if (timespec == "seconds") return in.make_str(date_text(c) + sep + time_text(c, "minutes") + ":" + two(c.second));
            return in.make_str(date_text(c) + sep + time_text(c, timespec));
        });
    }
    if (name == "timestamp" && which == kind::datetime) {
        return method([](interpreter&, call_arguments& args) { return value::floating(double(args.positional[0].as<moment>()->micros) / 1e6); });
    }
    if (name == "date" && which == kind::datetime) {
        return method([](interpreter&, call_arguments& args) {
            auto& self = *args.positional[0].as<moment>();
            return make_moment(self.types, kind::date, floor_div(self.micros, microseconds_per_day) * microseconds_per_day);
        });
    }
    if (name == "replace") {
        return method([](interpreter& in, call_arguments& args) -> value {
            auto& self = *args.positional[0].as<moment>();
            const civil_time c = self.civil();
            std::vector<value> fields = {value::integer(c.year), value::integer(c.month), value::integer(c.day)};
            if (self.which == kind::datetime) {
                for (int part : {c.hour, c.minute, c.second, c.microsecond}) fields.push_back(value::integer(part));
            }
            static const char* names[] = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
            for (std::size_t i = 1; i < args.positional.size() && i - 1 < fields.size(); ++i) fields[i - 1] = args.positional[i];
            for (const auto& [key, v] : args.keywords) {
                bool known = false;
                for (std::size_t i = 0; i < fields.size(); ++i) {
                    if (key == names[i]) {
                        fields[i] = v;
                        known = true;
                    }
                }
                if (!known) return in.raise_type_error("'" + key + "' is an invalid keyword argument for replace()");
            }
            call_arguments rebuilt{fields, {}};
            return datetime_of(in, self.types, rebuilt, self.which == kind::date);
        });
    }
    (void)in;
    found = false;
    return value();
}

value now_of(interpreter& in, const std::shared_ptr<datetime_types>& types, moment::kind k) {
    const std::int64_t us = seconds_to_micros(in.loop().time());
    return make_moment(types, k, k == moment::kind::date ? floor_div(us, microseconds_per_day) * microseconds_per_day : us);
}

}  // namespace

value make_datetime_module(interpreter& in) {
    auto module = make_object<module_object>("datetime");
    auto types = std::make_shared<datetime_types>();
    std::weak_ptr<datetime_types> weak = types;
    types->timedelta = make_library_type(in, "timedelta", "datetime", [weak](interpreter& in, call_arguments& args) { return timedelta_of(in, weak.lock(), args); });
    types->date = make_library_type(in, "date", "datetime", [weak](interpreter& in, call_arguments& args) { return datetime_of(in, weak.lock(), args, true); });
    types->datetime = make_library_type(in, "datetime", "datetime", [weak](interpreter& in, call_arguments& args) { return datetime_of(in, weak.lock(), args, false); });
    types->datetime->base = types->date;
    module->attributes["timedelta"] = value::of(types->timedelta);
    module->attributes["date"] = value::of(types->date);
    module->attributes["datetime"] = value::of(types->datetime);
    module->attributes["MINYEAR"] = value::integer(1);
    module->attributes["MAXYEAR"] = value::integer(9999);
    // The class methods (now, today, fromtimestamp) hold the types weakly; the module keeps them.
    struct holder : native_object {
        holder(type_ptr t, std::shared_ptr<datetime_types> k) : native_object(std::move(t)), kept(std::move(k)) {}
        std::shared_ptr<datetime_types> kept;
    };
    module->attributes["__loopstep_types__"] = value::of(std::make_shared<holder>(in.types().object, types));
    for (const moment::kind k : {moment::kind::date, moment::kind::datetime}) {
        const type_ptr& type = k == moment::kind::date ? types->date : types->datetime;
        auto now = [weak, k](interpreter& in, call_arguments& args) -> value {
            LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "now", method_convention::parse_tuple, 0, 1));
            return now_of(in, weak.lock(), k);
        };
        auto from_timestamp = [weak, k](interpreter& in, call_arguments& args) -> value {
            LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "fromtimestamp", method_convention::parse_tuple, 1, 2));
            double seconds = 0;
            LIBRARY_RETURN_IF_RAISED(real_argument(in, args.positional[0], seconds));
            const std::int64_t us = seconds_to_micros(seconds);
            return make_moment(weak.lock(), k, k == moment::kind::date ? floor_div(us, microseconds_per_day) * microseconds_per_day : us);
        };
        type->class_attributes["today"] = value::of(make_object<builtin_function_object>("today", now));
        type->class_attributes["fromtimestamp"] = value::of(make_object<builtin_function_object>("fromtimestamp", from_timestamp));
        if (k == moment::kind::datetime) {
            type->class_attributes["now"] = value::of(make_object<builtin_function_object>("now", now));
            type->class_attributes["utcnow"] = value::of(make_object<builtin_function_object>("utcnow", now));
            type->class_attributes["utcfromtimestamp"] = value::of(make_object<builtin_function_object>("utcfromtimestamp", from_timestamp));
        }
    }
    return value::of(module);
}

}  // namespace loopstep::python
