// The time module's calendar side on the virtual clock (UTC): gmtime, localtime, strftime,
// struct_time, ctime, asctime, mktime and the *_ns clocks.
#include <cmath>

#include "big_int_value.hpp"
#include "civil_time.hpp"
#include "library_modules.hpp"

namespace loopstep::python {

namespace {

const char* const field_names[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"};

struct struct_time : native_object {
    struct_time(type_ptr type, const civil_time& t) : native_object(std::move(type)), time(t) {}
    civil_time time;

    std::int64_t field(std::size_t i) const {
        const std::int64_t values[] = {time.year, time.month, time.day, time.hour, time.minute, time.second, time.weekday, time.yearday, 0};
        return values[i];
    }
    value attribute(interpreter& in, const value&, const std::string& name, bool& found) override {
        found = true;
        for (std::size_t i = 0; i < 9; ++i) {
            if (name == field_names[i]) return value::integer(field(i));
        }
        if (name == "tm_zone") return in.make_str("UTC");
        if (name == "tm_gmtoff") return value::integer(0);
        found = false;
        return value();
    }
    std::vector<std::string> attribute_names() const override {
        std::vector<std::string> names(std::begin(field_names), std::end(field_names));
        names.push_back("tm_zone");
        names.push_back("tm_gmtoff");
        return names;
    }
    std::string repr(interpreter&) override {
        std::string text = "time.struct_time(";
        for (std::size_t i = 0; i < 9; ++i) text += (i ? ", " : "") + std::string(field_names[i]) + "=" + std::to_string(field(i));
        return text + ")";
    }
    std::vector<value> items() const {
        std::vector<value> v;
        for (std::size_t i = 0; i < 9; ++i) v.push_back(value::integer(field(i)));
        return v;
    }
    value iterator(interpreter& in) override { return in.make_iterator(in.make_tuple(items())); }
    std::optional<std::int64_t> length() const override { return 9; }
    value get_item(interpreter& in, const value& index) override { return in.get_item(in.make_tuple(items()), index); }
    int order(const value& other) const override {
        auto* o = other.as<struct_time>();
        if (!o) return 2;
        for (std::size_t i = 0; i < 9; ++i) {
            if (field(i) != o->field(i)) return field(i) < o->field(i) ? -1 : 1;
        }
        return 0;
    }
};

// The seconds argument of gmtime/localtime/ctime: the virtual clock when None or missing.
value seconds_argument(interpreter& in, const call_arguments& args, std::int64_t& seconds) {
    if (args.positional.empty() || args.positional[0].is_none()) {
        seconds = std::int64_t(std::floor(in.loop().time()));
        return value();
    }
    const value& v = args.positional[0];
    if (v.is_int_like()) {
        seconds = v.as_int();
        return value();
    }
    if (v.is_float()) {
        if (std::isnan(v.as_float())) return in.raise_value_error("Invalid value NaN (not a number)");
        if (std::fabs(v.as_float()) > 1e17) return in.raise(in.types().overflow_error, "timestamp out of range for platform time_t");
        seconds = std::int64_t(std::floor(v.as_float()));
        return value();
    }
    return in.raise_type_error("'" + in.type_name(v) + "' object cannot be interpreted as an integer");
}

// A struct_time or a 9-tuple argument (strftime, asctime, mktime), or now.
value time_tuple_argument(interpreter& in, const value& v, civil_time& t) {
    if (v.is_unbound() || v.is_none()) {
        t = civil_from_seconds(std::int64_t(std::floor(in.loop().time())));
        return value();
    }
    if (auto* s = v.as<struct_time>()) {
        t = s->time;
        return value();
    }
    auto* tuple = v.as<tuple_object>();
    if (!tuple) return in.raise_type_error("Tuple or struct_time argument required");
    if (tuple->items.size() != 9) return in.raise_type_error("time.struct_time() takes a 9-sequence (" + std::to_string(tuple->items.size()) + "-sequence given)");
    std::int64_t f[9];
    for (std::size_t i = 0; i < 9; ++i) {
        if (!tuple->items[i].is_int_like()) return in.raise_type_error("'" + in.type_name(tuple->items[i]) + "' object cannot be interpreted as an integer");
        f[i] = tuple->items[i].as_int();
    }
    if (f[1] < 1 || f[1] > 12) return in.raise_value_error("month out of range");
    if (f[2] < 1 || f[2] > 31) return in.raise_value_error("day of month out of range");
    if (f[3] < 0 || f[3] > 23) return in.raise_value_error("hour out of range");
    if (f[4] < 0 || f[4] > 59) return in.raise_value_error("minute out of range");
    if (f[5] < 0 || f[5] > 61) return in.raise_value_error("seconds out of range");
    if (f[6] < 0) f[6] = 6 - ((-f[6] - 1) % 7);  // CPython folds a negative weekday into range
    if (f[7] < 1 || f[7] > 366) return in.raise_value_error("day of year out of range");
    t.year = f[0];
    t.month = int(f[1]);
    t.day = int(f[2]);
    t.hour = int(f[3]);
    t.minute = int(f[4]);
    t.second = int(f[5]);
    t.weekday = int(f[6] % 7);
    t.yearday = int(f[7]);
    return value();
}

}  // namespace

void add_time_calendar(interpreter& in, module_object& module) {
    auto type = make_library_type(in, "struct_time", "time", nullptr);
    std::weak_ptr<type_object> weak = type;
    type->construct = [weak](interpreter& in, call_arguments& args) -> value {
        if (args.positional.size() != 1) return in.raise_type_error("struct_time() takes at most 2 arguments (" + std::to_string(args.positional.size()) + " given)");
        civil_time t;
        value tuple = args.positional[0];
        if (auto* l = tuple.as<list_object>()) tuple = in.make_tuple(l->items);
        LIBRARY_RETURN_IF_RAISED(time_tuple_argument(in, tuple, t));
        return value::of(std::make_shared<struct_time>(weak.lock(), t));
    };
    module.attributes["struct_time"] = value::of(type);
    auto broken_down = [weak](const char* name) {
        return [weak, name](interpreter& in, call_arguments& args) -> value {
            LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, name, method_convention::parse_tuple, 0, 1));
            std::int64_t seconds = 0;
            LIBRARY_RETURN_IF_RAISED(seconds_argument(in, args, seconds));
            return value::of(std::make_shared<struct_time>(weak.lock(), civil_from_seconds(seconds)));
        };
    };
    define_function(module, "gmtime", broken_down("gmtime"));
    define_function(module, "localtime", broken_down("localtime"));
    define_function(module, "strftime", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "strftime", method_convention::parse_tuple, 1, 2));
        auto* format = args.positional[0].as<str_object>();
        if (!format) return in.raise_type_error("strftime() argument 1 must be str, not " + in.type_name(args.positional[0]));
        civil_time t;
        LIBRARY_RETURN_IF_RAISED(time_tuple_argument(in, args.positional.size() > 1 ? args.positional[1] : value::unbound(), t));
        return in.make_str(format_civil_time(format->value, t, false));
    });
    define_function(module, "asctime", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "asctime", method_convention::parse_tuple, 0, 1));
        civil_time t;
        LIBRARY_RETURN_IF_RAISED(time_tuple_argument(in, args.positional.empty() ? value::unbound() : args.positional[0], t));
        return in.make_str(format_civil_time("%a %b %e %H:%M:%S %Y", t, false));
    });
    define_function(module, "ctime", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "ctime", method_convention::parse_tuple, 0, 1));
        std::int64_t seconds = 0;
        LIBRARY_RETURN_IF_RAISED(seconds_argument(in, args, seconds));
        return in.make_str(format_civil_time("%a %b %e %H:%M:%S %Y", civil_from_seconds(seconds), false));
    });
    define_function(module, "mktime", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "mktime", method_convention::one_argument));
        civil_time t;
        LIBRARY_RETURN_IF_RAISED(time_tuple_argument(in, args.positional[0], t));
        return value::floating(double(days_from_civil(t.year, t.month, 1) + t.day - 1) * 86400.0 + t.hour * 3600 + t.minute * 60 + t.second);
    });
    // Whole nanoseconds of the virtual clock (the oracle defines them as int(time() * 1e9)).
    auto nanoseconds = [](interpreter& in, call_arguments& args) -> value {
        if (!args.positional.empty() || !args.keywords.empty()) return in.raise_type_error("time_ns() takes no arguments");
        return int_value(big_int::from_double(in.loop().time() * 1e9));
    };
    for (const char* name : {"time_ns", "monotonic_ns", "perf_counter_ns"}) define_function(module, name, nanoseconds);
    module.attributes["timezone"] = value::integer(0);
    module.attributes["altzone"] = value::integer(0);
    module.attributes["daylight"] = value::integer(0);
    module.attributes["tzname"] = in.make_tuple({in.make_str("UTC"), in.make_str("UTC")});
}

}  // namespace loopstep::python
