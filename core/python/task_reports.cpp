// CPython's report of a task whose exception no one retrieved, as asyncio's default exception
// handler logs it when the task is freed: the message, the task's repr, then the traceback
// (which run_program adds, where tracebacks are printed).
#include "interpreter.hpp"

namespace loopstep::python {

std::string interpreter::unretrieved_task_heading(const task_base& task, const value& exception) {
    std::string text = "Task exception was never retrieved\nfuture: <Task finished name=" + repr(make_str(task.name()));
    auto origin = task_origins_.find(task.id());
    if (origin != task_origins_.end()) {
        text += " coro=<" + origin->second.name + "() done, defined at " + options_.filename + ":" + std::to_string(origin->second.line) + ">";
        task_origins_.erase(origin);
    }
    return text + " exception=" + repr(exception) + ">\n";
}

}  // namespace loopstep::python
