// contextlib.suppress(*exceptions): a context manager whose exit swallows an exception of one
// of the given classes (CPython 3.11's contextlib.suppress, without 3.12's ExceptionGroup split).
#include "generators.hpp"
#include "library_modules.hpp"

namespace loopstep::python {

namespace {

struct suppress_object : native_object {
    suppress_object(type_ptr type, std::vector<value> classes) : native_object(std::move(type)), exceptions(std::move(classes)) {}
    std::vector<value> exceptions;

    // issubclass(type(exception), exceptions): a tuple among them is looked into, as issubclass does.
    value matches(interpreter& in, const value& exception, const value& candidate, bool& matched) {
        if (auto* type = candidate.as<type_object>()) {
            matched = matched || in.is_instance(exception, *type);
            return value();
        }
        if (auto* tuple = candidate.as<tuple_object>()) {
            for (const value& member : tuple->items) {
                if (value error = matches(in, exception, member, matched); error.is_raised()) return error;
            }
            return value();
        }
        return in.raise_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }

    value exit(interpreter& in, const value& exception) {
        if (exception.is_none()) return value::boolean(false);
        bool matched = false;
        for (const value& candidate : exceptions) {
            if (value error = matches(in, exception, candidate, matched); error.is_raised()) return error;
        }
        return value::boolean(matched);
    }

    value attribute(interpreter& in, const value& self, const std::string& name, bool& found) override {
        (void)in;
        found = true;
        if (name == "__enter__") return bound_method(name, self, [](interpreter&, call_arguments&) { return value(); });
        if (name == "__exit__") {
            return bound_method(name, self, [](interpreter& in, call_arguments& args) -> value {
                if (args.positional.size() != 4 || !args.keywords.empty()) {
                    return in.raise_type_error("suppress.__exit__() takes 4 positional arguments but " + std::to_string(args.positional.size()) +
                                               " were given");
                }
                auto* manager = static_cast<suppress_object*>(args.positional[0].as_object().get());
                return manager->exit(in, args.positional[2]);
            });
        }
        found = false;
        return value();
    }
    void take_values(std::vector<object_ptr>& out) override {
        for (value& v : exceptions) {
            if (v.is_object()) out.push_back(v.take_object());
        }
        exceptions.clear();
    }
};

}  // namespace

void add_contextlib_suppress(interpreter& in, module_object& module) {
    auto type = make_library_type(in, "suppress", "contextlib", nullptr);
    std::weak_ptr<type_object> weak = type;
    type->construct = [weak](interpreter& in, call_arguments& args) -> value {
        if (!args.keywords.empty()) return in.raise_type_error("suppress() got an unexpected keyword argument '" + args.keywords[0].first + "'");
        (void)in;
        return value::of(std::make_shared<suppress_object>(weak.lock(), args.positional));
    };
    module.attributes["suppress"] = value::of(type);
}

}  // namespace loopstep::python
