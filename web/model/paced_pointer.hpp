// The pointer as ImGui should see it in a frame: where the events handled so far (input_pacing's
// share of them) left it. ImGui 1.86's SDL backend reads SDL's latest mouse state instead, which
// already holds events still waiting for later frames: a tap whose finger stays down into the next
// frame, or a click whose move and press arrive together, would reach ImGui as a move and a press
// in one frame, and tabs (which want the pointer over them a frame before) ignore it. No SDL here.
#pragma once

#include <array>

namespace loopstep::web {

class paced_pointer {
public:
    static constexpr int button_count = 3;  // ImGui's order: left, right, middle
    using buttons = std::array<bool, button_count>;

    void move(float x, float y);
    void button(int index, bool down);

    bool has_position() const { return has_position_; }
    float x() const { return x_; }
    float y() const { return y_; }

    // The buttons this frame: held, or pressed since the last call (a press and release handled
    // in one frame still shows as one frame down, so no click is lost). Once a frame.
    buttons take_frame_buttons();

private:
    float x_ = 0, y_ = 0;
    bool has_position_ = false;
    buttons down_{};
    buttons pressed_{};
};

}  // namespace loopstep::web
