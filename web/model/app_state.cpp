// The app's model operations: run a program into a recording, move the cursor. Pairs with app_state.hpp.
#include "app_state.hpp"

#include <algorithm>
#include <utility>

namespace loopstep::web {

void load_program(app_state& app, std::string source) {
    app.source = std::move(source);
    app.run = recording{};
    python::program_options options;
    options.trace = app.run.sink();
    app.result = python::run_program(app.source, options);
    app.playing = false;
    app.play_clock = 0;
    seek(app, 0);
}

std::size_t event_count(const app_state& app) { return app.run.events().size(); }

void seek(app_state& app, std::size_t cursor) {
    app.cursor = std::min(cursor, event_count(app));
    app.view = app.run.at(app.cursor);
}

void step_forward(app_state& app) { seek(app, app.cursor + 1); }

void step_back(app_state& app) {
    if (app.cursor > 0) seek(app, app.cursor - 1);
}

void toggle_play(app_state& app) {
    app.playing = !app.playing;
    app.play_clock = 0;
    if (app.playing && app.cursor >= event_count(app)) seek(app, 0);  // play again from the start
}

void advance_play(app_state& app, double seconds) {
    if (!app.playing) return;
    app.play_clock += seconds * app.steps_per_second;
    while (app.play_clock >= 1 && app.cursor < event_count(app)) {
        app.play_clock -= 1;
        step_forward(app);
    }
    if (app.cursor >= event_count(app)) app.playing = false;
}

}  // namespace loopstep::web
