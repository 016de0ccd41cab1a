// run_program: parse, resolve, run, and render errors the way CPython prints them
// (pairs with loopstep/python/run_program.hpp).
#include "loopstep/python/run_program.hpp"

#include "compiler.hpp"
#include "interpreter.hpp"
#include "parser.hpp"

namespace loopstep::python {

namespace {

std::string source_line(const std::vector<std::string>& lines, int line) {
    if (line < 1 || line > int(lines.size())) return {};
    return lines[line - 1];
}

std::string strip_left(const std::string& text, std::size_t& removed) {
    removed = 0;
    while (removed < text.size() && (text[removed] == ' ' || text[removed] == '\t')) ++removed;
    std::string rest = text.substr(removed);
    while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r' || rest.back() == ' ')) rest.pop_back();
    return rest;
}

std::string syntax_error_text(const syntax_error& error, const std::vector<std::string>& lines, const std::string& filename) {
    std::string text = "  File \"" + filename + "\", line " + std::to_string(error.where.line) + "\n";
    std::size_t removed = 0;
    const std::string code = strip_left(source_line(lines, error.where.line), removed);
    if (!code.empty()) {
        text += "    " + code + "\n";
        const int start = std::max(1, error.where.column - int(removed));
        int width = 1;
        if (error.end.line == error.where.line && error.end.column > error.where.column) width = error.end.column - error.where.column;
        text += "    " + std::string(std::size_t(start - 1), ' ') + std::string(std::size_t(width), '^') + "\n";
    }
    return text + error.type + ": " + error.message + "\n";
}

bool exception_of_type(const value& raised, const type_ptr& type) {
    return static_cast<exception_object*>(raised.as_object().get())->type == type;
}

std::string last_line(interpreter& in, const value& exception) {
    auto* e = exception.as<exception_object>();
    std::string text = e->type->qualified_name();
    std::string message = in.str(exception);
    if (!message.empty()) text += ": " + message;
    return text + e->note;
}

std::string traceback_entries(const exception_object& e, const std::vector<std::string>& lines, const std::string& filename,
                              const std::string& margin) {
    std::string text;
    for (auto it = e.traceback.rbegin(); it != e.traceback.rend(); ++it) {
        text += margin + "  File \"" + filename + "\", line " + std::to_string(it->line) + ", in " + it->function + "\n";
        std::size_t removed = 0;
        const std::string code = strip_left(source_line(lines, it->line), removed);
        if (!code.empty()) text += margin + "    " + code + "\n";
    }
    return text;
}

// CPython's layout, including the boxed form of an exception group.
std::string traceback_text(interpreter& in, const value& exception, const std::vector<std::string>& lines,
                           const std::string& filename, const std::string& margin = "") {
    auto* e = exception.as<exception_object>();
    if (e->group.empty()) {
        std::string text = margin + "Traceback (most recent call last):\n";
        text += traceback_entries(*e, lines, filename, margin);
        return text + margin + last_line(in, exception) + "\n";
    }
    std::string text = margin + "  + Exception Group Traceback (most recent call last):\n";
    text += traceback_entries(*e, lines, filename, margin + "  |");
    text += margin + "  | " + last_line(in, exception) + "\n";
    for (std::size_t i = 0; i < e->group.size(); ++i) {
        const std::string label = " " + std::to_string(i + 1) + " ";
        text += margin + (i == 0 ? "  +-+" : "    +") + std::string(16, '-') + label + std::string(16, '-') + "\n";
        std::string inner = traceback_text(in, e->group[i], lines, filename);
        std::size_t start = 0;
        while (start < inner.size()) {
            std::size_t end = inner.find('\n', start);
            text += margin + "    | " + inner.substr(start, end - start) + "\n";
            start = end + 1;
        }
    }
    return text + margin + "    +" + std::string(36, '-') + "\n";
}

void fail(program_result& result, const std::string& type, const std::string& message, int line) {
    result.exit_code = 1;
    result.error_output += type + ": " + message + "\n";
    result.error = program_error{type, message, line, 0, 0};
}

void run_checked(std::string_view source, const program_options& options, program_result& result);

// The seed of an unseeded `random` when the embedder gives none: the program's text
// (FNV-1a), so a run repeats until the program changes; below 10^9, short enough to type.
std::uint64_t seed_from_source(std::string_view source) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : source) h = (h ^ c) * 1099511628211ull;
    return (h >> 32) % 1'000'000'000;
}

}  // namespace

