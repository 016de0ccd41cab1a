// CPython's "RuntimeWarning: coroutine 'f' was never awaited": a coroutine freed without ever
// running. CPython frees it the moment its last reference goes (reference counting), and so
// does loopstep (shared_ptr), so the warning comes at the same statement. The warning names
// the line running at that moment and shows it, then asks for tracemalloc; at the program's
// end (no line running) it is "sys:1: ..." alone, as CPython prints it at shutdown.
#include <set>

#include "frame.hpp"
#include "interpreter.hpp"

namespace loopstep::python {

namespace {

std::string stripped(const std::string& line) {
    const std::size_t first = line.find_first_not_of(" \t\f");
    if (first == std::string::npos) return {};
    std::size_t last = line.find_last_not_of(" \t\f\r\n");
    return line.substr(first, last - first + 1);
}

}  // namespace

std::weak_ptr<std::function<void(const std::string&)>> interpreter::unawaited_coroutine_reporter() {
    if (!unawaited_reporter_) {
        // Python's default warning filter shows a warning once per place and text (__warningregistry__).
        unawaited_reporter_ = std::make_shared<std::function<void(const std::string&)>>(
            [this, shown = std::set<std::string>()](const std::string& coroutine_name) mutable {
            const std::string warning = "RuntimeWarning: coroutine '" + coroutine_name + "' was never awaited\n";
            const frame_stack* stack = running_stack();
            if (!stack || stack->frames.empty()) {
                if (shown.insert("sys:1: " + warning).second) write_error("sys:1: " + warning);
                return;
            }
            const int line = stack->frames.back()->line();
            last_unawaited_call = coroutine_name + "() at line " + std::to_string(line);
            std::string text = options_.filename + ":" + std::to_string(line) + ": " + warning;
            if (!shown.insert(text).second) return;
            const auto* lines = options_.source_lines;
            if (lines && line >= 1 && std::size_t(line) <= lines->size()) {
                const std::string source = stripped((*lines)[std::size_t(line) - 1]);
                if (!source.empty()) text += "  " + source + "\n";
            }
            write_error(text + "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        });
    }
    return unawaited_reporter_;
}

}  // namespace loopstep::python
