// Loads the fonts embedded by web/embed_files.cmake into ImGui (see fonts.hpp).
#include "fonts.hpp"

#include <cstddef>

#include "imgui.h"

extern const unsigned char loopstep_embedded_text_font[];
extern const std::size_t loopstep_embedded_text_font_size;
extern const unsigned char loopstep_embedded_bold_font[];
extern const std::size_t loopstep_embedded_bold_font_size;
extern const unsigned char loopstep_embedded_italic_font[];
extern const std::size_t loopstep_embedded_italic_font_size;
extern const unsigned char loopstep_embedded_code_font[];
extern const std::size_t loopstep_embedded_code_font_size;

namespace loopstep::web {
namespace {

constexpr float text_size = 16.0f;
constexpr float code_size = 15.0f;
constexpr float heading_size = 19.0f;
constexpr float title_size = 24.0f;

// Latin-1, and of dashes and quotes, arrows, box drawing and geometric shapes what the lesson uses
// (tools/subset_fonts.py cuts the fonts to that); U+FFFD, which ImGui draws for any other character.
constexpr ImWchar glyph_ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x21FF, 0x2212, 0x2212,
                                    0x2500, 0x25FF, 0x2713, 0x2717, 0xFFFD, 0xFFFD, 0};

ImFont* add(const unsigned char* data, std::size_t size, float pixels, float pixel_ratio) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes are static
    // Snapped to whole pixels, a glyph gains nothing from oversampling (imgui.h says so): one
    // sample halves the atlas and the time to rasterise it, which the first frame waits for.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    // ImGui's API takes a mutable pointer but only reads the bytes when it does not own them.
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                                      pixels * pixel_ratio, &config, glyph_ranges);
}

}  // namespace

ui_fonts load_fonts(float pixel_ratio, float text_scale) {
    pixel_ratio *= text_scale;  // rasterised at the size shown, then scaled back by the ratio only
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ui_fonts fonts;
    fonts.text = add(loopstep_embedded_text_font, loopstep_embedded_text_font_size, text_size, pixel_ratio);
    fonts.code = add(loopstep_embedded_code_font, loopstep_embedded_code_font_size, code_size, pixel_ratio);
    fonts.bold = add(loopstep_embedded_bold_font, loopstep_embedded_bold_font_size, text_size, pixel_ratio);
    fonts.italic = add(loopstep_embedded_italic_font, loopstep_embedded_italic_font_size, text_size, pixel_ratio);
    fonts.heading = add(loopstep_embedded_bold_font, loopstep_embedded_bold_font_size, heading_size, pixel_ratio);
    fonts.title = add(loopstep_embedded_bold_font, loopstep_embedded_bold_font_size, title_size, pixel_ratio);
    io.FontDefault = fonts.text;
    io.FontGlobalScale = text_scale / pixel_ratio;
    return fonts;
}

}  // namespace loopstep::web
