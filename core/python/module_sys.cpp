// The sys module: argv, exit (SystemExit), stdout/stderr with write, version_info, platform.
#include "library_modules.hpp"

namespace loopstep::python {

namespace {

// sys.stdout and sys.stderr: write() and flush(); print(file=...) tells them apart.
struct stream_object : native_object {
    stream_object(type_ptr type, bool error) : native_object(std::move(type)), is_error(error) {}
    bool is_error;

    std::string repr(interpreter&) override {
        return is_error ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>" : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>";
    }
    value attribute(interpreter&, const value& self, const std::string& name, bool& found) override {
        found = true;
        if (name == "write") {
            return bound_method(name, self, [](interpreter& in, call_arguments& args) -> value {
                LIBRARY_RETURN_IF_RAISED(check_method_arguments(in, args, "TextIOWrapper", "write", method_convention::one_argument));
                auto* text = args.positional[1].as<str_object>();
                if (!text) return in.raise_type_error("write() argument must be str, not " + in.type_name(args.positional[1]));
                auto& stream = static_cast<stream_object&>(*args.positional[0].as_object());
                if (stream.is_error) in.write_error(text->value);
                else in.write(text->value);
                std::int64_t characters = 0;
                for (unsigned char c : text->value) characters += (c & 0xC0) != 0x80;
                return in.run_stopped() ? in.run_limit_error() : value::integer(characters);
            });
        }
        if (name == "flush") return bound_method(name, self, [](interpreter&, call_arguments&) { return value(); });
        found = false;
        return value();
    }
};

}  // namespace

bool is_stderr(const value& file) {
    auto* stream = file.as<native_object>();
    return stream && stream->type->name == "TextIOWrapper" && static_cast<stream_object*>(stream)->is_error;
}

value make_sys_module(interpreter& in) {
    auto module = make_object<module_object>("sys");
    module->attributes["argv"] = in.make_list({in.make_str(in.options().filename)});
    module->attributes["platform"] = in.make_str("linux");
    module->attributes["maxsize"] = value::integer(INT64_MAX);
    module->attributes["byteorder"] = in.make_str("little");
    module->attributes["version"] = in.make_str("3.11.7 (loopstep)");
    auto version_type = std::make_shared<type_object>("sys.version_info", in.types().tuple, "builtins");
    version_type->field_names = {"major", "minor", "micro", "releaselevel", "serial"};
    auto version = make_object<tuple_object>(std::vector<value>{value::integer(3), value::integer(11), value::integer(7), in.make_str("final"), value::integer(0)});
    version->named_type = version_type;
    module->attributes["version_info"] = value::of(version);
    auto stream_type = std::make_shared<type_object>("TextIOWrapper", in.types().object, "_io");
    module->attributes["stdout"] = value::of(std::make_shared<stream_object>(stream_type, false));
    module->attributes["stderr"] = value::of(std::make_shared<stream_object>(stream_type, true));
    define_function(*module, "exit", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "exit", method_convention::parse_tuple, 0, 1));
        return value::raised(in.make_exception(in.types().system_exit, args.positional).as_object());
    });
    define_function(*module, "getrecursionlimit", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "getrecursionlimit", method_convention::no_arguments));
        return value::integer(in.options().recursion_limit);
    });
    return value::of(module);
}

}  // namespace loopstep::python
