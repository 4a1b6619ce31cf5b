// pos-store: the store's own service when several lanes share one store.db (docs/design.md "Storage").
// It alone opens store.db; lanes send their outbox over HTTP with their own token.
//   pos-store [--data DIR] serve [--listen HOST:PORT] [--head-office-every SECONDS]
//   pos-store [--data DIR] token add|revoke --lane N, token list
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>

#include "sync/directory_protocol.hpp"
#include "sync/lane_tokens.hpp"
#include "sync/store_protocol.hpp"
#include "sync/audit_protocol.hpp"
#include "sync/store_service.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/store/head_office_worker.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_bad_input = 2;

int fail(const std::string& message) {
    std::cerr << "pos-store: " << message << "\n";
    return exit_failure;
}

std::string store_path(const std::string& data_dir) { return (std::filesystem::path(data_dir) / "store.db").string(); }

// "0.0.0.0:8735" -> host and port; port 0 picks a free one (printed at start).
std::optional<std::pair<std::string, int>> parse_listen(const std::string& listen) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    try {
        size_t used = 0;
        int port = std::stoi(listen.substr(colon + 1), &used);
        if (used != listen.size() - colon - 1 || port < 0 || port > 65535) return std::nullopt;
        return std::pair{listen.substr(0, colon), port};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

int serve(const std::string& data_dir, const std::string& listen, int head_office_every) {
    auto address = parse_listen(listen);
    if (!address) {
        std::cerr << "pos-store: --listen must be HOST:PORT, e.g. 0.0.0.0:8735\n";
        return exit_bad_input;
    }
    std::string path = store_path(data_dir);
    // Open once now, so a missing or damaged store.db is reported before any lane calls.
    auto first = pos::db::StoreDb::open(path, false);
    if (!first) return fail(first.error().message);
    first->reset();

    // [head_office] in this data directory's pos.toml: push and pull on a thread of their own.
    auto config = pos::actions::load_config(data_dir);
    if (!config) return fail(config.error().message);
    std::optional<pos::store::HeadOfficeWorker> head_office;

    pos::sync::StoreService service([path] { return pos::db::StoreDb::open(path, false); }, pos::actions::local_now);
    httplib::Server server;
    server.Post(std::string(pos::sync::batch_path), [&](const httplib::Request& request, httplib::Response& response) {
        pos::sync::ServiceResponse answer =
            service.receive_batch(request.get_header_value("Authorization"), request.body);
        // A refused batch is the store operator's business too (a misconfigured or hostile lane).
        if (answer.status >= 400) {
            std::string why = pos::sync::decode_error(answer.body, answer.status).message;
            if (why.starts_with("pos-store: ")) why.erase(0, std::string_view("pos-store: ").size());
            if (answer.status == 409) {
                std::cerr << fmt::format("pos-store: ALARM: a batch from {} met a conflict (HTTP 409): {}\n",
                                         request.remote_addr, why);
            } else {
                std::cerr << fmt::format("pos-store: a batch from {} was not stored (HTTP {}): {}\n",
                                         request.remote_addr, answer.status, why);
            }
        }
        response.status = answer.status;
        response.set_content(answer.body, "application/json");
    });
    server.Get(std::string(pos::sync::catalog_path), [&](const httplib::Request& request, httplib::Response& response) {
        pos::sync::ServiceResponse answer =
            service.catalog_if_newer(request.get_header_value("Authorization"), request.get_param_value("store"),
                                     request.get_param_value("have"));
        response.status = answer.status;
        if (answer.status != 204) response.set_content(answer.body, "application/json");
    });
    server.Get(
        std::string(pos::sync::directory_path), [&](const httplib::Request& request, httplib::Response& response) {
            pos::sync::ServiceResponse answer =
                service.directory_if_newer(request.get_header_value("Authorization"), request.get_param_value("store"),
                                           request.get_param_value("users"), request.get_param_value("members"));
            response.status = answer.status;
            if (answer.status != 204) response.set_content(answer.body, "application/json");
        });
    server.Get(std::string(pos::sync::sales_path), [&](const httplib::Request& request, httplib::Response& response) {
        pos::sync::ServiceResponse answer =
            service.sale_for_return(request.get_header_value("Authorization"), request.get_param_value("id"),
                                    request.get_param_value("lane"), request.get_param_value("receipt"));
        response.status = answer.status;
        response.set_content(answer.body, "application/json");
    });
    server.Get(std::string(pos::sync::audit_path), [&](const httplib::Request& request, httplib::Response& response) {
        pos::sync::ServiceResponse answer = service.audit_copy(request.get_header_value("Authorization"));
        response.status = answer.status;
        response.set_content(answer.body, "application/json");
    });
    server.Get(std::string(pos::sync::health_path), [](const httplib::Request&, httplib::Response& response) {
        response.set_content(R"({"ok":true})", "application/json");
    });

    // SIGINT/SIGTERM stop the server from a thread of their own; requests in flight finish.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    // Started after the mask, so it inherits it and the stop signals reach only the stopper below.
    if (!config->head_office_conninfo.empty() && head_office_every > 0) {
        head_office.emplace(
            path, pos::chain::PushOptions{config->head_office_conninfo, config->head_office_password_file, 500},
            std::chrono::seconds(head_office_every));
    }
    std::jthread stopper([&](std::stop_token stop) {
        const timespec tick{0, 200'000'000};
        while (!stop.stop_requested()) {
            if (sigtimedwait(&signals, nullptr, &tick) > 0) break;
        }
        server.stop();
    });

    int port = address->second;
    if (port == 0) {
        port = server.bind_to_any_port(address->first);
    } else if (!server.bind_to_port(address->first, port)) {
        port = -1;
    }
    if (port < 0) {
        stopper.request_stop();
        return fail(fmt::format("cannot listen on {}: the port is taken or the address is not this machine's", listen));
    }
    std::cout << fmt::format("pos-store: serving {} on http://{}:{} (Ctrl-C to stop)\n", path, address->first, port)
              << std::flush;
    server.listen_after_bind();
    stopper.request_stop();
    std::cout << "pos-store: stopped\n";
    return exit_ok;
}

template <typename Action>
int with_store(const std::string& data_dir, Action action) {
    auto store = pos::db::StoreDb::open(store_path(data_dir), false);
    if (!store) return fail(store.error().message);
    return action(**store);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"pos-store — the store database service for several lanes"};
    app.require_subcommand(1);
    std::string data_dir;
    app.add_option("--data", data_dir, "data directory holding store.db (default as posctl)");
    std::function<int()> command;

    std::string listen = "0.0.0.0:8735";
    auto* serve_cmd = app.add_subcommand("serve", "serve store.db to the lanes over HTTP");
    serve_cmd->add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)");
    int head_office_every = 300;
    serve_cmd
        ->add_option("--head-office-every", head_office_every,
                     "seconds between pushes to the head office named in pos.toml [head_office] (default 300, 0: "
                     "never)")
        ->check(CLI::Range(0, 86400));
    serve_cmd->callback([&] { command = [&] { return serve(data_dir, listen, head_office_every); }; });

    auto* token_cmd = app.add_subcommand("token", "issue, list and revoke the lanes' tokens");
    token_cmd->require_subcommand(1);
    int64_t lane = 0;
    auto* add = token_cmd->add_subcommand("add", "issue a token for a lane (replaces its old one) and print it");
    add->add_option("--lane", lane, "lane number")->required()->check(CLI::Range(1, 999));
    add->callback([&] {
        command = [&] {
            return with_store(data_dir, [&](pos::db::StoreDb& store) {
                auto token = pos::sync::issue_lane_token(store, lane, pos::actions::local_now());
                if (!token) return fail(token.error().message);
                std::cout << *token << "\n";
                std::cerr << fmt::format(
                    "pos-store: lane {}'s token; put it in that lane's pos.toml:\n"
                    "  [store_database]\n  url = \"http://<this server>:8735\"\n  token = \"{}\"\n",
                    lane, *token);
                return exit_ok;
            });
        };
    });
    auto* revoke = token_cmd->add_subcommand("revoke", "revoke a lane's token: its batches are refused");
    revoke->add_option("--lane", lane, "lane number")->required()->check(CLI::Range(1, 999));
    revoke->callback([&] {
        command = [&] {
            return with_store(data_dir, [&](pos::db::StoreDb& store) {
                auto revoked = pos::db::revoke_lane_token(store, lane);
                if (!revoked) return fail(revoked.error().message);
                if (!*revoked) return fail(fmt::format("lane {} has no token", lane));
                std::cout << fmt::format("lane {}'s token is revoked\n", lane);
                return exit_ok;
            });
        };
    });
    token_cmd->add_subcommand("list", "lanes with a token")->callback([&] {
        command = [&] {
            return with_store(data_dir, [&](pos::db::StoreDb& store) {
                auto tokens = pos::db::list_lane_tokens(store);
                if (!tokens) return fail(tokens.error().message);
                if (tokens->empty()) std::cout << "no lane has a token yet: pos-store token add --lane N\n";
                for (const auto& token : *tokens)
                    std::cout << fmt::format("lane {}  issued {}\n", token.lane, token.created_at);
                return exit_ok;
            });
        };
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int code = app.exit(error);
        return code == 0 ? exit_ok : exit_bad_input;
    }
    if (data_dir.empty()) data_dir = pos::actions::default_data_dir();
    return command();
}
