// The app's state as JSON for the page (shell/API.md's loopstep.state()): what the web API
// returns and what the browser tests read. Pairs with state_json.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/app_state.hpp"

namespace loopstep::web {

std::string state_json(const app_state& app);

// One chapter's content for the page's text version: title, blocks with styled spans, questions
// (without their right answers: state().answers says whether a chosen one is right).
std::string chapter_json(const app_state& app, std::size_t index);

// `text` as a JSON string, quoted and escaped (for the page's other JSON, e.g. web/ui_screen.cpp's).
std::string json_string(std::string_view text);

// The words the page uses for a task's state: ready, running, waiting, done, failed, cancelled.
const char* state_word(task_state state);

}  // namespace loopstep::web
