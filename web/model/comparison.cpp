// Two runs on one time axis: their steps merged by time. Pairs with comparison.hpp.
#include "model/comparison.hpp"

#include <algorithm>
#include <limits>

namespace loopstep::web {
namespace {

// A run's steps in one mode: by line every cursor is one, by event those of run_steps.
struct step_list {
    const run_steps& steps;
    std::size_t events;
    bool by_line;
    std::size_t size() const { return by_line ? events + 1 : steps.event_steps.size(); }
    std::size_t operator[](std::size_t k) const { return by_line ? k : steps.event_steps[k]; }
};

}  // namespace

run_steps find_steps(const recording& run) {
    run_steps found;
    const std::vector<trace_event>& events = run.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind == trace_kind::line_reached) ++found.line_steps;
        else found.event_steps.push_back(i + 1);
    }
    if (found.event_steps.back() != events.size()) found.event_steps.push_back(events.size());  // the end, after trailing lines
    return found;
}

std::vector<paired_step> pair_steps(const recording& main, const timeline& main_line, const run_steps& main_steps,
                                    const companion_run& companion, bool by_line) {
    const step_list a{main_steps, main.events().size(), by_line};
    const step_list b{companion.steps, companion.run.events().size(), by_line};
    constexpr double never = std::numeric_limits<double>::infinity();
    std::vector<paired_step> pairs{{0, 0, 0}};
    pairs.reserve(a.size() + b.size());
    std::size_t i = 0, j = 0;
    double time_a = 0, time_b = 0;
    while (i + 1 < a.size() || j + 1 < b.size()) {
        const double next_a = i + 1 < a.size() ? time_at(main_line, a[i + 1]) : never;
        const double next_b = j + 1 < b.size() ? time_at(companion.run_timeline, b[j + 1]) : never;
        if (next_a <= next_b) time_a = next_a, ++i;
        else time_b = next_b, ++j;
        pairs.push_back({a[i], b[j], std::max(time_a, time_b)});
    }
    return pairs;
}

bool companion_moved(const std::vector<paired_step>& pairs, std::size_t index) {
    return index > 0 && index < pairs.size() && pairs[index].companion != pairs[index - 1].companion;
}

}  // namespace loopstep::web
