// web/input_pacing.hpp: events that ImGui 1.86 would merge or reorder within one frame are spread
// over frames; everything else is handled at once.
#include <catch2/catch.hpp>

#include <deque>
#include <string>
#include <vector>

#include "model/input_pacing.hpp"

using namespace loopstep::web;

namespace {

struct event {
    input_kind kind;
    int key = 0;
    bool control = false;
    std::string name;
};

// The frames the events are handled in, as the platform loop does it: a refused event waits with
// all after it.
std::vector<std::vector<std::string>> frames_of(std::deque<event> pending) {
    input_pacing pacing;
    std::vector<std::vector<std::string>> frames;
    while (!pending.empty()) {
        pacing.begin_frame();
        frames.emplace_back();
        while (!pending.empty() && pacing.admits(pending.front().kind, pending.front().key, pending.front().control)) {
            frames.back().push_back(pending.front().name);
            pending.pop_front();
        }
        REQUIRE(!frames.back().empty());  // every frame makes progress
    }
    return frames;
}

constexpr int enter = 13;
constexpr int letter_a = 'a';
constexpr int letter_b = 'b';

}  // namespace

TEST_CASE("a tap: the pointer moves in one frame, presses in the next, releases in the one after", "[input]") {
    const auto frames = frames_of({{input_kind::pointer_move, 0, false, "move"},
                                   {input_kind::pointer_button, 0, false, "down"},
                                   {input_kind::pointer_button, 0, false, "up"}});
    CHECK(frames == std::vector<std::vector<std::string>>{{"move"}, {"down"}, {"up"}});
}

TEST_CASE("a quick Enter is pressed and released in different frames, twice is twice", "[input]") {
    const auto frames = frames_of({{input_kind::key, enter, true, "enter down"},
                                   {input_kind::key, enter, true, "enter up"},
                                   {input_kind::key, enter, true, "enter down"},
                                   {input_kind::key, enter, true, "enter up"}});
    CHECK(frames.size() == 4);
}

TEST_CASE("typed text and Enter keep their order", "[input]") {
    const auto frames = frames_of({{input_kind::key, letter_a, false, "a down"},
                                   {input_kind::text, 0, false, "a"},
                                   {input_kind::key, letter_a, false, "a up"},
                                   {input_kind::key, enter, true, "enter down"},
                                   {input_kind::key, letter_b, false, "b down"},
                                   {input_kind::text, 0, false, "b"}});
    // "a" is typed in the first frame (its key released in the next: one change of a key a frame);
    // Enter goes in after it; "b" waits for Enter.
    CHECK(frames == std::vector<std::vector<std::string>>{{"a down", "a"}, {"a up", "enter down", "b down"}, {"b"}});
}

TEST_CASE("letters typed quickly go in together; the wheel is never held back", "[input]") {
    const auto frames = frames_of({{input_kind::text, 0, false, "a"},
                                   {input_kind::text, 0, false, "b"},
                                   {input_kind::other, 0, false, "wheel"},
                                   {input_kind::text, 0, false, "c"}});
    CHECK(frames.size() == 1);
}
