// GLFW callbacks → checkout input events. Key presses map to named keys; text arrives through
// the character callback, so digits, '*' and '.' work from the main keys, the keypad and a
// keyboard-wedge scanner alike, in the order they were typed.
#include "pos/app/glfw_input.hpp"

#include <GLFW/glfw3.h>

namespace pos::app {
namespace {

ui::InputQueue* queue_ = nullptr;  // GLFW callbacks carry no context; one window per process
unsigned long activity_ = 0;

std::optional<ui::Key> named_key(int key) {
    using ui::Key;
    if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12)
        return static_cast<Key>(static_cast<int>(Key::f1) + (key - GLFW_KEY_F1));
    switch (key) {
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER: return Key::enter;
        case GLFW_KEY_ESCAPE: return Key::escape;
        case GLFW_KEY_BACKSPACE: return Key::backspace;
        case GLFW_KEY_DELETE: return Key::del;
        case GLFW_KEY_TAB: return Key::tab;
        case GLFW_KEY_UP: return Key::up;
        case GLFW_KEY_DOWN: return Key::down;
        case GLFW_KEY_PAGE_UP: return Key::page_up;
        case GLFW_KEY_PAGE_DOWN: return Key::page_down;
        case GLFW_KEY_HOME: return Key::home;
        default: return std::nullopt;
    }
}

// Held keys repeat only where repeating is harmless: erasing and moving the selection.
// A held Enter must never pay twice, a held Delete never open a second void.
bool repeats(ui::Key key) { return key == ui::Key::backspace || key == ui::Key::up || key == ui::Key::down; }

void on_key(GLFWwindow*, int key, int, int action, int) {
    ++activity_;
    if (!queue_ || action == GLFW_RELEASE) return;
    auto named = named_key(key);
    if (!named) return;
    if (action == GLFW_REPEAT && !repeats(*named)) return;
    queue_->push(ui::InputEvent::of_key(*named));
}

void on_char(GLFWwindow*, unsigned int codepoint) {
    ++activity_;
    if (queue_) queue_->push(ui::InputEvent::of_char(static_cast<char32_t>(codepoint)));
}

void on_mouse_button(GLFWwindow*, int, int, int) { ++activity_; }
void on_cursor(GLFWwindow*, double, double) { ++activity_; }
void on_scroll(GLFWwindow*, double, double) { ++activity_; }
void on_focus(GLFWwindow*, int) { ++activity_; }
void on_cursor_enter(GLFWwindow*, int) { ++activity_; }
void on_refresh(GLFWwindow*) { ++activity_; }
void on_resize(GLFWwindow*, int, int) { ++activity_; }

}  // namespace

void install_input_queue(GLFWwindow* window, ui::InputQueue& queue) {
    queue_ = &queue;
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
    glfwSetMouseButtonCallback(window, on_mouse_button);
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetScrollCallback(window, on_scroll);
    glfwSetWindowFocusCallback(window, on_focus);
    glfwSetCursorEnterCallback(window, on_cursor_enter);
    glfwSetWindowRefreshCallback(window, on_refresh);
    glfwSetFramebufferSizeCallback(window, on_resize);
}

unsigned long window_activity() { return activity_; }

}  // namespace pos::app
