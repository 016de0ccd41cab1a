// Calling functions: argument binding with CPython's error messages, and calls from native
// code (pairs with interpreter.hpp; the VM pushes frames for calls made by Python code).
#include "generators.hpp"
#include "interpreter.hpp"
#include "classes.hpp"
#include "vm.hpp"

#include <algorithm>

namespace loopstep::python {

// ---- functions and calls ----------------------------------------------------------------------

namespace {
// Locals that inner functions capture live in cells.
void wrap_cells(const function_def& def, std::vector<value>& locals) {
    for (std::size_t i = 0; i < locals.size(); ++i) {
        if (!def.local_is_cell[i]) continue;
        auto cell = make_object<cell_object>();
        cell->content = std::move(locals[i]);
        locals[i] = value::of(cell);
    }
}

std::string join_names(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        text += "'" + names[i] + "'";
    }
    return text;
}
}  // namespace

namespace {
struct parameter_counts {
    std::size_t positional = 0;
    int var_positional = -1, var_keyword = -1;
};

parameter_counts count_parameters(const function_def& def) {
    parameter_counts counts;
    for (std::size_t i = 0; i < def.parameters.size(); ++i) {
        switch (def.parameters[i].kind) {
            case parameter_kind::positional: ++counts.positional; break;
            case parameter_kind::var_positional: counts.var_positional = int(i); break;
            case parameter_kind::var_keyword: counts.var_keyword = int(i); break;
            case parameter_kind::keyword_only: break;
        }
    }
    return counts;
}

// too_many_positional: how many the function takes, and keyword-only arguments given by name.
std::string too_many_positional_message(const function_object& function, const std::vector<value>& locals, std::size_t positional,
                                        std::size_t given) {
    const function_def& def = *function.definition;
    std::size_t with_default = 0, keyword_only_given = 0;
    for (std::size_t i = 0; i < def.parameters.size(); ++i) {
        if (def.parameters[i].kind == parameter_kind::positional && !function.defaults[i].is_unbound()) ++with_default;
        if (def.parameters[i].kind == parameter_kind::keyword_only && !locals[i].is_unbound()) ++keyword_only_given;
    }
    const std::string takes = with_default > 0 ? "from " + std::to_string(positional - with_default) + " to " + std::to_string(positional)
                                               : std::to_string(positional);
    const bool plural = with_default > 0 || positional != 1;
    std::string keyword_only;
    if (keyword_only_given > 0) {
        keyword_only = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " + std::to_string(keyword_only_given) +
                       " keyword-only argument" + (keyword_only_given != 1 ? "s" : "") + ")";
    }
    return function.qualified_name + "() takes " + takes + " positional argument" + (plural ? "s" : "") + " but " +
           std::to_string(given) + keyword_only + (given == 1 && keyword_only_given == 0 ? " was" : " were") + " given";
}
}  // namespace

// CPython's initialize_locals: positional arguments, *args, keywords, then the count of
// positional arguments, then defaults and what is still missing. Errors name the qualname.
value interpreter::bind_arguments(const function_object& function, call_arguments& arguments, std::vector<value>& locals) {
    const function_def& def = *function.definition;
    locals.assign(def.locals.size(), value::unbound());
    if (arguments.keywords.empty() && arguments.positional.size() == def.parameters.size() &&
        std::all_of(def.parameters.begin(), def.parameters.end(), [](const parameter& p) { return p.kind == parameter_kind::positional; })) {
        // The common call: exactly the positional parameters, by position.
        std::move(arguments.positional.begin(), arguments.positional.end(), locals.begin());
        wrap_cells(def, locals);
        return value();
    }
    const std::string& name = function.qualified_name;
    const parameter_counts counts = count_parameters(def);
    auto& given = arguments.positional;
    for (std::size_t i = 0; i < given.size() && i < counts.positional; ++i) locals[i] = given[i];
    if (counts.var_positional >= 0) {
        std::vector<value> extra;
        if (given.size() > counts.positional) extra.assign(given.begin() + std::ptrdiff_t(counts.positional), given.end());
        locals[std::size_t(counts.var_positional)] = make_tuple(std::move(extra));
    }
    std::shared_ptr<dict_object> extra_keywords;
    if (counts.var_keyword >= 0) {
        extra_keywords = make_object<dict_object>();
        locals[std::size_t(counts.var_keyword)] = value::of(extra_keywords);
    }
    for (auto& [keyword, item] : arguments.keywords) {
        bool matched = false;
        for (std::size_t i = 0; i < def.parameters.size(); ++i) {
            const auto& parameter = def.parameters[i];
            if (parameter.name != keyword || parameter.kind == parameter_kind::var_positional ||
                parameter.kind == parameter_kind::var_keyword) {
                continue;
            }
            if (!locals[i].is_unbound()) return raise_type_error(name + "() got multiple values for argument '" + keyword + "'");
            locals[i] = item;
            matched = true;
            break;
        }
        if (matched) continue;
        if (!extra_keywords) return raise_type_error(name + "() got an unexpected keyword argument '" + keyword + "'");
        std::int64_t hash = 0;
        value key = make_str(keyword);
        hash_of(key, hash);
        extra_keywords->set(key, hash, item);
    }
    if (given.size() > counts.positional && counts.var_positional < 0) {
        return raise_type_error(too_many_positional_message(function, locals, counts.positional, given.size()));
    }
    std::vector<std::string> missing_positional, missing_keyword;
    for (std::size_t i = 0; i < def.parameters.size(); ++i) {
        const auto& parameter = def.parameters[i];
        if (!locals[i].is_unbound()) continue;
        if (parameter.kind == parameter_kind::var_positional || parameter.kind == parameter_kind::var_keyword) continue;
        if (!function.defaults[i].is_unbound()) {
            locals[i] = function.defaults[i];
            continue;
        }
        (parameter.kind == parameter_kind::keyword_only ? missing_keyword : missing_positional).push_back(parameter.name);
    }
    auto missing_error = [&](const std::vector<std::string>& missing, const char* kind) {
        return raise_type_error(name + "() missing " + std::to_string(missing.size()) + " required " + kind + " argument" +
                                (missing.size() == 1 ? "" : "s") + ": " + join_names(missing));
    };
    if (!missing_positional.empty()) return missing_error(missing_positional, "positional");
    if (!missing_keyword.empty()) return missing_error(missing_keyword, "keyword-only");
    wrap_cells(def, locals);
    return value();
}

