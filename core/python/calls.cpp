// Calling functions: argument binding with CPython's error messages, frames, closures
// (pairs with interpreter.hpp). Built without exception handling in wasm, like the
// evaluator: a Python call recurses through here on the C++ stack.
#include "evaluator.hpp"
#include "interpreter.hpp"

namespace loopstep::python {

// ---- functions and calls ----------------------------------------------------------------------

value interpreter::make_function(const std::shared_ptr<function_def>& definition, frame& defining_frame) {
    auto function = make_object<function_object>();
    function->definition = definition;
    function->globals = defining_frame.globals;
    function->qualified_name = definition->name;
    functions_.push_back(function);
    evaluator defaults_evaluator(*this, defining_frame);
    for (const auto& parameter : definition->parameters) {
        if (!parameter.default_value) {
            function->defaults.push_back(value::unbound());
            continue;
        }
        value v = defaults_evaluator.eval(*parameter.default_value);
        if (v.is_raised()) return v;
        function->defaults.push_back(std::move(v));
    }
    for (const auto& source : definition->free_sources) {
        std::shared_ptr<cell_object> cell;
        if (source.scope == name_scope::cell) {
            cell = std::static_pointer_cast<cell_object>(defining_frame.locals[source.index].as_object());
        } else if (source.scope == name_scope::free && defining_frame.closure) {
            cell = (*defining_frame.closure)[source.index];
        }
        if (!cell) cell = make_object<cell_object>();
        function->closure.push_back(std::move(cell));
    }
    return value::of(function);
}

namespace {
std::string join_names(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        text += "'" + names[i] + "'";
    }
    return text;
}
}  // namespace

value interpreter::bind_arguments(const function_object& function, call_arguments& arguments, std::vector<value>& locals) {
    const function_def& def = *function.definition;
    const std::string& name = def.name;
    locals.assign(def.locals.size(), value::unbound());
    std::size_t positional_count = 0;
    int var_positional = -1, var_keyword = -1;
    for (std::size_t i = 0; i < def.parameters.size(); ++i) {
        switch (def.parameters[i].kind) {
            case parameter_kind::positional: ++positional_count; break;
            case parameter_kind::var_positional: var_positional = int(i); break;
            case parameter_kind::var_keyword: var_keyword = int(i); break;
            case parameter_kind::keyword_only: break;
        }
    }
    auto& given = arguments.positional;
    if (given.size() > positional_count && var_positional < 0) {
        std::size_t required = 0;
        for (std::size_t i = 0; i < positional_count; ++i) required += function.defaults[i].is_unbound() ? 1 : 0;
        std::string takes = required == positional_count ? std::to_string(positional_count)
                                                         : "from " + std::to_string(required) + " to " + std::to_string(positional_count);
        return raise_type_error(name + "() takes " + takes + " positional argument" + (positional_count == 1 && required == positional_count ? "" : "s") +
                                " but " + std::to_string(given.size()) + (given.size() == 1 ? " was" : " were") + " given");
    }
    std::size_t parameter_index = 0;
    for (std::size_t i = 0; i < given.size() && i < positional_count; ++i) locals[i] = given[i];
    for (parameter_index = 0; parameter_index < def.parameters.size(); ++parameter_index) {
        if (def.parameters[parameter_index].kind == parameter_kind::var_positional) {
            std::vector<value> extra;
            if (given.size() > positional_count) extra.assign(given.begin() + positional_count, given.end());
            locals[parameter_index] = make_tuple(std::move(extra));
        }
    }
    std::shared_ptr<dict_object> extra_keywords;
    if (var_keyword >= 0) {
        extra_keywords = make_object<dict_object>();
        locals[var_keyword] = value::of(extra_keywords);
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
    for (std::size_t i = 0; i < locals.size(); ++i) {
        if (!def.local_is_cell[i]) continue;
        auto cell = make_object<cell_object>();
        cell->content = std::move(locals[i]);
        locals[i] = value::of(cell);
    }
    return value();
}

namespace {
frame make_frame(const std::shared_ptr<function_object>& function, std::vector<value> locals) {
    frame f;
    f.definition = function->definition.get();
    f.locals = std::move(locals);
    f.globals = function->globals;
    f.closure = &function->closure;
    f.function_name = function->qualified_name;
    return f;
}

value finish_call(outcome result, frame& f) {
    if (result.kind == flow::raised) {
        auto* exception = static_cast<exception_object*>(result.result.as_object().get());
        exception->traceback.push_back({f.function_name, f.line});
        return result.result;
    }
    if (result.kind == flow::returned) return result.result;
    return value();
}
}  // namespace

value run_function_body(interpreter& in, const std::shared_ptr<function_object>& function, std::vector<value> locals) {
    frame f = make_frame(function, std::move(locals));
    evaluator ev(in, f);
    return finish_call(ev.exec_block(function->definition->body), f);
}

coro<value> run_function_body_async(interpreter& in, std::shared_ptr<function_object> function, std::vector<value> locals) {
    frame f = make_frame(function, std::move(locals));
    evaluator ev(in, f);
    outcome result = co_await ev.exec_block_async(function->definition->body);
    in.at_line(f.line);  // the return (or raise): what a task's completion reports
    co_return finish_call(std::move(result), f);
}

value interpreter::call_function(const std::shared_ptr<function_object>& function, call_arguments& arguments) {
    std::vector<value> locals;
    value error = bind_arguments(*function, arguments, locals);
    if (error.is_raised()) return error;
    if (function->definition->is_async) {
        auto coroutine = make_object<coroutine_object>();
        coroutine->function = function;
        coroutine->frame = std::move(locals);
        return value::of(coroutine);
    }
    if (depth_ >= options_.recursion_limit) return raise(types_.recursion_error, "maximum recursion depth exceeded");
    depth_guard guard(*this);
    return run_function_body(*this, function, std::move(locals));
}

value interpreter::call(const value& callee, call_arguments& arguments) {
    if (callee.as<function_object>()) {
        return call_function(std::static_pointer_cast<function_object>(callee.as_object()), arguments);
    }
    if (auto* builtin = callee.as<builtin_function_object>()) {
        if (!builtin->self.is_unbound()) arguments.positional.insert(arguments.positional.begin(), builtin->self);
        return builtin->function(*this, arguments);
    }
    if (auto* type = callee.as<type_object>()) {
        if (type->construct) return type->construct(*this, arguments);
        return raise_type_error("cannot create '" + type->qualified_name() + "' instances");
    }
    return raise_type_error("'" + type_name(callee) + "' object is not callable");
}

}  // namespace loopstep::python
