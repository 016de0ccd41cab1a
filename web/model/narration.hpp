// The narration: one plain-English sentence for the learner about the event that led to a cursor
// ("Task-2 blocks the whole loop for 5 s at line 4 (time.sleep): nothing else can run."). Pairs with narration.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "loopstep/recording.hpp"

namespace loopstep::web {

// What event cursor - 1 did, with the task names of the snapshot and the source line when known;
// an invitation to step at cursor 0, the total virtual time at the end. Costs one run.at(cursor - 1):
// call it when the cursor moves, not every frame.
// `unit` is the chapter's time unit (lesson.hpp: chapter::time_unit): "due at 3 min".
std::string narrate(const recording& run, std::size_t cursor, std::string_view unit = "s");

// What a task waits on, as the learner wrote it, from a trace label: "sleep(55)" -> "asyncio.sleep(55)",
// "<Task pending name='fetch-2'>" -> "fetch-2", "Queue.get()" unchanged.
std::string awaited_text(const std::string& label);

// Seconds as a learner writes them: 5, 0.5, 1.25 (at most three decimals, no trailing zeros).
std::string format_seconds(double seconds);
// The same with the unit: "2.5 s", "3 min".
std::string format_time(double seconds, std::string_view unit);

}  // namespace loopstep::web
