// The code panel (numbered lines) and the output panel. Part of the UI declared in ui.hpp.
#include <cstddef>
#include <string_view>

#include "imgui.h"
#include "ui.hpp"

namespace loopstep::web {

void ui_code(const app_state& app, const ui_fonts& fonts) {
    ImGui::PushFont(fonts.code);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 3));
    const std::string_view source = app.source;
    int number = 1;
    for (std::size_t start = 0; start < source.size(); ++number) {
        std::size_t end = source.find('\n', start);
        if (end == std::string_view::npos) end = source.size();
        ImGui::TextDisabled("%3d", number);
        ImGui::SameLine();
        ImGui::TextUnformatted(source.data() + start, source.data() + end);
        start = end + 1;
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
}

void ui_output(const app_state& app, const ui_fonts& fonts) {
    ImGui::PushFont(fonts.code);
    const std::string& output = app.view.output;
    if (output.empty()) {
        ImGui::TextDisabled("(nothing printed yet)");
    } else {
        ImGui::TextUnformatted(output.data(), output.data() + output.size());
    }
    ImGui::PopFont();
}

}  // namespace loopstep::web
