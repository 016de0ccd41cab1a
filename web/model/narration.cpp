// One sentence per trace event, for a learner: what happened and, where it helps, what comes next.
// Pairs with narration.hpp.
#include "narration.hpp"

#include "model/frames.hpp"

#include <cctype>
#include <cstdio>
#include <optional>
#include <string_view>
#include <vector>

namespace loopstep::web {
namespace {

std::string at_line(int line) { return line > 0 ? " at line " + std::to_string(line) : ""; }
std::string in_parens(int line) { return line > 0 ? " (line " + std::to_string(line) + ")" : ""; }

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

bool awaits_tasks(const std::string& label) { return starts_with(label, "<Task") || label == "TaskGroup children"; }

// "on asyncio.sleep(55)" or "waiting for Task-2": awaiting a task reads better with "for".
std::string wait_phrase(const std::string& label) { return (awaits_tasks(label) ? "waiting for " : "on ") + awaited_text(label); }

// An awaited thing at the start of a sentence. Code and task names keep their case
// ("asyncio.sleep(2)", "fetch-1"), so they get "The awaited" before them; English words
// ("a Future", "its TaskGroup's tasks") just take a capital.
std::string sentence_subject(const std::string& what) {
    if (starts_with(what, "a ") || starts_with(what, "its ")) return char(std::toupper(static_cast<unsigned char>(what[0]))) + what.substr(1);
    return "The awaited " + what;
}

// Printed text on one short line: the first line, cut at about 60 bytes on a character boundary.
std::string quoted_output(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    bool cut = false;
    if (const auto newline = text.find('\n'); newline != std::string::npos) {
        text.resize(newline);
        cut = true;
    }
    constexpr std::size_t longest = 60;
    if (text.size() > longest) {
        std::size_t end = longest;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // UTF-8 continuation
        text.resize(end);
        cut = true;
    }
    return "'" + text + (cut ? "\xE2\x80\xA6'" : "'");  // U+2026 ellipsis
}

// The event being narrated and the state on both sides of it.
struct moment {
    const std::vector<trace_event>& events;
    std::size_t index;
    const trace_event& event;
    const snapshot& before;
    const snapshot& after;
    std::string_view unit;  // the chapter's time unit

    std::string name(task_id id) const {
        if (const task_view* task = after.find_task(id)) return task->name;
        return id == 0 ? "the program" : "task #" + std::to_string(id);
    }
    std::string subject() const { return name(event.task); }

