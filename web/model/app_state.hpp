// The app's model: the program, its run and recording, and the cursor over the recording's
// events. No UI and no platform here; ui_* files draw it and platform_sdl.cpp drives it.
#pragma once

#include <cstddef>
#include <string>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"

namespace loopstep::web {

struct app_state {
    std::string source;                  // the program shown and run
    python::program_result result;       // how the whole run ended
    recording run;                       // every scheduler event of the run
    std::size_t cursor = 0;              // events applied: 0 = before the first event
    snapshot view;                       // run.at(cursor), kept in step with the cursor
    bool playing = false;
    double play_clock = 0;               // seconds of play not yet turned into steps
    double steps_per_second = 8;
};

// Runs `source` from scratch with a fresh recording and puts the cursor at the start.
void load_program(app_state& app, std::string source);

std::size_t event_count(const app_state& app);
void seek(app_state& app, std::size_t cursor);  // clamped to [0, event_count]
void step_forward(app_state& app);
void step_back(app_state& app);
void toggle_play(app_state& app);
// Advances a playing cursor by the wall time since the last frame.
void advance_play(app_state& app, double seconds);

}  // namespace loopstep::web
