// A lesson's prediction (@predict, lesson.hpp) placed in one run: the cursor it stops at, the
// choices and the right one, all read from the recording, so the answer is the run's own and
// changes with the sliders or the learner's code. Pairs with prediction.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loopstep/recording.hpp"
#include "model/lesson.hpp"

namespace loopstep::web {

struct placed_prediction {
    std::size_t stop = 0;              // the cursor (events applied) where the run waits for the answer
    std::vector<std::string> options;  // what the learner picks from
    int correct = -1;                  // index into options
    bool operator==(const placed_prediction&) const = default;
};

// Where `prediction` stands in `run`, or nothing when this run has no such point (the learner's
// code no longer prints the line it stops at) or fewer than two choices make sense.
// `unit` is the chapter's time unit: a clock's choices read "3 min".
std::optional<placed_prediction> place_prediction(const lesson_prediction& prediction, const recording& run,
                                                  std::string_view unit);

// The sentence after an answer: "Right: A runs next." / "Not quite: A runs next, not B."
std::string prediction_verdict(const lesson_prediction& prediction, const placed_prediction& placed, int chosen);

}  // namespace loopstep::web
