// The window, the OpenGL context and the ImGui backends: everything `pos` needs from the
// desktop, and nothing the screens need to know about.
#pragma once

#include <memory>
#include <string>

#include "pos/core/result.hpp"
#include "pos/ui/input.hpp"

struct GLFWwindow;

namespace pos::app {

struct WindowRequest {
    std::string title;
    int width = 0;  // 0: the screen's work area
    int height = 0;
};

// A window with an OpenGL 3.2 core context (3.0 as a fallback) and the GLSL version its ImGui
// renderer needs; `hints` sets window hints of its own after the defaults. No window: null.
struct GlWindow {
    GLFWwindow* window = nullptr;
    const char* glsl = nullptr;
};
[[nodiscard]] GlWindow create_gl_window(int width, int height, const std::string& title, void (*hints)() = nullptr);

// Writes the frame just drawn in `window`'s back buffer (before it is presented) as a PNG.
[[nodiscard]] core::Status write_window_png(GLFWwindow* window, const std::string& path);

class Platform {
public:
    // Opens the window and creates the ImGui context with its GLFW and OpenGL3 backends.
    // Fails (with a message naming xvfb-run) when there is no display.
    [[nodiscard]] static core::Result<std::unique_ptr<Platform>> open(const WindowRequest& request,
                                                                      ui::InputQueue& queue);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    [[nodiscard]] bool should_close() const;
    // Sleeps until input arrives or `seconds` pass: an idle checkout costs nothing.
    void wait(double seconds);
    void poll();
    // Moves the pointer to the window's bottom-right corner, away from every button.
    void park_pointer();
    // Re-uploads the font atlas after FontBook rebuilt it.
    void reload_fonts();
    // A frame: begin_frame(), draw with ImGui, render(), optionally write_png(), present().
    void begin_frame();
    void render();
    // Writes the frame render() just drew (the back buffer, before it is presented) as a PNG.
    [[nodiscard]] core::Status write_png(const std::string& path) const;
    void present();
    [[nodiscard]] int width() const;
    [[nodiscard]] int height() const;

private:
    explicit Platform(GLFWwindow* window) : window_(window) {}
    GLFWwindow* window_ = nullptr;
};

}  // namespace pos::app
