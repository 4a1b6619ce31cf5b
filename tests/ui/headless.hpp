// Headless ImGui for screen tests: one context with the built-in font, 1280×800, keys typed
// through the input queue, and the intents a screen records returned for exact checks.
#pragma once

#include <doctest/doctest.h>

#include <imgui.h>

#include <string>
#include <variant>

#include "pos/ui/screens.hpp"

namespace pos::testing {

namespace ui = pos::ui;

// One ImGui context with the built-in font, 1280×800, for the length of a test.
class Headless {
public:
    Headless() : strings_(*ui::Strings::load(std::string(POS_SOURCE_DIR) + "/assets/i18n", "en")) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60;
        ImFont* font = io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        fonts_ = ui::Fonts{font, font, font};
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // Types `keys` and draws frames until the queue is empty or a screen recorded intents.
    template <typename Draw>
    ui::Intents type(const std::string& keys, Draw draw) {
        auto events = ui::parse_key_script(keys);
        REQUIRE(events.ok());
        for (const ui::InputEvent& event : *events) input.push(event);
        ui::Intents intents;
        for (int frame = 0; frame < 4 && intents.empty(); ++frame) {
            ImGui::NewFrame();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("##root", nullptr, ImGuiWindowFlags_NoDecoration);
            ui::Ui context{strings_, fonts_, 1.0f};
            draw(intents, context);
            ImGui::End();
            ImGui::Render();
        }
        return intents;
    }

    [[nodiscard]] const ui::Strings& tr() const { return strings_; }

    ui::InputQueue input;

private:
    ui::Strings strings_;
    ui::Fonts fonts_;
};

template <typename T>
T only(const ui::Intents& intents) {
    REQUIRE(intents.size() == 1);
    REQUIRE(std::holds_alternative<T>(intents[0]));
    return std::get<T>(intents[0]);
}

}  // namespace pos::testing