value interpreter::call_function(const std::shared_ptr<function_object>& function, call_arguments& arguments) {
    std::vector<value> locals;
    value error = bind_arguments(*function, arguments, locals);
    if (error.is_raised()) return error;
    if (function->code->is_generator) return make_generator(function, function_frame(function, std::move(locals)));
    if (function->code->is_async) {
        auto coroutine = make_object<coroutine_object>();
        coroutine->function = function;
        coroutine->frame = function_frame(function, std::move(locals));
        coroutine->on_unawaited.reporter = unawaited_coroutine_reporter();
        return value::of(coroutine);
    }
    return run_frame(function_frame(function, std::move(locals)));
}

value interpreter::run_frame(std::shared_ptr<frame> f) {
    frame_stack stack;
    stack.base_depth = running_stack_ ? running_stack_->depth() : 0;
    if (stack.base_depth >= options_.recursion_limit || native_reentry_ >= max_native_reentry) {
        return raise(types_.recursion_error, "maximum recursion depth exceeded while calling a Python object");
    }
    stack.frames.push_back(std::move(f));
    ++native_reentry_;
    run_result result = run_frames(*this, stack);
    --native_reentry_;
    if (result.status == run_status::suspended) return raise(types_.runtime_error, "await in a function called synchronously (internal error)");
    return result.result;
}

std::string interpreter::function_description(const value& callee) {
    if (auto* function = callee.as<function_object>()) return "__main__." + function->qualified_name + "()";
    if (auto* builtin = callee.as<builtin_function_object>()) {
        return (builtin->self.is_unbound() ? builtin->name : type_name(builtin->self) + "." + builtin->name) + "()";
    }
    if (auto* type = callee.as<type_object>()) return type->qualified_name() + "()";
    return str(callee);  // no __qualname__: CPython falls back to str()
}

value interpreter::call(const value& callee, call_arguments& arguments) {
    if (auto* method = callee.as<method_object>()) {
        arguments.positional.insert(arguments.positional.begin(), method->self);
        return call(method->function, arguments);
    }
    if (callee.as<function_object>()) {
        return call_function(std::static_pointer_cast<function_object>(callee.as_object()), arguments);
    }
    if (auto* builtin = callee.as<builtin_function_object>()) {
        if (!builtin->self.is_unbound()) arguments.positional.insert(arguments.positional.begin(), builtin->self);
        value result = builtin->function(*this, arguments);
        // q.put(i), asyncio.sleep(1): the program's own call made it, so it warns if never awaited.
        if (auto* made = result.as<native_coroutine_object>()) made->on_unawaited.reporter = unawaited_coroutine_reporter();
        value repr_error = take_repr_error();
        return repr_error.is_raised() ? repr_error : result;
    }
    if (auto* type = callee.as<type_object>()) {
        if (type->construct) return type->construct(*this, arguments);
        return raise_type_error("cannot create '" + type->qualified_name() + "' instances");
    }
    if (value result = special_call(*this, callee, arguments); !result.is_unbound()) return result;
    if (auto* native = callee.as<native_object>()) {
        value result = native->call(*this, arguments);
        if (!result.is_unbound()) return result;
    }
    if (callee.as<generator_context_manager_object>()) return decorate_with_context_manager(*this, callee, arguments);
    return raise_type_error("'" + type_name(callee) + "' object is not callable");
}

}  // namespace loopstep::python
