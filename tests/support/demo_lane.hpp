// A demo store in a temporary data directory with a Lane on it, for action tests:
// run() applies one action-script line at a fixed clock, ok() also requires it to succeed.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

struct DemoLane {
    TempDir dir;
    actions::OpenLane files;
    std::unique_ptr<actions::Lane> lane;
    std::string now;

    explicit DemoLane(std::string clock = "2026-11-23T10:00:00+08:00") : now(std::move(clock)) {
        setenv("POS_ASSETS_DIR", POS_SOURCE_DIR "/assets", 1);
        REQUIRE(actions::init_data_dir(dir.path(), true).ok());
        auto opened = actions::open_lane(dir.path());
        REQUIRE(opened.ok());
        files = std::move(*opened);
        lane = std::make_unique<actions::Lane>(*files.db, files.config);
    }

    nlohmann::json run(const std::string& line) {
        return actions::apply_action(*lane, nlohmann::json::parse(line), [this] { return now; });
    }

    nlohmann::json ok(const std::string& line) {
        nlohmann::json result = run(line);
        CAPTURE(line);
        CAPTURE(result.dump());
        REQUIRE(result["ok"] == true);
        return result;
    }
};

}  // namespace pos::testing
