// Paces input events over frames the way a learner made them. ImGui 1.86 sees only each key's and
// button's state at a frame, and reads typed characters before keys: a key pressed and released
// within one frame would be lost (a fast Enter: a blank line vanished), two presses would count as
// one, "a", Enter, "b" would come out "ab\n", and a tap (move and press together) would miss what it
// tapped. So an event that would clash with one already handled this frame waits, with every event
// after it, for the next frame (what ImGui 1.87+ calls trickling). No SDL here: platform_sdl.cpp
// sorts its events into these kinds; tests/web/input_pacing_tests.cpp checks the rules.
#pragma once

#include <vector>

namespace loopstep::web {

enum class input_kind {
    pointer_move,    // mouse or finger motion
    pointer_button,  // a button pressed or released (a finger down or up)
    key,             // a key pressed or released; `control`: one that types nothing (Enter, arrows, ...)
    text,            // typed characters
    other,           // the wheel, the window: never held back
};

class input_pacing {
public:
    void begin_frame();
    // Whether an event of this kind may be handled in the current frame. Once false, the caller
    // keeps this event and every later one for the next frame, so their order holds.
    bool admits(input_kind kind, int key = 0, bool control = false);

private:
    bool moved_ = false;
    bool pressed_ = false;
    bool typed_ = false;
    bool control_keyed_ = false;
    std::vector<int> keys_changed_;
};

}  // namespace loopstep::web
