// What the canvas showed in its last frame that the model does not know (the tooltip, lines cut at
// the code panel's edge, the lesson's scroll, the open tab): loopstep.screen() reads it, so the
// walkthrough tests can assert what a learner sees. Part of the UI declared in ui.hpp.
#include <string>

#include "model/state_json.hpp"
#include "ui.hpp"

namespace loopstep::web {
namespace {

std::string int_list(const std::vector<int>& values) {
    std::string text = "[";
    for (const int value : values) text += (text.size() > 1 ? "," : "") + std::to_string(value);
    return text + "]";
}

}  // namespace

screen_facts& screen() {
    static screen_facts facts;  // UI state in web/, not the core
    return facts;
}

void begin_screen_frame() {
    screen_facts& facts = screen();
    facts.tooltip.clear();
    facts.code_lines_marked.clear();
    facts.output_columns = facts.output_rows = 0;  // 0 while the output is not on screen
    facts.tab.clear();
    facts.items.clear();
}

void note_item(std::string name) {
    screen().items.push_back({std::move(name), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

namespace {

std::string items_json(const std::vector<screen_facts::item>& items) {
    std::string text = "{";
    for (const screen_facts::item& item : items) {
        if (text.size() > 1) text += ",";
        text += json_string(item.name) + ":[" + std::to_string(static_cast<int>(item.min.x)) + "," +
                std::to_string(static_cast<int>(item.min.y)) + "," + std::to_string(static_cast<int>(item.max.x - item.min.x)) +
                "," + std::to_string(static_cast<int>(item.max.y - item.min.y)) + "]";
    }
    return text + "}";
}

}  // namespace

std::string screen_json() {
    const screen_facts& facts = screen();
    return "{\"tooltip\":" + (facts.tooltip.empty() ? std::string("null") : json_string(facts.tooltip)) +
           ",\"codeColumns\":" + std::to_string(facts.code_columns) +
           ",\"codeLinesMarked\":" + int_list(facts.code_lines_marked) +
           ",\"outputColumns\":" + std::to_string(facts.output_columns) +
           ",\"outputRows\":" + std::to_string(facts.output_rows) +
           ",\"lessonScroll\":" + std::to_string(static_cast<int>(facts.lesson_scroll)) +
           ",\"tab\":" + (facts.tab.empty() ? std::string("null") : json_string(facts.tab)) +
           ",\"items\":" + items_json(facts.items) + "}";
}

}  // namespace loopstep::web
