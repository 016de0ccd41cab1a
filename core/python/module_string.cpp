// The string module's constants and capwords.
#include "library_modules.hpp"

namespace loopstep::python {

value make_string_module(interpreter& in) {
    auto module = make_object<module_object>("string");
    const std::string lower = "abcdefghijklmnopqrstuvwxyz", upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", digits = "0123456789";
    const std::string punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", whitespace = " \t\n\r\x0b\x0c";
    const std::pair<const char*, std::string> constants[] = {
        {"ascii_lowercase", lower}, {"ascii_uppercase", upper}, {"ascii_letters", lower + upper},
        {"digits", digits}, {"hexdigits", digits + "abcdefABCDEF"}, {"octdigits", "01234567"},
        {"punctuation", punctuation}, {"whitespace", whitespace},
        {"printable", digits + lower + upper + punctuation + whitespace},
    };
    for (const auto& [name, text] : constants) module->attributes[name] = in.make_str(text);
    define_function(*module, "capwords", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "capwords", method_convention::parse_tuple, 1, 2));
        // sep.join(word.capitalize() for word in s.split(sep)), through the str methods themselves.
        value sep = args.positional.size() > 1 ? args.positional[1] : value();
        call_arguments split_args{{}, {}};
        if (!sep.is_none()) split_args.positional.push_back(sep);
        value split = in.get_attribute(args.positional[0], "split");
        if (split.is_raised()) return split;
        value words = in.call(split, split_args);
        if (words.is_raised()) return words;
        std::vector<value> capitalised;
        LIBRARY_RETURN_IF_RAISED(in.iterate(words, [&](const value& word) {
            call_arguments none;
            value method = in.get_attribute(word, "capitalize");
            capitalised.push_back(method.is_raised() ? method : in.call(method, none));
            return !capitalised.back().is_raised();
        }));
        if (!capitalised.empty() && capitalised.back().is_raised()) return capitalised.back();
        value joiner = in.get_attribute(sep.is_none() ? in.make_str(" ") : sep, "join");
        if (joiner.is_raised()) return joiner;
        call_arguments join_args{{in.make_list(std::move(capitalised))}, {}};
        return in.call(joiner, join_args);
    });
    return value::of(module);
}

}  // namespace loopstep::python
