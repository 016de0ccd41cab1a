// The pointer of paced_pointer.hpp.
#include "model/paced_pointer.hpp"

namespace loopstep::web {

void paced_pointer::move(float x, float y) {
    x_ = x;
    y_ = y;
    has_position_ = true;
}

void paced_pointer::button(int index, bool down) {
    if (index < 0 || index >= button_count) return;
    down_[index] = down;
    if (down) pressed_[index] = true;
}

paced_pointer::buttons paced_pointer::take_frame_buttons() {
    buttons frame{};
    for (int index = 0; index < button_count; ++index) frame[index] = down_[index] || pressed_[index];
    pressed_ = {};
    return frame;
}

}  // namespace loopstep::web
