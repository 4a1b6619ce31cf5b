// Benchmark: CPU per frame of the sale screen with a 5-line vs a 200-line ticket, as a ratio.
// A frame is what `pos` does each time it redraws the sale screen: the view built from the
// lane's ticket (make_sale_view), the screen drawn (draw_sale), ImGui's draw lists produced
// (Render). Headless (ImGui without a window, as tests/ui/headless.hpp): the GPU's share —
// uploading and rasterising the vertices — is not in the figure. Fonts: the CJK font `pos`
// uses when one is installed, else ImGui's built-in font.
// Usage: frame_bench [frames] [directory]   (default 2000)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <imgui.h>

#include "db/lane/lane_db.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/ui/screens.hpp"
#include "pos/ui/theme.hpp"
#include "pos/ui/views.hpp"

namespace {

void fail(const std::string& message) {
    std::fprintf(stderr, "frame_bench: %s\n", message.c_str());
    std::exit(1);
}

// CPU time of this thread, in microseconds (what a frame costs the lane, whatever else runs).
double thread_cpu_us() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) / 1e3;
}

std::string ean13(int64_t n) {
    std::string digits = fmt::format("69{:010}", n);
    int sum = 0;
    for (size_t i = 0; i < 12; ++i) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return digits + char('0' + (10 - sum % 10) % 10);
}

struct Percentiles {
    double p50 = 0;
    double p99 = 0;
};

Percentiles percentiles(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))]; };
    return {at(0.50), at(0.99)};
}

struct FrameCost {
    Percentiles cpu_us;   // make_sale_view + draw_sale + Render, thread CPU
    Percentiles view_us;  // make_sale_view alone
    int vertices = 0;
};

// A lane with a 200-item catalog, a shift, and a ticket of `lines` different items.
FrameCost measure(const std::filesystem::path& dir, int lines, int frames, const pos::ui::Strings& strings,
                  const pos::ui::Fonts& fonts) {
    auto lane_db = pos::db::LaneDb::open((dir / fmt::format("lane-{}.db", lines)).string(), true);
    if (!lane_db) fail(lane_db.error().message);
    std::vector<pos::db::ItemRecord> items;
    for (int n = 0; n < 200; ++n) {
        pos::db::ItemRecord item;
        item.sku = fmt::format("{:07}", n + 1);
        item.gtins = {"0" + ean13(n)};
        item.name_zh = fmt::format("农夫山泉饮用天然水 {}号", n);
        item.name_en = fmt::format("Nongfu Spring water {}", n);
        item.spec = "550ml";
        item.cost_fen = 100 + n;
        item.price_fen = 150 + n;
        items.push_back(std::move(item));
    }
    if (!(*lane_db)->replace_catalog(items).ok()) fail("catalog");
    auto hash = pos::actions::hash_pin("1234");
    if (!hash) fail(hash.error().message);
    if (!(*lane_db)->save_user({"1001", "Bench", "cashier", *hash, true}).ok()) fail("user");
    pos::actions::Lane lane(**lane_db, pos::actions::LaneConfig{});
    if (!lane.login("1001", "1234").ok()) fail("login");
    if (!lane.open_shift(pos::core::Money::yuan(100), "2026-11-23T09:00:00+08:00").ok()) fail("shift");
    for (int n = 0; n < lines; ++n) {
        if (!lane.scan(ean13(n % 200), std::nullopt).ok()) fail("scan");
    }

    pos::ui::SaleForm form;
    pos::ui::InputQueue input;
    std::vector<double> cpu;
    std::vector<double> view_only;
    FrameCost cost;
    for (int frame = 0; frame < frames + 20; ++frame) {  // the first 20 warm up (glyph cache, windows)
        double start = thread_cpu_us();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##root", nullptr, ImGuiWindowFlags_NoDecoration);
        double view_start = thread_cpu_us();
        pos::ui::SaleView view = pos::ui::make_sale_view(lane, true);
        double view_end = thread_cpu_us();
        pos::ui::Intents intents;
        pos::ui::Ui context{strings, fonts, 1.0f};
        pos::ui::draw_sale(form, view, input, intents, context);
        ImGui::End();
        ImGui::Render();
        double end = thread_cpu_us();
        if (frame >= 20) {
            cpu.push_back(end - start);
            view_only.push_back(view_end - view_start);
        }
        cost.vertices = ImGui::GetDrawData()->TotalVtxCount;
    }
    cost.cpu_us = percentiles(std::move(cpu));
    cost.view_us = percentiles(std::move(view_only));
    return cost;
}

}  // namespace

int main(int argc, char** argv) {
    int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : 2000;
    std::filesystem::path dir =
        argc > 2 ? argv[2] : std::filesystem::temp_directory_path() / fmt::format("pos-frame-bench-{}", getpid());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    auto strings = pos::ui::Strings::load(std::string(POS_SOURCE_DIR) + "/assets/i18n", "zh_CN");
    if (!strings) fail(strings.error().message);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    std::optional<std::string> cjk = pos::ui::find_cjk_font();
    std::optional<pos::ui::FontBook> book;
    pos::ui::Fonts fonts;
    if (cjk) {
        book.emplace(*cjk, 1.0f);
        book->add_text("农夫山泉饮用天然水号Nongfu Spring water 0123456789");
        if (!book->build().ok()) fail("font atlas");
        fonts = book->fonts();
    } else {
        ImFont* font = io.Fonts->AddFontDefault();
        fonts = pos::ui::Fonts{font, font, font};
    }
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);

    FrameCost small = measure(dir, 5, frames, *strings, fonts);
    FrameCost large = measure(dir, 200, frames, *strings, fonts);
    ImGui::DestroyContext();
    std::filesystem::remove_all(dir);

    std::printf("sale screen frame, thread CPU, %d frames each, headless ImGui, font: %s\n", frames,
                cjk ? cjk->c_str() : "ImGui built-in");
    std::printf("%-40s %10s %10s %10s\n", "case", "p50 us", "p99 us", "p99 ratio");
    std::printf("%-40s %10.0f %10.0f %10.2f\n", "5-line ticket: frame", small.cpu_us.p50, small.cpu_us.p99, 1.0);
    std::printf("%-40s %10.0f %10.0f %10.2f\n", "200-line ticket: frame", large.cpu_us.p50, large.cpu_us.p99,
                large.cpu_us.p99 / small.cpu_us.p99);
    std::printf("%-40s %10.0f %10.0f %10.2f\n", "5-line ticket: make_sale_view only", small.view_us.p50,
                small.view_us.p99, 1.0);
    std::printf("%-40s %10.0f %10.0f %10.2f\n", "200-line ticket: make_sale_view only", large.view_us.p50,
                large.view_us.p99, large.view_us.p99 / small.view_us.p99);
    std::printf("vertices per frame: %d (5 lines), %d (200 lines); a 60 Hz frame is 16667 us\n", small.vertices,
                large.vertices);
    return 0;
}
