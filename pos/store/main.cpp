// pos-store: the store's own service when several lanes share one store.db (docs/design.md "Storage").
// It alone opens store.db; lanes send their outbox over HTTPS (its own certificate, pinned by the
// lanes) with their own token.
//   pos-store [--data DIR] serve [--listen HOST:PORT] [--head-office-every SECONDS] [limits]
//   pos-store [--data DIR] token add|revoke --lane N, token list
//   pos-store [--data DIR] tls show|rotate
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>

#include "sync/connection_guard.hpp"
#include "sync/lane_tokens.hpp"
#include "sync/store_protocol.hpp"
#include "sync/audit_protocol.hpp"
#include "sync/request_guard.hpp"
#include "sync/store_certificate.hpp"
#include "sync/store_service.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/store/head_office_worker.hpp"
#include "pos/store/routes.hpp"

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

struct ServeLimits {
    size_t max_body_bytes = pos::sync::default_max_body_bytes;
    pos::sync::ConnectionLimits connections;
};

int serve(const std::string& data_dir, const std::string& listen, int head_office_every, const ServeLimits& limits) {
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

    // SIGINT/SIGTERM stop the server from a thread of their own; requests in flight finish.
    // Blocked before any thread starts (the connection guard's watchdog, the server's pool), so
    // every thread inherits the mask and the stop signals reach only the stopper below.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    auto certificate = pos::sync::ensure_store_certificate(data_dir);
    if (!certificate) return fail(certificate.error());
    pos::sync::StoreService service([path] { return pos::db::StoreDb::open(path, false); }, pos::actions::local_now);
    pos::sync::ConnectionGuard guard(limits.connections, [](const std::string& line) { std::cerr << line << "\n"; });
    httplib::SSLServer server(certificate->certificate_path.c_str(), certificate->key_path.c_str());
    if (!server.is_valid()) {
        return fail(
            fmt::format("the store's key and certificate ({}, {}) cannot be loaded: restore them from a "
                        "backup, or make a new pair with `pos-store tls rotate` (every lane then needs the "
                        "new pin)",
                        certificate->key_path, certificate->certificate_path));
    }
    guard.watch(server.ssl_context());
    // Enough threads that the connections the guard admits never wait for one.
    server.new_task_queue = [threads = limits.connections.max_connections + 8] {
        return new httplib::ThreadPool(threads);
    };
    server.set_keep_alive_max_count(1);  // one request a connection, so its time limit is the request's
    server.set_payload_max_length(limits.max_body_bytes);
    pos::store::install_routes(server, service, limits.max_body_bytes,
                               {config->approver_pin_digits, config->lockout_minutes});

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
    std::cout << fmt::format("pos-store: serving {} on https://{}:{} (certificate pin {}; Ctrl-C to stop)\n", path,
                             address->first, port, certificate->pin)
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
    // A peer closing its connection mid-answer must not kill the server (SIGPIPE from a TLS write).
    signal(SIGPIPE, SIG_IGN);
    CLI::App app{"pos-store — the store database service for several lanes"};
    app.require_subcommand(1);
    std::string data_dir;
    app.add_option("--data", data_dir, "data directory holding store.db (default as posctl)");
    std::function<int()> command;

    std::string listen = "0.0.0.0:8735";
    auto* serve_cmd = app.add_subcommand("serve", "serve store.db to the lanes over HTTPS");
    serve_cmd->add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)");
    int head_office_every = 300;
    serve_cmd
        ->add_option("--head-office-every", head_office_every,
                     "seconds between pushes to the head office named in pos.toml [head_office] (default 300, 0: "
                     "never)")
        ->check(CLI::Range(0, 86400));
    ServeLimits limits;
    serve_cmd
        ->add_option("--max-body-bytes", limits.max_body_bytes,
                     "largest request body taken (default 4 MiB); larger ones are refused unread")
        ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
    int request_seconds = static_cast<int>(limits.connections.request_time.count());
    serve_cmd
        ->add_option("--request-seconds", request_seconds,
                     "time a connection has for its whole request and answer (default 30)")
        ->check(CLI::Range(1, 3600));
    serve_cmd
        ->add_option("--max-connections", limits.connections.max_connections,
                     "connections open at once, every lane together (default 64)")
        ->check(CLI::Range(size_t{2}, size_t{1024}));
    serve_cmd
        ->add_option("--max-per-address", limits.connections.max_per_address,
                     "connections open at once from one address (default 16)")
        ->check(CLI::Range(size_t{1}, size_t{1024}));
    serve_cmd->callback([&] {
        command = [&] {
            limits.connections.request_time = std::chrono::seconds(request_seconds);
            return serve(data_dir, listen, head_office_every, limits);
        };
    });

    auto* token_cmd = app.add_subcommand("token", "issue, list and revoke the lanes' tokens");
    token_cmd->require_subcommand(1);
    int64_t lane = 0;
    auto* add = token_cmd->add_subcommand("add", "issue a token for a lane (replaces its old one) and print it");
    add->add_option("--lane", lane, "lane number")->required()->check(CLI::Range(1, 999));
    add->callback([&] {
        command = [&] {
            return with_store(data_dir, [&](pos::db::StoreDb& store) {
                auto certificate = pos::sync::ensure_store_certificate(data_dir);
                if (!certificate) return fail(certificate.error());
                auto token = pos::sync::issue_lane_token(store, lane, pos::actions::local_now());
                if (!token) return fail(token.error().message);
                // Shown once, on one stream: store.db keeps only the token's hash.
                std::cout << fmt::format(
                    "[store_database]\nurl = \"https://<this server>:8735\"\ntoken = \"{}\"\npin = \"{}\"\n", *token,
                    certificate->pin);
                std::cerr << fmt::format(
                    "pos-store: lane {}'s token and the store certificate's pin, shown once: put these lines into that "
                    "lane's pos.toml, with this server's address in url\n",
                    lane);
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

    auto* tls_cmd = app.add_subcommand("tls", "the store's TLS certificate, pinned by every lane");
    tls_cmd->require_subcommand(1);
    tls_cmd->add_subcommand("show", "where the certificate is, and its pin for the lanes' pos.toml")->callback([&] {
        command = [&] {
            auto certificate = pos::sync::ensure_store_certificate(data_dir);
            if (!certificate) return fail(certificate.error());
            std::cout << fmt::format("certificate: {}\nkey: {} (mode 0600)\npin = \"{}\"\n",
                                     certificate->certificate_path, certificate->key_path, certificate->pin);
            return exit_ok;
        };
    });
    tls_cmd->add_subcommand("rotate", "make a new key and certificate; every lane then needs the new pin")
        ->callback([&] {
            command = [&] {
                auto certificate = pos::sync::rotate_store_certificate(data_dir);
                if (!certificate) return fail(certificate.error());
                std::cout << fmt::format("pin = \"{}\"\n", certificate->pin);
                std::cerr << "pos-store: a new key and certificate are in place (the old pair is in tls.previous/): "
                             "restart `pos-store serve`, then put the new pin in every lane's pos.toml "
                             "([store_database] pin); until then the lanes keep their records and retry\n";
                return exit_ok;
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
