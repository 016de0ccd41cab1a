// Draws Dear ImGui's draw lists with OpenGL ES 3 (WebGL2 in the page): one shader, one vertex
// array, the font atlas as a texture. The app owns its GL context, so the renderer sets the state
// it needs every frame and never reads any back: in the browser each read of GL state
// (getParameter) is a round trip to the GPU process that waits for its queued work, and Dear
// ImGui's own OpenGL 3 backend reads a dozen a frame to restore them. Pairs with gl_renderer.cpp.
#pragma once

#include <GLES3/gl3.h>

struct ImDrawData;
struct ImVec4;

namespace loopstep::web {

class gl_renderer {
public:
    gl_renderer();  // needs the context current: compiles the shaders, makes the buffers
    ~gl_renderer();
    gl_renderer(const gl_renderer&) = delete;
    gl_renderer& operator=(const gl_renderer&) = delete;

    // The font atlas ImGui has built, as the texture its draw commands name (again after the
    // fonts are built again).
    void upload_fonts();
    // Clears the framebuffer to `background`, then draws.
    void render(const ImDrawData& data, const ImVec4& background);

private:
    GLuint program_ = 0;
    GLint projection_ = -1;
    GLint atlas_ = -1;
    GLuint vertex_array_ = 0;
    GLuint vertices_ = 0;
    GLuint indices_ = 0;
    GLuint font_texture_ = 0;
};

}  // namespace loopstep::web
