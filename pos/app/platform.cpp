// GLFW window + OpenGL 3 context + Dear ImGui 1.86 backends (Debian's libimgui-dev), and the
// screenshot read-back used by `pos --screenshot`.
#include "pos/app/platform.hpp"

#include <cstdlib>
#include <iostream>
#include <vector>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>  // the implementation is in Debian's libstb

#include "pos/app/glfw_input.hpp"

namespace pos::app {
namespace {

using core::ErrorCode;
using core::make_error;

constexpr const char* no_display_help =
    "pos: no display found. The checkout needs a graphical display; on a machine without one,\n"
    "run it under a virtual X server:\n"
    "    xvfb-run -a -s \"-screen 0 1280x800x24\" pos";

void on_glfw_error(int code, const char* description) {
    std::cerr << "pos: GLFW error " << code << ": " << description << "\n";
}

struct ContextChoice {
    int major, minor;
    bool core;
    const char* glsl;
};

}  // namespace

GlWindow create_gl_window(int width, int height, const std::string& title, void (*hints)()) {
    // OpenGL 3.2 core first (Mesa llvmpipe under Xvfb has it); 3.0 as a fallback for old drivers.
    constexpr ContextChoice choices[] = {{3, 2, true, "#version 150"}, {3, 0, false, "#version 130"}};
    for (const ContextChoice& choice : choices) {
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, choice.major);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, choice.minor);
        if (choice.core) {
            glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
            glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        }
        if (hints) hints();
        if (GLFWwindow* window = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr))
            return GlWindow{window, choice.glsl};
    }
    return GlWindow{};
}

core::Status write_window_png(GLFWwindow* window, const std::string& path) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    size_t stride = static_cast<size_t>(width) * 3;
    std::vector<unsigned char> pixels(stride * static_cast<size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom-up, PNG's top-down.
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), static_cast<int>(stride))) {
        return make_error(ErrorCode::io, path + " could not be written: check the directory exists and is writable");
    }
    return core::Done{};
}

core::Result<std::unique_ptr<Platform>> Platform::open(const WindowRequest& request, ui::InputQueue& queue) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) return make_error(ErrorCode::io, no_display_help);
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) return make_error(ErrorCode::io, no_display_help);

    int width = request.width;
    int height = request.height;
    if (width <= 0 || height <= 0) {
        int x = 0, y = 0;
        glfwGetMonitorWorkarea(glfwGetPrimaryMonitor(), &x, &y, &width, &height);
        if (width <= 0 || height <= 0) {
            width = 1280;
            height = 800;
        }
    }

    auto [window, glsl] = create_gl_window(width, height, request.title);
    if (!window) {
        glfwTerminate();
        return make_error(ErrorCode::io, no_display_help);
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is fixed; nothing to remember between runs
    io.LogFilename = nullptr;
    // Our own callbacks first: the backend keeps and chains to them.
    install_input_queue(window, queue);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init(glsl);
    return std::unique_ptr<Platform>(new Platform(window));
}

Platform::~Platform() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool Platform::should_close() const { return glfwWindowShouldClose(window_); }
void Platform::wait(double seconds) { glfwWaitEventsTimeout(seconds); }
void Platform::poll() { glfwPollEvents(); }

void Platform::park_pointer() {
    int width = 0, height = 0;
    glfwGetWindowSize(window_, &width, &height);
    glfwSetCursorPos(window_, width - 1, height - 1);
}

void Platform::reload_fonts() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Platform::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Platform::render() {
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.93f, 0.95f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

core::Status Platform::write_png(const std::string& path) const { return write_window_png(window_, path); }

void Platform::present() { glfwSwapBuffers(window_); }

int Platform::width() const {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    return width;
}

int Platform::height() const {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    return height;
}

}  // namespace pos::app
