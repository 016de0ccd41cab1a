// Dear ImGui's draw lists on OpenGL ES 3. Pairs with gl_renderer.hpp.
#include "gl_renderer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "imgui.h"

namespace loopstep::web {
namespace {

constexpr const char* vertex_shader = R"(#version 300 es
uniform mat4 projection;
in vec2 position;
in vec2 uv;
in vec4 colour;
out vec2 frag_uv;
out vec4 frag_colour;
void main() {
    frag_uv = uv;
    frag_colour = colour;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

constexpr const char* fragment_shader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_colour;
out vec4 out_colour;
void main() {
    out_colour = frag_colour * texture(atlas, frag_uv);
}
)";

GLuint compiled(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);  // once, at start: a bug if it fails
    if (ok != GL_TRUE) {
        char log[512] = "";
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "loopstep: a shader did not compile: %s\n", log);
    }
    return shader;
}

GLuint linked_program() {
    const GLuint program = glCreateProgram();
    const GLuint vertex = compiled(GL_VERTEX_SHADER, vertex_shader);
    const GLuint fragment = compiled(GL_FRAGMENT_SHADER, fragment_shader);
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDetachShader(program, vertex);
    glDetachShader(program, fragment);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    return program;
}

void vertex_attribute(GLuint program, const char* name, GLint size, GLenum type, bool normalized, std::size_t offset) {
    const GLint location = glGetAttribLocation(program, name);
    glEnableVertexAttribArray(static_cast<GLuint>(location));
    glVertexAttribPointer(static_cast<GLuint>(location), size, type, normalized ? GL_TRUE : GL_FALSE, sizeof(ImDrawVert),
                          reinterpret_cast<const void*>(offset));
}

// What every frame draws with (ImGui's colours have straight alpha).
void set_state(int width, int height) {
    glViewport(0, 0, width, height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE0);
}

}  // namespace

gl_renderer::gl_renderer() {
    program_ = linked_program();
    projection_ = glGetUniformLocation(program_, "projection");
    atlas_ = glGetUniformLocation(program_, "atlas");
    glGenVertexArrays(1, &vertex_array_);
    glGenBuffers(1, &vertices_);
    glGenBuffers(1, &indices_);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);  // kept by the vertex array
    vertex_attribute(program_, "position", 2, GL_FLOAT, false, offsetof(ImDrawVert, pos));
    vertex_attribute(program_, "uv", 2, GL_FLOAT, false, offsetof(ImDrawVert, uv));
    vertex_attribute(program_, "colour", 4, GL_UNSIGNED_BYTE, true, offsetof(ImDrawVert, col));
    glBindVertexArray(0);
    ImGui::GetIO().BackendRendererName = "loopstep_gl_renderer";
}

gl_renderer::~gl_renderer() {
    if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
    glDeleteBuffers(1, &vertices_);
    glDeleteBuffers(1, &indices_);
    glDeleteVertexArrays(1, &vertex_array_);
    glDeleteProgram(program_);
}

void gl_renderer::upload_fonts() {
    ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    fonts.GetTexDataAsRGBA32(&pixels, &width, &height);
    if (font_texture_ == 0) glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    fonts.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
}

void gl_renderer::render(const ImDrawData& data, const ImVec4& background) {
    const ImVec2 scale = data.FramebufferScale;
    const int width = static_cast<int>(data.DisplaySize.x * scale.x);
    const int height = static_cast<int>(data.DisplaySize.y * scale.y);
    if (width <= 0 || height <= 0) return;
    // The whole framebuffer first: the scissor test the last frame left on would confine the clear.
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, width, height);
    glClearColor(background.x, background.y, background.z, background.w);
    glClear(GL_COLOR_BUFFER_BIT);
    set_state(width, height);
    // An orthographic projection of ImGui's display rectangle, y down.
    const float left = data.DisplayPos.x, right = left + data.DisplaySize.x;
    const float top = data.DisplayPos.y, bottom = top + data.DisplaySize.y;
    const float projection[16] = {2 / (right - left), 0, 0, 0, 0, 2 / (top - bottom), 0, 0, 0, 0, -1, 0,
                                  (right + left) / (left - right), (top + bottom) / (bottom - top), 0, 1};
    glUseProgram(program_);
    glUniform1i(atlas_, 0);
    glUniformMatrix4fv(projection_, 1, GL_FALSE, projection);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    constexpr GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int list = 0; list < data.CmdListsCount; ++list) {
        const ImDrawList& commands = *data.CmdLists[list];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(commands.VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     commands.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(commands.IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     commands.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& command : commands.CmdBuffer) {
            if (command.UserCallback != nullptr) {  // the app draws no callbacks; ImGui's reset one asks for the state again
                if (command.UserCallback == ImDrawCallback_ResetRenderState) set_state(width, height);
                else command.UserCallback(&commands, &command);
                continue;
            }
            // The clip rectangle in framebuffer pixels; GL's scissor counts y from the bottom.
            const float x0 = (command.ClipRect.x - left) * scale.x, y0 = (command.ClipRect.y - top) * scale.y;
            const float x1 = (command.ClipRect.z - left) * scale.x, y1 = (command.ClipRect.w - top) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(height - y1), static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), index_type,
                           reinterpret_cast<const void*>(static_cast<std::size_t>(command.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
}

}  // namespace loopstep::web