    // The latest earlier event for which `matches` holds.
    template <class Predicate>
    std::optional<std::size_t> find_back(Predicate matches) const {
        for (std::size_t i = index; i-- > 0;) {
            if (matches(events[i])) return i;
        }
        return std::nullopt;
    }
    // The task whose own future (the one awaiting the task waits on) is `future`, if any.
    std::optional<task_id> task_of_future(future_id future) const {
        const auto created = find_back([&](const trace_event& e) {
            return e.kind == trace_kind::task_created && e.future == future;
        });
        if (!created) return std::nullopt;
        return events[*created].task;
    }
};

// What the loop does after this event: the head of the ready queue, or the next timer.
std::string what_next(const moment& now) {
    const snapshot& after = now.after;
    if (!after.ready.empty()) {
        const pending_callback& head = after.ready.front();
        if (head.task == 0) return "the loop runs a callback next";
        if (head.label.empty()) return "the loop runs " + now.name(head.task) + " next";
        return "next the loop handles " + now.name(head.task) + "'s " + awaited_text(head.label);
    }
    if (!after.timers.empty()) {
        const pending_callback& timer = after.timers.front();
        if (timer.when <= after.time) {  // due already: the loop moves it to the ready queue without a jump
            if (timer.task == 0) return "a timer is due now";
            return now.name(timer.task) + "'s " + awaited_text(timer.label) + " is due now";
        }
        return "nothing is ready, so the clock will jump to " + format_time(timer.when, now.unit);
    }
    return "nothing else is ready";
}

std::string task_created(const moment& now) {
    const std::string& created = now.event.detail;
    if (now.before.running == 0) return "A new task, " + created + ", is created: it starts when the loop gets to it.";
    return now.name(now.before.running) + " created the task " + created + at_line(now.event.line) +
           "; it starts when the loop gets to it.";
}

std::string ahead_of(const moment& now) {
    std::size_t ahead = 0;
    while (ahead < now.after.ready.size() && now.after.ready[ahead].handle != now.event.handle) ++ahead;
    if (ahead == 0 || ahead == now.after.ready.size()) return "";
    return " behind " + std::to_string(ahead) + (ahead == 1 ? " other" : " others");
}

std::string task_scheduled(const moment& now) {
    const task_view* was = now.before.find_task(now.event.task);
    const std::string queue = " joins the ready queue" + ahead_of(now) + ".";
    const trace_event* previous = now.index > 0 ? &now.events[now.index - 1] : nullptr;
    if (previous && previous->kind == trace_kind::task_yielded && previous->task == now.event.task) {
        const std::string behind = ahead_of(now);
        return behind.empty() ? now.subject() + " is alone in the ready queue: it runs again next."
                              : now.subject() + " is now last in the ready queue," + behind + ": they go first.";
    }
    if (!was || was->state != task_state::waiting) return now.subject() + queue;
    if (previous && previous->kind == trace_kind::future_resolved && previous->detail == "cancelled") {
        return now.subject() + " is woken up to be cancelled and" + queue;
    }
    const std::string preposition = awaits_tasks(was->waiting_on) ? " for " : " on ";
    return now.subject() + " stops waiting" + preposition + awaited_text(was->waiting_on) + " and" + queue;
}

std::string callback_ran(const moment& now) {
    const trace_event& event = now.event;
    if (event.task != 0 && event.detail.empty()) {
        return "The loop takes " + now.subject() + "'s next step from the ready queue.";
    }
    if (event.task != 0) {
        return "The loop runs the callback of " + now.subject() + "'s " + awaited_text(event.detail) + " timer.";
    }
    // A plain callback: say what it is for when it reports a task's end (a done-callback).
    const auto scheduled = now.find_back([&](const trace_event& e) {
        return e.kind == trace_kind::callback_scheduled && e.handle == event.handle;
    });
    if (scheduled && *scheduled > 0) {
        const trace_event& cause = now.events[*scheduled - 1];
        if (cause.kind == trace_kind::future_resolved) {
            if (const auto task = now.task_of_future(cause.future)) {
                return "The loop runs a callback that reports " + now.name(*task) + " is done.";
            }
        }
    }
    return "The loop runs a callback from the ready queue.";
}

bool has_run_before(const moment& now) {
    const auto earlier = now.find_back([&](const trace_event& e) {
        return e.task == now.event.task &&
               (e.kind == trace_kind::task_resumed || e.kind == trace_kind::task_created);
    });
    return earlier && now.events[*earlier].kind == trace_kind::task_resumed;
}

std::string task_resumed(const moment& now) {
    if (!has_run_before(now)) return now.subject() + " starts running" + at_line(now.event.line) + ".";
    return "The loop resumes " + now.subject() + in_parens(now.event.line) + ".";
}

std::string task_suspended(const moment& now) {
    return now.subject() + " paused" + at_line(now.event.line) + " " + wait_phrase(now.event.detail) + "; " +
           what_next(now) + ".";
}

std::string task_yielded(const moment& now) {
    return now.subject() + " yields" + at_line(now.event.line) + " (asyncio.sleep(0)): it gives the other tasks a turn.";
}

std::string timer_set(const moment& now) {
    const std::string due = ", due at " + format_time(now.event.time_value, now.unit) + ".";
    if (now.event.task == 0) return "A timer for " + awaited_text(now.event.detail) + " is set" + due;
    return now.subject() + " sets a timer for " + awaited_text(now.event.detail) + at_line(now.event.line) + due;
}

std::string timer_fired(const moment& now) {
    const std::string owner = now.event.task == 0 ? "A" : now.subject() + "'s";
    return owner + " " + awaited_text(now.event.detail) + " timer is due: its callback joins the ready queue.";
}

std::string handle_cancelled(const moment& now) {
    for (const pending_callback& timer : now.before.timers) {
        if (timer.handle != now.event.handle) continue;
        const std::string owner = timer.task == 0 ? "A" : now.name(timer.task) + "'s";
        return owner + " " + awaited_text(timer.label) + " timer is cancelled: it will not fire.";
    }
    return "A callback waiting in the ready queue is cancelled: it will not run.";
}

// A settled future: a task's own result, or what a waiting task was waiting on.
std::string future_resolved(const moment& now) {
    const std::string& outcome = now.event.detail;
    if (const auto task = now.task_of_future(now.event.future)) {
        const std::string keeper = " is kept for whoever awaits it.";
        if (starts_with(outcome, "result ")) return now.name(*task) + "'s return value, " + outcome.substr(7) + "," + keeper;
        if (outcome == "cancelled") return now.name(*task) + "'s cancellation" + keeper;
        return now.name(*task) + "'s error, " + outcome + "," + keeper;
    }
    const auto suspended = now.find_back([&](const trace_event& e) {
        return e.kind == trace_kind::task_suspended && e.future == now.event.future;
    });
    if (!suspended) return "A future is settled (" + outcome + ").";
    const trace_event& wait = now.events[*suspended];
    const std::string waiter = now.name(wait.task);
    const std::string what = awaited_text(wait.detail);
    // A plain Future settled by the running task's own code: name the call that did it.
    if (starts_with(wait.detail, "<Future") && now.before.running != 0 && outcome != "cancelled") {
        const std::string call = starts_with(outcome, "result ") ? "set_result(" + outcome.substr(7) + ")" : "set_exception(" + outcome + ")";
        return now.name(now.before.running) + " calls " + call + " on the Future " + waiter + " awaits: " + waiter + " will be woken up.";
    }
    const std::string subject = sentence_subject(what);
    if (outcome == "cancelled") return subject + " is cancelled: " + waiter + " will get CancelledError.";
    return subject + " is done: " + waiter + " will be woken up.";
}

std::string callback_scheduled(const moment& now) {
    if (now.index > 0) {
        const trace_event& cause = now.events[now.index - 1];
        if (cause.kind == trace_kind::future_resolved) {
            if (const auto task = now.task_of_future(cause.future)) {
                return "A callback to report that " + now.name(*task) + " is done joins the ready queue.";
            }
        }
    }
    return "A callback joins the ready queue.";
}

std::string output(const moment& now) {
    const task_id printer = now.event.task != 0 ? now.event.task : now.before.running;
    const std::string who = printer == 0 ? "The program" : now.name(printer);
    return who + " printed " + quoted_output(now.event.detail) + ".";
}

std::string clock_advanced(const moment& now) {
    const std::string when = format_time(now.event.time_value, now.unit);
    if (now.before.timers.empty()) return "The clock jumps to " + when + ".";
    const pending_callback& due = now.before.timers.front();
    if (due.task == 0) return "Nothing is ready, so the clock jumps to " + when + ": the earliest timer is due.";
    return "Nothing is ready, so the clock jumps to " + when + ", when " + now.name(due.task) + "'s " +
           awaited_text(due.label) + " is due.";
}

std::string blocked(const moment& now) {
    return now.subject() + " blocks the whole loop for " + format_time(now.event.time_value, now.unit) +
           at_line(now.event.line) + " (time.sleep): nothing else can run.";
}

// "coro = boil('water', 3)": the call builds a coroutine object and runs none of it.
std::string coroutine_created(const moment& now) {
    std::string call = now.event.detail;
    const std::string function = call.substr(0, call.find('('));
    if (call.size() > 40) call = function + "(\xE2\x80\xA6)";  // long arguments: the function alone
    const std::string caller = now.event.task == 0 ? "The program" : now.name(now.event.task);
    return caller + " calls " + call + ": that only makes a coroutine object; nothing in " + function + " runs yet.";
}

// "sent = 740.0, total = 0": the locals of `now` that `before` (the same function's frame one
// line earlier) did not have or had another value, the first few, values folded.
std::string changed_locals(const frame_view& now, const frame_view& before) {
    constexpr std::size_t most = 3;
    std::vector<std::string> changes;
    std::size_t count = 0;
    for (const auto& [name, value] : now.locals) {
        if (const std::string* old = value_in(before, name); old && *old == value) continue;
        if (++count <= most) changes.push_back(name + " = " + fold_value(value, 30));
    }
    std::string text;
    for (const std::string& change : changes) text += (text.empty() ? "" : ", ") + change;
    return count > most ? text + " and " + std::to_string(count - most) + " more" : text;
}

// A line step: the task came to a line (or back into a caller): what the line it left set.
std::string line_reached(const moment& now) {
    const std::string line = std::to_string(now.event.line);
    const std::vector<frame_view>& frames = now.event.frames;
    if (frames.empty()) return now.subject() + " comes to line " + line + ".";
    const frame_view& inner = frames.front();
    const task_view* task = now.before.find_task(now.event.task);
    const std::vector<frame_view> none;
    const std::vector<frame_view>& before = task ? task->frames : none;
    if (!before.empty() && frames.size() > before.size()) {
        return now.subject() + " calls " + call_text(inner) + ": line " + line + " of " + inner.function + " is next.";
    }
    if (frames.size() < before.size()) {
        return now.subject() + " is back in " + inner.function + " at line " + line + ": " + before.front().function + " returned.";
    }
    const std::string changes = before.empty() || before.front().function != inner.function ? std::string() : changed_locals(inner, before.front());
    if (changes.empty()) return now.subject() + " comes to line " + line + " of " + inner.function + ".";
    return now.subject() + " set " + changes + " at line " + std::to_string(before.front().line) + "; line " + line + " is next.";
}

std::string sentence(const moment& now) {
    const trace_event& event = now.event;
    switch (event.kind) {
        case trace_kind::task_created: return task_created(now);
        case trace_kind::task_scheduled: return task_scheduled(now);
        case trace_kind::task_resumed: return task_resumed(now);
        case trace_kind::task_suspended: return task_suspended(now);
        case trace_kind::task_yielded: return task_yielded(now);
        case trace_kind::task_completed: return now.subject() + " finished and returned " + event.detail + ".";
        case trace_kind::task_failed:
            return now.subject() + " failed" + at_line(event.line) + " with " + event.detail + ".";
        case trace_kind::task_cancelled:
            return now.subject() + " was cancelled" + (event.detail.empty() ? "" : " (" + event.detail + ")") + ".";
        case trace_kind::callback_scheduled: return callback_scheduled(now);
        case trace_kind::callback_ran: return callback_ran(now);
        case trace_kind::timer_set: return timer_set(now);
        case trace_kind::timer_fired: return timer_fired(now);
        case trace_kind::handle_cancelled: return handle_cancelled(now);
        case trace_kind::future_resolved: return future_resolved(now);
        case trace_kind::clock_advanced: return clock_advanced(now);
        case trace_kind::blocked: return blocked(now);
        case trace_kind::output: return output(now);
        case trace_kind::coroutine_created: return coroutine_created(now);
        case trace_kind::line_reached: return line_reached(now);
    }
    return to_string(event);
}

}  // namespace

std::string awaited_text(const std::string& label) {
    if (starts_with(label, "sleep(") || starts_with(label, "gather(") || starts_with(label, "wait_for(")) {
        return "asyncio." + label;
    }
    if (starts_with(label, "<Task")) {
        const auto from = label.find("name='");
        const auto to = from == std::string::npos ? from : label.find('\'', from + 6);
        if (to != std::string::npos) return label.substr(from + 6, to - from - 6);
    }
    if (starts_with(label, "<Future")) return "a Future";
    if (label == "TaskGroup children") return "its TaskGroup's tasks";
    return label.empty() ? "a future" : label;
}

std::string format_seconds(double seconds) {
    char text[64];
    std::snprintf(text, sizeof text, "%.3f", seconds);
    std::string result = text;
    while (!result.empty() && result.back() == '0') result.pop_back();
    if (!result.empty() && result.back() == '.') result.pop_back();
    return result == "-0" ? "0" : result;
}

std::string format_time(double seconds, std::string_view unit) { return format_seconds(seconds) + " " + std::string(unit); }

std::string narrate(const recording& run, std::size_t cursor, std::string_view unit) {
    const std::vector<trace_event>& events = run.events();
    if (events.empty()) return "This program did not use the event loop: there is nothing to step through.";
    if (cursor == 0) return "Nothing has run yet: press Step (\xE2\x86\x92) to run the first event.";  // U+2192
    if (cursor >= events.size()) {
        return "The program finished after " + format_time(events.back().time, unit) + " of virtual time.";
    }
    const snapshot before = run.at(cursor - 1);
    snapshot after = before;
    apply(after, events[cursor - 1]);
    return sentence({events, cursor - 1, events[cursor - 1], before, after, unit});
}

}  // namespace loopstep::web
