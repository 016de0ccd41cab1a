// Platform glue, all of it: the SDL2 window, the OpenGL ES 3 (WebGL2) context, ImGui's SDL
// backend and our renderer (gl_renderer.hpp), and the main loop (emscripten_set_main_loop in the browser). The app is
// app_state.hpp, drawn by ui.hpp; the page side is web_api.hpp.
#include <cfloat>
#include <cstdio>
#include <deque>
#include <optional>

#include <SDL.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "model/app_state.hpp"
#include "model/input_pacing.hpp"
#include "model/paced_pointer.hpp"
#include "fonts.hpp"
#include "gl_renderer.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // the active item's window, for touch scrolling
#include "imgui_impl_sdl.h"
#include "ui.hpp"
#include "web_api.hpp"

namespace loopstep::web {
namespace {

struct platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::optional<gl_renderer> renderer;  // made once the context is
    ui_fonts fonts;
    float pixel_ratio = 1;
    display_settings display;  // what the style and fonts were last built for
    bool first_frame_done = false;
    bool quit = false;
    app_state app;
    input_pacing pacing;
    std::deque<SDL_Event> waiting;  // input held back for later frames
    paced_pointer pointer;          // where the handled events left the pointer
};

// Drawable pixels per window unit: the browser's devicePixelRatio (SDL_WINDOW_ALLOW_HIGHDPI).
float drawable_ratio(SDL_Window* window) {
    int window_w = 0, window_h = 0, drawable_w = 0, drawable_h = 0;
    SDL_GetWindowSize(window, &window_w, &window_h);
    SDL_GL_GetDrawableSize(window, &drawable_w, &drawable_h);
    return window_w > 0 && drawable_w > 0 ? static_cast<float>(drawable_w) / static_cast<float>(window_w) : 1.0f;
}

bool init(platform& p) {
    // Keys go to the canvas only when it has focus, so the rest of the page (and a host page
    // around an iframe) keeps its keyboard.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    p.window = SDL_CreateWindow("loopstep", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800, flags);
    if (p.window == nullptr) {
        std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
        return false;
    }
    p.gl = SDL_GL_CreateContext(p.window);
    if (p.gl == nullptr) {
        std::fprintf(stderr, "WebGL2 / OpenGL ES 3 context failed: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_MakeCurrent(p.window, p.gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no settings file in the browser
    io.LogFilename = nullptr;
    p.pixel_ratio = drawable_ratio(p.window);
    ui_apply_style(p.display);
    p.fonts = load_fonts(p.pixel_ratio, shown_text_scale(p.display));
    ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
    p.renderer.emplace();
    p.renderer->upload_fonts();

    init_app(p.app, parse_lessons(embedded_lesson_files()));
    web_api_bind(&p.app);
    return true;
}

// In classroom mode a presenter's clicker steps: it sends PageDown and PageUp (some send the
// arrows, which step anyway); Escape leaves the mode. Says whether the key was one of these.
bool handle_classroom_key(app_state& app, SDL_Keycode key) {
    switch (key) {
        case SDLK_PAGEDOWN: step_forward(app); return true;
        case SDLK_PAGEUP: step_back(app); return true;
        case SDLK_ESCAPE: {
            display_settings display = app.display;
            display.classroom = false;
            set_display(app, display);
            return true;
        }
        default: return false;
    }
}

// The stepping keys, taken from SDL's events rather than ImGui's key state: ImGui 1.86 keeps
// only whether a key is down at each frame, so a quick tap on a slow frame would be lost.
void handle_key(app_state& app, const SDL_KeyboardEvent& key) {
    const bool ctrl = (key.keysym.mod & (KMOD_CTRL | KMOD_GUI)) != 0;
    if (ctrl && (key.keysym.sym == SDLK_RETURN || key.keysym.sym == SDLK_KP_ENTER)) {
        run_editor(app);  // Ctrl+Enter runs the code, from the editor too
        return;
    }
    if (ImGui::GetIO().WantTextInput) return;
    if (app.display.classroom && handle_classroom_key(app, key.keysym.sym)) return;
    switch (key.keysym.sym) {
        case SDLK_PAGEDOWN: if (app.chapter_index + 1 < app.chapters.size()) open_chapter(app, app.chapter_index + 1); break;
        case SDLK_PAGEUP: if (app.chapter_index > 0) open_chapter(app, app.chapter_index - 1); break;
        case SDLK_RIGHT: step_forward(app); break;
        case SDLK_LEFT: step_back(app); break;
        case SDLK_HOME: seek(app, 0); break;
        case SDLK_END: seek_end(app); break;
        case SDLK_SPACE: if (key.repeat == 0) toggle_play(app); break;
        case SDLK_UP: select_next_task(app, -1); break;  // the frames panel's task
        case SDLK_DOWN: select_next_task(app, +1); break;
        case SDLK_l: if (key.repeat == 0 && !ctrl && app.steps.line_steps > 0) set_step_by_line(app, !app.step_by_line); break;
        case SDLK_n: if (key.repeat == 0 && !ctrl && run_seed(app)) run_with_new_seed(app); break;  // the output's New seed
        case SDLK_1: case SDLK_2: case SDLK_3: case SDLK_4:  // a waiting prediction's choices
            if (key.repeat == 0 && !ctrl) predict(app, static_cast<int>(key.keysym.sym - SDLK_1));
            break;
        default: break;
    }
}

// A finger dragged over a panel scrolls it, as on any touch screen (ImGui knows only wheels);
// a drag that started on a control (a slider, the timeline) stays that control's.
void handle_finger_motion(SDL_Window* window, const SDL_TouchFingerEvent& finger) {
    // A press on a window's background makes its move handle the active item: that one scrolls.
    const ImGuiContext& context = *ImGui::GetCurrentContext();
    const bool on_background = context.ActiveIdWindow != nullptr && context.ActiveId == context.ActiveIdWindow->MoveId;
    if (ImGui::IsAnyItemActive() && !on_background) return;
    int width = 0, height = 0;
    SDL_GetWindowSize(window, &width, &height);
    const float lines_per_wheel_step = 5.0f;  // ImGui scrolls 5 lines per wheel step
    const float step = lines_per_wheel_step * ImGui::GetFontSize();
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel += finger.dy * static_cast<float>(height) / step;
    io.MouseWheelH -= finger.dx * static_cast<float>(width) / step;
}

// SDL turns a finger into mouse events too, marked SDL_TOUCH_MOUSEID: what moved the pointer last
// decides whether hover tooltips make sense.
void note_pointer(const SDL_Event& event) {
    if (event.type == SDL_FINGERDOWN || event.type == SDL_FINGERMOTION) note_pointer_input(true);
    if (event.type == SDL_MOUSEMOTION) note_pointer_input(event.motion.which == SDL_TOUCH_MOUSEID);
}

// ImGui's button index for an SDL button (left, right, middle), or -1.
int imgui_button(Uint8 sdl_button) {
    switch (sdl_button) {
        case SDL_BUTTON_LEFT: return 0;
        case SDL_BUTTON_RIGHT: return 1;
        case SDL_BUTTON_MIDDLE: return 2;
        default: return -1;
    }
}

void follow_pointer(paced_pointer& pointer, const SDL_Event& event) {
    if (event.type == SDL_MOUSEMOTION) pointer.move(static_cast<float>(event.motion.x), static_cast<float>(event.motion.y));
    if (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEBUTTONUP)
        pointer.button(imgui_button(event.button.button), event.type == SDL_MOUSEBUTTONDOWN);
}

// After the SDL backend's NewFrame, which read SDL's latest mouse state: ImGui gets the pointer
// as this frame's handled events left it (model/paced_pointer.hpp says why). When the backend
// found the pointer outside the window, that stands.
void show_paced_pointer(paced_pointer& pointer) {
    ImGuiIO& io = ImGui::GetIO();
    const bool pointer_in_window = io.MousePos.x != -FLT_MAX;
    if (pointer_in_window && pointer.has_position()) io.MousePos = ImVec2(pointer.x(), pointer.y());
    const paced_pointer::buttons buttons = pointer.take_frame_buttons();
    for (int index = 0; index < paced_pointer::button_count; ++index) io.MouseDown[index] = buttons[index];
}

void handle_event(platform& p, const SDL_Event& event) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    follow_pointer(p.pointer, event);
    note_pointer(event);
    if (event.type == SDL_QUIT) p.quit = true;
    if (event.type == SDL_KEYDOWN) handle_key(p.app, event.key);
    if (event.type == SDL_FINGERMOTION) handle_finger_motion(p.window, event.tfinger);
}

// A key that types nothing: Enter, Backspace, Tab, Delete, the arrows and the other keys SDL
// names by their scancode, the modifiers.
bool control_key(SDL_Keycode key) { return key < 32 || key == SDLK_DELETE || (key & SDLK_SCANCODE_MASK) != 0; }

bool admitted(input_pacing& pacing, const SDL_Event& event) {
    switch (event.type) {
        case SDL_MOUSEMOTION: return pacing.admits(input_kind::pointer_move);
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: return pacing.admits(input_kind::pointer_button);
        case SDL_KEYDOWN:
        case SDL_KEYUP: return pacing.admits(input_kind::key, event.key.keysym.scancode, control_key(event.key.keysym.sym));
        case SDL_TEXTINPUT: return pacing.admits(input_kind::text);
        default: return pacing.admits(input_kind::other);
    }
}

// This frame's share of the input (model/input_pacing.hpp): the rest waits, in order, for the next.
void take_input(platform& p) {
    SDL_Event event;
    while (SDL_PollEvent(&event)) p.waiting.push_back(event);
    p.pacing.begin_frame();
    while (!p.waiting.empty() && admitted(p.pacing, p.waiting.front())) {
        handle_event(p, p.waiting.front());
        p.waiting.pop_front();
    }
}

void frame(platform& p) {
    take_input(p);
    // The screen's density changed (zoom, another monitor) or the learner's text size or
    // contrast setting did: build the style and rasterise the fonts again.
    const float ratio = drawable_ratio(p.window);
    if (ratio != p.pixel_ratio || !(p.display == p.app.display)) {
        p.pixel_ratio = ratio;
        p.display = p.app.display;
        ui_apply_style(p.display);
        p.fonts = load_fonts(ratio, shown_text_scale(p.display));
        p.renderer->upload_fonts();
    }
    ImGui_ImplSDL2_NewFrame();
    show_paced_pointer(p.pointer);
    ImGui::NewFrame();
    advance_play(p.app, ImGui::GetIO().DeltaTime);
    ui_frame(p.app, p.fonts);
    ImGui::Render();

    p.renderer->render(*ImGui::GetDrawData(), ImVec4(0.08f, 0.08f, 0.09f, 1.0f));
    SDL_GL_SwapWindow(p.window);
    if (!p.first_frame_done) {
        p.first_frame_done = true;
        web_api_first_frame();
    }
    web_api_frame_done(p.app);
}

}  // namespace
}  // namespace loopstep::web

int main(int, char**) {
    // Lives for the whole page: emscripten_set_main_loop never returns to main's caller.
    static loopstep::web::platform p;
    if (!loopstep::web::init(p)) return 1;
#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg([](void* arg) { loopstep::web::frame(*static_cast<loopstep::web::platform*>(arg)); },
                                 &p, 0, true);
#else
    while (!p.quit) loopstep::web::frame(p);
    p.renderer.reset();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(p.gl);
    SDL_DestroyWindow(p.window);
    SDL_Quit();
#endif
    return 0;
}
