// web/model/paced_pointer.hpp: ImGui sees the pointer where the handled events left it, and a
// click shorter than a frame still shows as one frame down.
#include <catch2/catch.hpp>

#include "model/paced_pointer.hpp"

using namespace loopstep::web;

namespace {
constexpr int left = 0;
constexpr int right = 1;
}  // namespace

TEST_CASE("paced_pointer: no position until the pointer first moves, then the last one handled") {
    paced_pointer pointer;
    CHECK_FALSE(pointer.has_position());
    pointer.move(10, 20);
    pointer.move(30, 40);
    CHECK(pointer.has_position());
    CHECK(pointer.x() == 30);
    CHECK(pointer.y() == 40);
}

TEST_CASE("paced_pointer: a held button is down in every frame until it is released") {
    paced_pointer pointer;
    pointer.button(left, true);
    CHECK(pointer.take_frame_buttons() == paced_pointer::buttons{true, false, false});
    CHECK(pointer.take_frame_buttons() == paced_pointer::buttons{true, false, false});
    pointer.button(left, false);
    CHECK(pointer.take_frame_buttons() == paced_pointer::buttons{false, false, false});
}

TEST_CASE("paced_pointer: a press and release within one frame shows as that frame down, then up") {
    paced_pointer pointer;
    pointer.button(right, true);
    pointer.button(right, false);
    CHECK(pointer.take_frame_buttons() == paced_pointer::buttons{false, true, false});
    CHECK(pointer.take_frame_buttons() == paced_pointer::buttons{false, false, false});
}

TEST_CASE("paced_pointer: buttons outside ImGui's three are ignored") {
    paced_pointer pointer;
    pointer.button(-1, true);
    pointer.button(paced_pointer::button_count, true);
    CHECK(pointer.take_frame_buttons() == paced_pointer::buttons{});
}
