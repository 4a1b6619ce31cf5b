// The one place that knows GLFW key codes: it turns GLFW key and character callbacks into the
// checkout's ordered input queue (pos/ui/input.hpp). ImGui itself still gets every key through
// the Debian GLFW backend (1.86: io.KeysDown, io.AddInputCharacter), which chains to these.
#pragma once

#include "pos/ui/input.hpp"

struct GLFWwindow;

namespace pos::app {

// Installs the callbacks on `window`. Call before ImGui_ImplGlfw_InitForOpenGL(window, true),
// so that the backend's callbacks chain to these. `queue` must outlive the window.
void install_input_queue(GLFWwindow* window, ui::InputQueue& queue);

// Counts every event from the window (keys, pointer, scroll, focus, exposure): when it has not
// moved since the last frame, a wake-up was the timer and there may be nothing to redraw.
[[nodiscard]] unsigned long window_activity();

}  // namespace pos::app
