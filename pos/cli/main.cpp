// posctl: the scriptable twin of the checkout screen (docs/design.md "posctl"). Exit 0 success,
// 2 bad input (message on stderr), 1 any other failure.
#include <signal.h>

#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "pos/cli/commands.hpp"

int main(int argc, char** argv) {
    // pos-store may close a connection while the sync still writes (a refused request): that is an
    // error the sync reports, never the end of the lane (SIGPIPE from a TLS write).
    signal(SIGPIPE, SIG_IGN);
    CLI::App app{"posctl — set up, script and inspect a POS lane"};
    app.require_subcommand(1);
    std::string data_dir;
    app.add_option("--data", data_dir,
                   "data directory (default: $POS_DATA_DIR, else $XDG_DATA_HOME/pos, else ~/.local/share/pos)");

    pos::cli::Command command;
    pos::cli::register_commands(app, data_dir, command);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int code = app.exit(error);
        return code == 0 ? 0 : pos::cli::exit_bad_input;
    }
    if (data_dir.empty()) data_dir = pos::actions::default_data_dir();
    return command(data_dir);
}