// Whatever a program does, the embedder gets a result: a C++ exception (memory exhausted
// included) ends the run as an error, with what was printed before it.
program_result run_program(std::string_view source, const program_options& options) {
    program_result result;
    if (source.size() > options.limits.source_bytes) {
        fail(result, "loopstep.RunLimitError",
             "the program is " + std::to_string(source.size()) + " bytes long; loopstep runs programs of at most " +
                 std::to_string(options.limits.source_bytes) + " bytes",
             0);
        return result;
    }
    try {
        run_checked(source, options, result);
    } catch (const std::bad_alloc&) {
        fail(result, "MemoryError", "the run ran out of memory", 0);
    } catch (const std::exception& error) {
        fail(result, "loopstep.InternalError", std::string("the run failed inside loopstep (a bug): ") + error.what(), 0);
    }
    return result;
}

namespace {

void run_checked(std::string_view source, const program_options& options, program_result& result) {
    parse_result parsed = parse_program(source);
    compile_result compiled;
    if (!parsed.error) {
        compiled = compile_module(*parsed.program);
        parsed.error = compiled.error;
    }
    if (parsed.error) {
        std::vector<std::string> lines = parsed.program ? parsed.program->source_lines : std::vector<std::string>{};
        if (lines.empty()) {
            std::string all(source);
            std::size_t start = 0;
            while (start <= all.size()) {
                std::size_t end = all.find('\n', start);
                if (end == std::string::npos) end = all.size();
                lines.push_back(all.substr(start, end - start));
                start = end + 1;
            }
        }
        const syntax_error& error = *parsed.error;
        result.exit_code = 1;
        result.error_output = syntax_error_text(error, lines, options.filename);
        result.error = program_error{error.type, error.message, error.where.line, error.where.column, error.end.column};
        return;
    }
    interpreter* running = nullptr;  // set once the interpreter exists; events before it are few
    trace_sink trace;
    if (options.trace) {
        trace = [&running, sink = options.trace](const trace_event& event) {
            if (event.kind == trace_kind::line_reached || !running || running->count_event()) sink(event);
        };
    }
    loop_options loop_settings{.trace = trace, .step_limit = options.loop_step_limit};
    loop_settings.on_report = [&result](const std::string& line) { result.error_output += line + "\n"; };
    event_loop loop(loop_settings);
    interpreter_options settings;
    settings.write_output = [&](const std::string& text) {
        result.output += text;
        if (options.on_output) options.on_output(text);
    };
    settings.write_error = [&result](const std::string& text) { result.error_output += text; };
    settings.step_budget = options.step_budget;
    settings.loop_step_limit = options.loop_step_limit;
    settings.recursion_limit = options.recursion_limit;
    settings.limits = options.limits;
    settings.filename = options.filename;
    settings.source_lines = &parsed.program->source_lines;
    settings.random_seed = options.random_seed ? *options.random_seed : seed_from_source(source);
    result.random_seed = settings.random_seed;
    settings.run_seed_drawn = &result.used_run_seed;
    settings.line_events = options.line_events;
    {
        interpreter in(loop, settings);
        running = &in;
        loop.set_unretrieved_describer([&in, &parsed, &options](const task_base& task, const std::exception_ptr& error) {
            const value exception = value::of(in.from_cpp_exception(error).as_object());
            std::string text = in.unretrieved_task_heading(task, exception);
            text += traceback_text(in, exception, parsed.program->source_lines, options.filename);
            text.pop_back();  // the report's own line end follows
            return text;
        });
        value ended = in.run_module(*parsed.program, compiled.code);
        // Past a limit the run ends with it, even if the program caught it or then failed otherwise.
        if (in.run_stopped() && !(ended.is_raised() && exception_of_type(ended, in.types().run_limit_error))) ended = in.run_limit_error();
        if (ended.is_raised() && exception_of_type(ended, in.types().system_exit)) {
            // sys.exit(code): as CPython exits, with no traceback; a non-int code is printed.
            auto* e = static_cast<exception_object*>(ended.as_object().get());
            const value code = e->args.empty() ? value() : e->args[0];
            result.exit_code = code.is_none() ? 0 : code.is_int_like() ? int(code.as_int()) : 1;
            if (!code.is_none() && !code.is_int_like()) result.error_output += in.str(code) + "\n";
        } else if (ended.is_raised()) {
            value exception = value::of(ended.as_object());
            auto* e = exception.as<exception_object>();
            result.exit_code = 1;
            result.error_output += traceback_text(in, exception, parsed.program->source_lines, options.filename);
            const int line = e->traceback.empty() ? in.stop_line() : e->traceback.front().line;
            result.error = program_error{e->type->qualified_name(), in.str(exception), line, 0, 0};
        }
        result.virtual_time = loop.time();
        running = nullptr;
        loop.set_unretrieved_describer(nullptr);
    }
}

}  // namespace

}  // namespace loopstep::python
