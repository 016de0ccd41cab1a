// The GL functions the page gives out by name. SDL2's EGL layer asks for a few (to read the
// context's version and extensions when it makes one); ImGui's renderer calls GL directly.
// Emscripten's own eglGetProcAddress knows every GL function by name, which links all ~270 of
// them into the JS glue and the wasm; defining it here keeps that table out of the download.
// Built for the page only (web/CMakeLists.txt).
#include <GLES3/gl3.h>

#include <cstring>

extern "C" void* eglGetProcAddress(const char* name) {
    struct named_function {
        const char* name;
        void* function;
    };
    static const named_function known[] = {
        {"glGetString", reinterpret_cast<void*>(&glGetString)},
        {"glGetStringi", reinterpret_cast<void*>(&glGetStringi)},
        {"glGetIntegerv", reinterpret_cast<void*>(&glGetIntegerv)},
        {"glGetError", reinterpret_cast<void*>(&glGetError)},
        {"glBindFramebuffer", reinterpret_cast<void*>(&glBindFramebuffer)},
        {"glGetFramebufferAttachmentParameteriv", reinterpret_cast<void*>(&glGetFramebufferAttachmentParameteriv)},
    };
    for (const named_function& entry : known)
        if (std::strcmp(entry.name, name) == 0) return entry.function;
    return nullptr;  // as for any name the browser's WebGL2 does not have
}
