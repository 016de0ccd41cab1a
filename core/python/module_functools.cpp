// The functools module: partial and reduce.
#include <algorithm>

#include "library_modules.hpp"

namespace loopstep::python {

namespace {

// partial(func, *args, **keywords): a callable that prepends args and merges keywords.
struct partial_object : native_object {
    partial_object(type_ptr type, value f, std::vector<value> a, std::vector<std::pair<std::string, value>> k)
        : native_object(std::move(type)), function(std::move(f)), arguments(std::move(a)), keywords(std::move(k)) {}
    value function;
    std::vector<value> arguments;
    std::vector<std::pair<std::string, value>> keywords;

    std::string repr(interpreter& in) override {
        std::string text = "functools.partial(" + in.repr(function);
        for (const auto& a : arguments) text += ", " + in.repr(a);
        for (const auto& [k, v] : keywords) text += ", " + k + "=" + in.repr(v);
        return text + ")";
    }
    // Its function, with the stored arguments first and the stored keywords overridable.
    value call(interpreter& in, call_arguments& given) override {
        call_arguments merged;
        merged.positional = arguments;
        merged.positional.insert(merged.positional.end(), given.positional.begin(), given.positional.end());
        merged.keywords = keywords;
        for (auto& [k, v] : given.keywords) {
            auto it = std::find_if(merged.keywords.begin(), merged.keywords.end(), [&k = k](const auto& e) { return e.first == k; });
            if (it != merged.keywords.end()) it->second = v;
            else merged.keywords.emplace_back(k, v);
        }
        return in.call(function, merged);
    }
    value attribute(interpreter& in, const value& self, const std::string& name, bool& found) override {
        found = true;
        if (name == "func") return function;
        if (name == "args") return in.make_tuple(arguments);
        if (name == "keywords") {
            auto dict = make_object<dict_object>();
            for (const auto& [k, v] : keywords) {
                value key = in.make_str(k);
                std::int64_t hash = 0;
                in.hash_key(key, hash);
                dict->set(key, hash, v);
            }
            return value::of(dict);
        }
        (void)self;
        found = false;
        return value();
    }
};

}  // namespace

value make_functools_module(interpreter& in) {
    auto module = make_object<module_object>("functools");
    auto partial_type = make_library_type(in, "partial", "functools", nullptr);
    std::weak_ptr<type_object> weak = partial_type;
    partial_type->construct = [weak](interpreter& in, call_arguments& args) -> value {
        if (args.positional.empty()) return in.raise_type_error("type 'partial' takes at least one argument");
        const value function = args.positional[0];
        const bool callable = function.as<function_object>() || function.as<builtin_function_object>() || function.as<type_object>() ||
                              function.as<native_object>();
        if (!callable) return in.raise_type_error("the first argument must be callable");
        std::vector<value> bound(args.positional.begin() + 1, args.positional.end());
        auto made = std::make_shared<partial_object>(weak.lock(), function, std::move(bound), args.keywords);
        return value::of(made);
    };
    module->attributes["partial"] = value::of(partial_type);
    define_function(*module, "reduce", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "reduce", method_convention::parse_tuple, 2, 3));
        const value function = args.positional[0];
        std::optional<value> total;
        if (args.positional.size() == 3) total = args.positional[2];
        value failed;
        value error = in.iterate(args.positional[1], [&](const value& item) {
            if (!total) {
                total = item;
                return true;
            }
            call_arguments pair{{*total, item}, {}};
            value next = in.call(function, pair);
            if (next.is_raised()) {
                failed = next;
                return false;
            }
            total = next;
            return true;
        });
        if (error.is_raised()) return error.as<exception_object>() && in.type_of(error) == in.types().type_error && !total
                                         ? in.raise_type_error("reduce() arg 2 must support iteration")
                                         : error;
        if (failed.is_raised()) return failed;
        if (!total) return in.raise_type_error("reduce() of empty iterable with no initial value");
        return *total;
    });
    return value::of(module);
}

}  // namespace loopstep::python
