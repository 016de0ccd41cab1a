// The pacing rules of input_pacing.hpp.
#include "model/input_pacing.hpp"

#include <algorithm>

namespace loopstep::web {

void input_pacing::begin_frame() {
    moved_ = pressed_ = typed_ = control_keyed_ = false;
    keys_changed_.clear();
}

bool input_pacing::admits(input_kind kind, int key, bool control) {
    switch (kind) {
        case input_kind::pointer_move:
            if (pressed_) return false;  // the press (or release) is seen where it happened
            moved_ = true;
            return true;
        case input_kind::pointer_button:
            if (moved_ || pressed_) return false;  // hover what was tapped first; one change a frame
            pressed_ = true;
            return true;
        case input_kind::key:
            if (std::find(keys_changed_.begin(), keys_changed_.end(), key) != keys_changed_.end()) return false;
            if (control && typed_) return false;  // typed text before it goes in first
            keys_changed_.push_back(key);
            control_keyed_ = control_keyed_ || control;
            return true;
        case input_kind::text:
            if (control_keyed_) return false;  // an Enter or Backspace before it acts first
            typed_ = true;
            return true;
        case input_kind::other: return true;
    }
    return true;
}

}  // namespace loopstep::web
