// Placing a prediction in a run and wording its answer. Pairs with prediction.hpp.
#include "model/prediction.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "model/narration.hpp"

namespace loopstep::web {
namespace {

constexpr std::size_t max_options = 4;

bool prints(const trace_event& event, std::string_view text) {
    return event.kind == trace_kind::output && event.detail.find(text) != std::string::npos;
}

// The first event at or after `from` that prints a line containing `text`.
std::optional<std::size_t> find_output(const recording& run, std::string_view text, std::size_t from = 0) {
    const std::vector<trace_event>& events = run.events();
    for (std::size_t i = from; i < events.size(); ++i) {
        if (prints(events[i], text)) return i;
    }
    return std::nullopt;
}

std::optional<std::size_t> stop_of(const lesson_prediction& prediction, const recording& run) {
    if (prediction.stop == prediction_stop::start) return 0;
    const std::optional<std::size_t> printed = find_output(run, prediction.stop_output);
    if (!printed) return std::nullopt;
    if (prediction.stop == prediction_stop::after_output) return *printed + 1;
    // Before the print, and before the lines that led to it since the last scheduler event: the
    // same stop whether the learner steps by event or by line.
    std::size_t stop = *printed;
    while (stop > 0 && run.events()[stop - 1].kind == trace_kind::line_reached) --stop;
    return stop;
}

std::string printed_line(const trace_event& event) {
    std::string line = event.detail;
    while (!line.empty() && line.back() == '\n') line.pop_back();
    return line;
}

bool task_done(task_state state) {
    return state == task_state::finished || state == task_state::failed || state == task_state::cancelled;
}

// Which task the loop resumes next: the tasks not done at the stop, in creation order.
std::optional<placed_prediction> next_task(const recording& run, std::size_t stop) {
    const std::vector<trace_event>& events = run.events();
    const auto resumed = std::find_if(events.begin() + static_cast<std::ptrdiff_t>(stop), events.end(),
                                      [](const trace_event& event) { return event.kind == trace_kind::task_resumed; });
    if (resumed == events.end()) return std::nullopt;
    // The tasks that exist by then: one created between the stop and its first step is a choice too.
    const snapshot then = run.at(static_cast<std::size_t>(resumed - events.begin()));
    std::vector<const task_view*> alive;
    for (const task_view& task : then.tasks) {
        if (!task_done(task.state)) alive.push_back(&task);
    }
    const auto right = std::find_if(alive.begin(), alive.end(), [&](const task_view* task) { return task->id == resumed->task; });
    if (right == alive.end() || alive.size() < 2) return std::nullopt;
    // The first tasks in creation order, and the right one among them even when it came later.
    if (right - alive.begin() >= static_cast<std::ptrdiff_t>(max_options)) std::iter_swap(alive.begin() + (max_options - 1), right);
    alive.resize(std::min(alive.size(), max_options));
    placed_prediction placed{stop, {}, -1};
    for (const task_view* task : alive) {
        if (task->id == resumed->task) placed.correct = static_cast<int>(placed.options.size());
        placed.options.push_back(task->name);
    }
    return placed;
}

// Which line prints next: the next few distinct lines the run prints from the stop on, in
// alphabetical order so their order gives nothing away.
std::optional<placed_prediction> next_output(const recording& run, std::size_t stop) {
    const std::vector<trace_event>& events = run.events();
    std::vector<std::string> lines;
    for (std::size_t i = stop; i < events.size() && lines.size() < max_options; ++i) {
        if (events[i].kind != trace_kind::output) continue;
        std::string line = printed_line(events[i]);
        if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(std::move(line));
    }
    if (lines.size() < 2) return std::nullopt;
    const std::string right = lines.front();
    std::sort(lines.begin(), lines.end());
    const int correct = static_cast<int>(std::find(lines.begin(), lines.end(), right) - lines.begin());
    return placed_prediction{stop, std::move(lines), correct};
}

// What the clock says when a line prints: the right time against the times a learner may
// think of: every timer's wait added up (one after another), and the other lines' times.
std::optional<placed_prediction> clock_at(const recording& run, std::size_t stop, std::string_view text, std::string_view unit) {
    const std::optional<std::size_t> printed = find_output(run, text, stop);
    if (!printed) return std::nullopt;
    const std::vector<trace_event>& events = run.events();
    const double right = events[*printed].time;
    double waits_added = 0;
    std::set<double> others;
    for (const trace_event& event : events) {
        if (event.kind == trace_kind::timer_set) waits_added += std::max(0.0, event.time_value - event.time);
        if (event.kind == trace_kind::blocked) waits_added += event.time_value;
        if (event.kind == trace_kind::output) others.insert(event.time);
    }
    std::vector<double> times{right};
    if (waits_added > 0) times.push_back(waits_added);
    others.insert(events.back().time);
    // The others nearest the right time first: far-off times are no real choice.
    std::vector<double> nearest(others.begin(), others.end());
    std::stable_sort(nearest.begin(), nearest.end(), [&](double a, double b) { return std::abs(a - right) < std::abs(b - right); });
    for (double time : nearest) {
        if (times.size() == max_options) break;
        const bool taken = std::any_of(times.begin(), times.end(), [&](double t) { return format_time(t, unit) == format_time(time, unit); });
        if (!taken) times.push_back(time);
    }
    if (times.size() < 2) return std::nullopt;
    std::sort(times.begin(), times.end());
    placed_prediction placed{stop, {}, -1};
    for (double time : times) {
        if (time == right) placed.correct = static_cast<int>(placed.options.size());
        placed.options.push_back(format_time(time, unit));
    }
    return placed;
}

}  // namespace

std::optional<placed_prediction> place_prediction(const lesson_prediction& prediction, const recording& run,
                                                  std::string_view unit) {
    const std::optional<std::size_t> stop = stop_of(prediction, run);
    if (!stop || *stop >= run.events().size()) return std::nullopt;
    switch (prediction.asks) {
        case prediction_asks::next_task: return next_task(run, *stop);
        case prediction_asks::next_output: return next_output(run, *stop);
        case prediction_asks::clock: return clock_at(run, *stop, prediction.clock_output, unit);
    }
    return std::nullopt;
}

std::string prediction_verdict(const lesson_prediction& prediction, const placed_prediction& placed, int chosen) {
    const std::string& right = placed.options[static_cast<std::size_t>(placed.correct)];
    std::string fact;
    switch (prediction.asks) {
        case prediction_asks::next_task: fact = right + " runs next"; break;
        case prediction_asks::next_output: fact = "the next line is \"" + right + "\""; break;
        case prediction_asks::clock: fact = "the clock says " + right + " when \"" + prediction.clock_output + "\" prints"; break;
    }
    if (chosen == placed.correct) return "Right: " + fact + ". Step on to see it happen.";
    const std::string& picked = placed.options[static_cast<std::size_t>(chosen)];
    const std::string not_that = prediction.asks == prediction_asks::next_output ? "" : ", not " + picked;
    return "Not quite: " + fact + not_that + ". Step on to see why.";
}

}  // namespace loopstep::web
