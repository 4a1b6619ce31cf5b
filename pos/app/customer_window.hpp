// The customer's window on a dual-screen till (双屏, pos.toml [display] window = true): a second
// GLFW window on the second monitor with an ImGui context and font atlas of its own, drawn after
// the cashier's frame and only when what it shows changed (docs/devices.md "The customer's screen").
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "pos/core/result.hpp"
#include "pos/ui/customer_view.hpp"
#include "pos/ui/strings.hpp"
#include "pos/ui/theme.hpp"

struct GLFWwindow;
struct ImGuiContext;

namespace pos::app {

class CustomerWindow {
public:
    // Opens the window on the second monitor, filling it; with one monitor, a window of `width` ×
    // `height` that never takes the keyboard from the cashier. Call after Platform::open, with the
    // cashier's window current; it is current again on return. `known_text`: glyphs to load.
    [[nodiscard]] static core::Result<std::unique_ptr<CustomerWindow>> open(const std::string& title,
                                                                            const std::string& font_path,
                                                                            const ui::Strings& strings,
                                                                            const std::vector<std::string>& known_text,
                                                                            int width, int height);
    ~CustomerWindow();
    CustomerWindow(const CustomerWindow&) = delete;
    CustomerWindow& operator=(const CustomerWindow&) = delete;

    // Draws `view` when it differs from what is shown (and the frame after, as ImGui settles), and
    // writes the frame as a PNG to `png` when not empty. The cashier's window and ImGui context are
    // current again on return.
    [[nodiscard]] core::Status show(const ui::CustomerView& view, const std::string& png = {});

private:
    CustomerWindow(GLFWwindow* window, GLFWwindow* cashier, ImGuiContext* context, ImGuiContext* cashier_context,
                   const ui::Strings& strings, std::unique_ptr<ui::FontBook> fonts)
        : window_(window),
          cashier_(cashier),
          context_(context),
          cashier_context_(cashier_context),
          strings_(strings),
          fonts_(std::move(fonts)) {}
    void make_current();
    void restore_cashier();

    GLFWwindow* window_ = nullptr;
    GLFWwindow* cashier_ = nullptr;
    ImGuiContext* context_ = nullptr;
    ImGuiContext* cashier_context_ = nullptr;
    const ui::Strings& strings_;
    std::unique_ptr<ui::FontBook> fonts_;
    std::optional<ui::CustomerView> shown_;
    int settle_ = 0;  // frames still to draw after a change
    int drawn_width_ = 0, drawn_height_ = 0;
};

}  // namespace pos::app
