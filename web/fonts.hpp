// The embedded fonts (DejaVu Sans regular, bold and oblique for text, DejaVu Sans Mono for code), loaded into ImGui's
// atlas at the screen's pixel density. Pairs with fonts.cpp and the generated embedded_fonts.cpp.
#pragma once

struct ImFont;

namespace loopstep::web {

struct ui_fonts {
    ImFont* text = nullptr;
    ImFont* bold = nullptr;
    ImFont* italic = nullptr;
    ImFont* code = nullptr;
    ImFont* heading = nullptr;  // bold, larger
    ImFont* title = nullptr;    // bold, larger still: the chapter's title
};

// Rasterises at `pixel_ratio` x the logical size and scales back, so text is sharp on HiDPI screens.
// `text_scale` is the learner's text size setting (1 = default).
ui_fonts load_fonts(float pixel_ratio, float text_scale);

}  // namespace loopstep::web
