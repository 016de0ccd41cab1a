// The TypeError texts of CPython 3.11's calling conventions (pairs with method_arguments.hpp).
#include "method_arguments.hpp"

#include <algorithm>

namespace loopstep::python {

namespace {
std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// _PyArg_CheckPositional
std::string clinic_message(const char* method, std::size_t low, std::size_t high, std::size_t given) {
    const bool too_few = given < low;
    const std::size_t bound = too_few ? low : high;
    const char* qualifier = low == high ? "" : too_few ? "at least " : "at most ";
    return std::string(method) + " expected " + qualifier + plural(bound, "argument") + ", got " + std::to_string(given);
}

// vgetargs1 (PyArg_ParseTuple) and the keyword-capable clinic parser say it the same way.
std::string parse_tuple_message(const char* method, std::size_t low, std::size_t high, std::size_t given) {
    const bool too_few = given < low;
    const std::size_t bound = too_few ? low : high;
    const char* qualifier = low == high ? "exactly " : too_few ? "at least " : "at most ";
    return std::string(method) + "() takes " + qualifier + plural(bound, "argument") + " (" + std::to_string(given) + " given)";
}
}  // namespace

namespace {
value check_arguments(interpreter& in, const call_arguments& args, std::size_t bound, const std::string& qualified, const char* method,
                      method_convention convention, std::size_t low, std::size_t high) {
    if (!args.keywords.empty()) return in.raise_type_error(qualified + "() takes no keyword arguments");
    const std::size_t given = args.positional.size() - bound;
    switch (convention) {
        case method_convention::no_arguments:
            if (given == 0) return value();
            return in.raise_type_error(qualified + "() takes no arguments (" + std::to_string(given) + " given)");
        case method_convention::one_argument:
            if (given == 1) return value();
            return in.raise_type_error(qualified + "() takes exactly one argument (" + std::to_string(given) + " given)");
        case method_convention::var_arguments: return value();
        case method_convention::clinic:
            if (given >= low && given <= high) return value();
            return in.raise_type_error(clinic_message(method, low, high, given));
        case method_convention::parse_tuple:
            if (given >= low && given <= high) return value();
            return in.raise_type_error(parse_tuple_message(method, low, high, given));
    }
    return value();
}

const value* find_keyword(const call_arguments& args, const char* name) {
    for (const auto& [keyword, item] : args.keywords) {
        if (keyword == name) return &item;
    }
    return nullptr;
}

std::string arguments_text(std::size_t n, const char* adjective = "") {
    return std::to_string(n) + " " + adjective + "argument" + (n == 1 ? "" : "s");
}
}  // namespace

value index_argument(interpreter& in, const value& v, std::int64_t& out) {
    if (!v.is_int_like()) return in.raise_type_error("'" + in.type_name(v) + "' object cannot be interpreted as an integer");
    out = v.as_int();
    return value();
}

value check_method_arguments(interpreter& in, const call_arguments& args, const char* type_name, const char* method,
                             method_convention convention, std::size_t low, std::size_t high) {
    return check_arguments(in, args, 1, std::string(type_name) + "." + method, method, convention, low, high);
}

value check_function_arguments(interpreter& in, const call_arguments& args, const char* function, method_convention convention,
                               std::size_t low, std::size_t high) {
    return check_arguments(in, args, 0, function, function, convention, low, high);
}

value bind_parameters(interpreter& in, const call_arguments& args, std::size_t bound, const char* function,
                      const std::vector<parameter_spec>& parameters, std::vector<value>& slots) {
    using kind = parameter_spec::kind;
    const std::string name = std::string(function) + "()";
    std::size_t positional_only = 0, max_positional = 0, min_positional = 0, min_keyword_only = 0;
    for (const auto& p : parameters) {
        positional_only += p.how == kind::positional_only;
        max_positional += p.how != kind::keyword_only;
        min_positional += p.required && p.how != kind::keyword_only;
        min_keyword_only += p.required && p.how == kind::keyword_only;
    }
    const std::size_t max_arguments = parameters.size();
    const std::size_t required_limit = min_keyword_only ? max_positional + min_keyword_only : min_positional;
    const std::size_t given = args.positional.size() - bound;
    std::size_t keywords_left = args.keywords.size();
    if (given + keywords_left > max_arguments) {
        return in.raise_type_error(name + " takes at most " + arguments_text(max_arguments, given == 0 ? "keyword " : "") + " (" +
                                   std::to_string(given + keywords_left) + " given)");
    }
    if (given > max_positional) {
        if (max_positional == 0) return in.raise_type_error(name + " takes no positional arguments");
        return in.raise_type_error(name + " takes " + (min_positional < max_positional ? "at most " : "exactly ") +
                                   arguments_text(max_positional, "positional ") + " (" + std::to_string(given) + " given)");
    }
    const std::size_t min_positional_only = std::min(positional_only, min_positional);
    if (given < min_positional_only) {
        return in.raise_type_error(name + " takes " + (min_positional_only < max_positional ? "at least " : "exactly ") +
                                   arguments_text(min_positional_only, "positional ") + " (" + std::to_string(given) + " given)");
    }
    slots.assign(parameters.size(), value::unbound());
    for (std::size_t i = 0; i < given; ++i) slots[i] = args.positional[bound + i];
    for (std::size_t i = std::max(given, positional_only); i < max_arguments; ++i) {
        const value* found = keywords_left ? find_keyword(args, parameters[i].name) : nullptr;
        if (!keywords_left && i >= required_limit) break;
        if (found) {
            slots[i] = *found;
            --keywords_left;
        } else if (i < min_positional || (max_positional <= i && i < required_limit)) {
            return in.raise_type_error(name + " missing required argument '" + parameters[i].name + "' (pos " + std::to_string(i + 1) + ")");
        }
    }
    if (keywords_left == 0) return value();
    for (std::size_t i = positional_only; i < given; ++i) {
        if (find_keyword(args, parameters[i].name)) {
            return in.raise_type_error("argument for " + name + " given by name ('" + parameters[i].name + "') and position (" +
                                       std::to_string(i + 1) + ")");
        }
    }
    for (const auto& given : args.keywords) {
        const std::string& keyword = given.first;  // a named reference: clang 14 (em++) cannot capture a structured binding
        const bool known = std::any_of(parameters.begin(), parameters.end(),
                                       [&](const parameter_spec& p) { return p.how != kind::positional_only && keyword == p.name; });
        if (!known) return in.raise_type_error("'" + keyword + "' is an invalid keyword argument for " + name);
    }
    return in.raise_type_error("invalid keyword argument for " + name);
}

}  // namespace loopstep::python
