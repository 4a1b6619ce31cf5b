// The customer's window on a dual-screen till: its GLFW window, ImGui context and fonts, drawn
// from the checkout's CustomerView (customer_window.hpp).
#include "pos/app/customer_window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "pos/app/platform.hpp"

namespace pos::app {
namespace {

// With one monitor the window only sits beside the cashier's: it must not take the keys.
void background_hints() {
    glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
}

// On the customer's own monitor: no title bar, the whole work area, and still never the keys.
void second_monitor_hints() {
    background_hints();
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
}

// Whether the window already shows `view`: LineView has no ==, so the lines are compared by what
// the customer reads of them.
bool same_view(const std::optional<ui::CustomerView>& shown, const ui::CustomerView& view) {
    if (!shown || shown->kind != view.kind || shown->store != view.store || shown->welcome != view.welcome ||
        shown->highlighted != view.highlighted || shown->total != view.total || shown->paid != view.paid ||
        shown->change != view.change || shown->lines.size() != view.lines.size()) {
        return false;
    }
    for (size_t i = 0; i < view.lines.size(); ++i) {
        const ui::LineView& a = shown->lines[i];
        const ui::LineView& b = view.lines[i];
        if (a.number != b.number || a.name != b.name || a.quantity != b.quantity || a.amount != b.amount) return false;
    }
    return true;
}

}  // namespace

core::Result<std::unique_ptr<CustomerWindow>> CustomerWindow::open(const std::string& title,
                                                                   const std::string& font_path,
                                                                   const ui::Strings& strings,
                                                                   const std::vector<std::string>& known_text,
                                                                   int width, int height) {
    GLFWwindow* cashier = glfwGetCurrentContext();
    ImGuiContext* cashier_context = ImGui::GetCurrentContext();
    int monitors = 0;
    GLFWmonitor** list = glfwGetMonitors(&monitors);
    int x = 0, y = 0;
    bool own_monitor = monitors >= 2;
    if (own_monitor) glfwGetMonitorWorkarea(list[1], &x, &y, &width, &height);
    GlWindow created = create_gl_window(width, height, title, own_monitor ? second_monitor_hints : background_hints);
    if (!created.window) {
        glfwMakeContextCurrent(cashier);
        return core::make_error(core::ErrorCode::io,
                                "pos: the customer's window ([display] window = true) could not be opened: check the "
                                "second monitor is connected and the graphics driver supports OpenGL 3");
    }
    if (own_monitor) glfwSetWindowPos(created.window, x, y);
    glfwMakeContextCurrent(created.window);
    glfwSwapInterval(0);  // the cashier's window waits for the vertical blank; this one must not add a second wait

    ImGuiContext* context = ImGui::CreateContext();
    ImGui::SetCurrentContext(context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(created.window, false);  // no input: the customer never types
    ImGui_ImplOpenGL3_Init(created.glsl);
    int framebuffer_width = 0, framebuffer_height = 0;
    glfwGetFramebufferSize(created.window, &framebuffer_width, &framebuffer_height);
    float scale = ui::scale_for(framebuffer_width, framebuffer_height);
    ui::apply_style(scale);
    auto fonts = std::make_unique<ui::FontBook>(font_path, scale);
    for (const std::string& text : strings.all_text()) fonts->add_text(text);
    for (const std::string& text : known_text) fonts->add_text(text);
    auto built = fonts->build();
    std::unique_ptr<CustomerWindow> window(
        new CustomerWindow(created.window, cashier, context, cashier_context, strings, std::move(fonts)));
    window->restore_cashier();
    if (!built) return built.error();
    return window;
}

CustomerWindow::~CustomerWindow() {
    make_current();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(cashier_context_);
    glfwDestroyWindow(window_);
    glfwMakeContextCurrent(cashier_);
}

void CustomerWindow::make_current() {
    glfwMakeContextCurrent(window_);
    ImGui::SetCurrentContext(context_);
}

void CustomerWindow::restore_cashier() {
    glfwMakeContextCurrent(cashier_);
    ImGui::SetCurrentContext(cashier_context_);
}

core::Status CustomerWindow::show(const ui::CustomerView& view, const std::string& png) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    if (!same_view(shown_, view) || width != drawn_width_ || height != drawn_height_) settle_ = 2;
    if (settle_ <= 0 && png.empty()) return core::Done{};
    --settle_;
    shown_ = view;
    drawn_width_ = width;
    drawn_height_ = height;
    make_current();
    // Item names outside the atlas (a big catalog's rare characters) are added before drawing.
    for (const ui::LineView& line : view.lines) fonts_->ensure(line.name);
    fonts_->ensure(view.welcome);
    if (fonts_->rebuild_pending()) {
        if (auto built = fonts_->build(); built) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ui::Ui ui{strings_, fonts_->fonts(), fonts_->scale()};
    ui::draw_customer_screen(view, ui);
    ImGui::Render();
    glViewport(0, 0, width, height);
    glClearColor(0.93f, 0.95f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    core::Status written = png.empty() ? core::Status(core::Done{}) : write_window_png(window_, png);
    glfwSwapBuffers(window_);
    restore_cashier();
    return written;
}

}  // namespace pos::app
