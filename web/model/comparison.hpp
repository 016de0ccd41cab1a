// Two runs side by side (a chapter's ```python compare``` block): the second program's run, and
// the steps of both merged on one time axis, so one cursor moves through both. Pairs with comparison.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"
#include "model/timeline.hpp"

namespace loopstep::web {

// Where a run's scheduler events are: the cursors Step stops at by event (0, after each event,
// and the end), and how many line events lie between them.
struct run_steps {
    std::vector<std::size_t> event_steps{0};
    std::size_t line_steps = 0;
};
run_steps find_steps(const recording& run);

// The compared program's run, beside the chapter's own (the main run, which the code panel edits).
struct companion_run {
    std::string label;       // the compared program's ("One by one")
    std::string main_label;  // the chapter's program's ("Concurrently")
    std::string source;
    python::program_result result;
    recording run;
    timeline run_timeline;
    run_steps steps;
    std::size_t cursor = 0;  // events applied, in step with the main run's cursor (see paired_step)
    snapshot view;           // run.at(cursor)
};

// One step of the pair: each run's cursor, and the shared clock (the later of the two runs').
struct paired_step {
    std::size_t main = 0;
    std::size_t companion = 0;
    double time = 0;
};

// The steps of both runs in time order, each step moving one run on by one step of the mode
// (by event, or by line); at equal times the main run goes first. Starts at {0, 0}.
std::vector<paired_step> pair_steps(const recording& main, const timeline& main_line, const run_steps& main_steps,
                                    const companion_run& companion, bool by_line);

// Which run the step to `pairs[index]` moved: the companion's, or else the main run's.
bool companion_moved(const std::vector<paired_step>& pairs, std::size_t index);

}  // namespace loopstep::web
