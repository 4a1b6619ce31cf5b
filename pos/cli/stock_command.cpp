// posctl stock ...: the stock clerk's and manager's documents (docs/stock.md) — deliveries received
// and checked (入库, 验收), counts (盘点), transfers (调拨), write-offs (报损), the manager's approval
// that books them, and the suggested order (要货). PINs come from the terminal or standard input,
// never from the command line (pos/cli/acting_operator.hpp).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/stock/replenishment.hpp"
#include "pos/actions/stock/stock_documents.hpp"
#include "pos/actions/stock/stocktake.hpp"
#include "pos/actions/stock/transfers.hpp"
#include "pos/cli/acting_operator.hpp"
#include "pos/cli/commands.hpp"
#include "pos/cli/terminal_progress.hpp"
#include "pos/core/stock.hpp"

namespace pos::cli {
namespace {

struct StockOptions {
    std::string file;
    std::string number;
    std::string party;
    std::string department;
    std::string kind;
    std::string format = "text";
    std::string out;
    std::string by;
    std::string now;
    bool as_noted = false;
    int64_t id = 0;
    int window_days = 28;
    int cover_days = 7;
};

std::string now_of(const StockOptions& options) { return options.now.empty() ? actions::local_now() : options.now; }

actions::Approval approval_of(const StockOptions& options) { return read_acting_operator(options.by, "operator"); }

core::Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::make_error(core::ErrorCode::not_found, "cannot read " + path + ": check the path");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

template <typename Body>
int with_store(const std::string& data_dir, const StockOptions& options, Body&& body) {
    auto lane_files = actions::open_lane(data_dir);
    if (!lane_files) return report(lane_files.error());
    auto given = given_time(lane_files->config, options.now);
    if (!given) return report(given.error());
    auto store = actions::open_store(data_dir, lane_files->config);
    if (!store) return report(store.error());
    actions::Lane lane(*lane_files->db, lane_files->config);
    return body(lane, *lane_files->db, **store, lane_files->config);
}

bool weighed(db::StoreDb& store, const std::string& sku) {
    auto item = store.find_item_by_sku(sku);
    return item && *item && (**item).sale_unit == "weight";
}

void print_document(const db::StockDocumentRecord& document) {
    std::cout << fmt::format("{} {} {}  {}{}  created {} by {}", document.id, actions::document_label(document),
                             document.number, document.status, document.party.empty() ? "" : "  " + document.party,
                             document.created_at, document.created_by);
    if (!document.department.empty()) std::cout << "  department " << document.department;
    if (!document.approved_by.empty())
        std::cout << fmt::format("  approved {} by {}", document.approved_at, document.approved_by);
    std::cout << "\n";
}

void print_lines(db::StoreDb& store, const db::StockDocumentRecord& document) {
    if (document.kind == "count") return;
    bool arrival = document.kind == "receipt" || document.kind == "transfer_in";
    for (const db::StockDocumentLine& line : document.lines) {
        bool w = weighed(store, line.sku);
        auto q = [&](int64_t milli) { return core::stock_quantity_text(milli, w); };
        std::string text = fmt::format("  {:>3} {:<10} {:>9}", line.line_no, line.sku, q(line.expected_milli));
        if (line.unit_cost_fen != 0) text += fmt::format(" at {:>7}", core::Money::fen(line.unit_cost_fen).to_string());
        if (arrival) {
            if (!line.received_milli) {
                text += "  not checked";
            } else {
                core::DeliveryLineCheck check =
                    core::check_delivery_line(line.expected_milli, *line.received_milli, line.damaged_milli);
                text += fmt::format("  received {}", q(check.booked_milli));
                if (check.short_milli) text += fmt::format("  short {}", q(check.short_milli));
                if (check.over_milli) text += fmt::format("  over {}", q(check.over_milli));
                if (check.damaged_milli) text += fmt::format("  damaged {}", q(check.damaged_milli));
            }
        }
        if (!line.reason.empty()) text += "  \"" + line.reason + "\"";
        std::cout << text << "\n";
    }
}

void add_who(CLI::App* command, StockOptions& options, const char* who) {
    command->add_option("--by", options.by, who)->required();
    command->add_option("--now", options.now, "the time, ISO 8601 with offset (tests and scripts; default: now)");
}

using Action = std::function<int(actions::Lane&, db::LaneDb&, db::StoreDb&, const actions::LaneConfig&)>;

void on_run(CLI::App* sub, Command& command, const std::shared_ptr<StockOptions>& o, std::function<Action()> make) {
    sub->callback([&command, o, make] {
        command = [o, make](const std::string& data_dir) { return with_store(data_dir, *o, make()); };
    });
}

int shown(db::StoreDb& store, const core::Result<db::StockDocumentRecord>& document, const std::string& then) {
    if (!document) return report(document.error());
    print_document(*document);
    print_lines(store, *document);
    if (!then.empty()) std::cout << then << "\n";
    return exit_ok;
}

void register_receive(CLI::App* group, Command& command, std::shared_ptr<StockOptions> o) {
    auto* receive = group->add_subcommand("receive", "deliveries (配送单): import, check line by line, then approve");
    receive->require_subcommand(1);
    auto* import = receive->add_subcommand("import", "enter a delivery note from a CSV (sku,quantity,unit_cost)");
    import->add_option("FILE", o->file, "the delivery note as CSV")->required();
    import->add_option("--number", o->number, "the delivery note's number (配送单号)")->required();
    import->add_option("--supplier", o->party, "the distribution centre or supplier");
    add_who(import, *o, "your operator number (the stock clerk)");
    on_run(import, command, o, [o]() -> Action {
        return [o](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, const actions::LaneConfig&) {
            auto csv = read_file(o->file);
            if (!csv) return report(csv.error());
            auto document = actions::import_delivery(
                lane, lane_db, store, actions::DeliveryRequest{*csv, o->number, o->party, approval_of(*o)}, now_of(*o));
            return shown(store, document,
                         document ? fmt::format("check what arrived: posctl stock receive check {} --file FILE "
                                                "(sku,received,damaged,reason) or --as-noted",
                                                document->id)
                                  : "");
        };
    });
    auto* check = receive->add_subcommand("check", "record what arrived: a check sheet and/or --as-noted");
    check->add_option("ID", o->id, "the document's number (posctl stock list)")->required();
    check->add_option("--file", o->file, "check sheet CSV: sku,received[,damaged][,reason]");
    check->add_flag("--as-noted", o->as_noted, "every line not in the sheet arrived as the note says");
    add_who(check, *o, "your operator number");
    on_run(check, command, o, [o]() -> Action {
        return [o](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, const actions::LaneConfig&) {
            std::string csv;
            if (!o->file.empty()) {
                auto text = read_file(o->file);
                if (!text) return report(text.error());
                csv = *text;
            }
            auto document = actions::check_delivery(
                lane, lane_db, store, o->id, actions::CheckRequest{csv, o->as_noted, approval_of(*o)}, now_of(*o));
            return shown(store, document,
                         document ? fmt::format("a manager books it: posctl stock approve {} --by NUMBER", o->id) : "");
        };
    });
}

void register_count(CLI::App* group, Command& command, std::shared_ptr<StockOptions> o) {
    auto* count = group->add_subcommand("count", "stocktake (盘点): open, load count sheets, see the variance");
    count->require_subcommand(1);
    auto* open = count->add_subcommand("open", "open a count (snapshot of the ledger now)");
    open->add_option("--department", o->department, "count one department (default: the whole store)");
    add_who(open, *o, "your operator number");
    on_run(open, command, o, [o]() -> Action {
        return [o](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, const actions::LaneConfig&) {
            auto opened = actions::open_count(lane, lane_db, store, o->department, approval_of(*o), now_of(*o));
            if (!opened) return report(opened.error());
            print_document(*opened);
            std::cout << fmt::format(
                "{} items to count; load each counter's sheet with posctl stock count sheet {} "
                "FILE --by NUMBER (sku,quantity[,counted_at])\n",
                opened->lines.size(), opened->id);
            return exit_ok;
        };
    });
    auto* sheet = count->add_subcommand("sheet", "load a counter's count sheet (loading it again replaces it)");
    sheet->add_option("ID", o->id, "the count's document number")->required();
    sheet->add_option("FILE", o->file, "count sheet CSV: sku,quantity[,counted_at]")->required();
    add_who(sheet, *o, "the counter's operator number");
    on_run(sheet, command, o, [o]() -> Action {
        return [o](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, const actions::LaneConfig&) {
            auto csv = read_file(o->file);
            if (!csv) return report(csv.error());
            std::string name = std::filesystem::path(o->file).filename().string();
            std::unique_ptr<TerminalProgress> shown;  // on a terminal only, once the rows are counted
            auto progress = [&](size_t done, size_t total) {
                if (!shown) shown = std::make_unique<TerminalProgress>("checking " + name, int64_t(total), "rows");
                shown->update(int64_t(done));
            };
            auto loaded = actions::load_count_sheet(lane, lane_db, store, o->id, *csv, name, approval_of(*o),
                                                    now_of(*o), progress);
            shown.reset();  // the line ends before the answer or the error
            if (!loaded) return report(loaded.error());
            std::cout << fmt::format("count {}: {} line{} from {} counted by {}\n", o->id, *loaded,
                                     *loaded == 1 ? "" : "s", name, o->by);
            return exit_ok;
        };
    });
    auto* variance = count->add_subcommand("variance", "the variance report: per item quantity and cost value");
    variance->add_option("ID", o->id, "the count's document number")->required();
    variance->add_option("--format", o->format, "text or csv")->check(CLI::IsMember({"text", "csv"}));
    variance->add_option("--out,-o", o->out, "write to this file instead of standard output");
    on_run(variance, command, o, [o]() -> Action {
        return [o](actions::Lane&, db::LaneDb&, db::StoreDb& store, const actions::LaneConfig&) {
            auto document = actions::stock_document(store, o->id);
            if (!document) return report(document.error());
            if (document->kind != "count")
                return report(core::make_error(core::ErrorCode::bad_input,
                                               fmt::format("stock document {} is not a count", o->id)));
            auto lines = actions::count_variances(store, *document);
            if (!lines) return report(lines.error());
            std::string body =
                o->format == "csv" ? actions::variance_csv(*lines) : actions::variance_text(*document, *lines);
            return write_out(body, o->out, "the variance report");
        };
    });
}

void register_transfer(CLI::App* group, Command& command, std::shared_ptr<StockOptions> o) {
    auto* transfer = group->add_subcommand("transfer", "transfers between stores (调拨)");
    transfer->require_subcommand(1);
    auto* out = transfer->add_subcommand("out", "enter a transfer to another store from a CSV (sku,quantity)");
    out->add_option("FILE", o->file, "the items as CSV")->required();
    out->add_option("--to", o->party, "the receiving store")->required();
    add_who(out, *o, "your operator number");
    on_run(out, command, o, [o]() -> Action {
        return [o](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, const actions::LaneConfig&) {
            auto csv = read_file(o->file);
            if (!csv) return report(csv.error());
            auto document = actions::create_transfer_out(
                lane, lane_db, store, actions::TransferOutRequest{*csv, o->party, approval_of(*o)}, now_of(*o));
            return shown(store, document,
                         document ? fmt::format("a manager approves it (posctl stock approve {} --by NUMBER), then "
                                                "posctl stock transfer export {} -o FILE for {}",
                                                document->id, document->id, o->party)
                                  : "");
        };
    });
    auto* exported = transfer->add_subcommand("export", "write an approved transfer's file for the receiving store");
    exported->add_option("ID", o->id, "the transfer's document number")->required();
    exported->add_option("--out,-o", o->out, "write to this file instead of standard output");
    on_run(exported, command, o, [o]() -> Action {
        return [o](actions::Lane&, db::LaneDb&, db::StoreDb& store, const actions::LaneConfig& config) {
            auto document = actions::stock_document(store, o->id);
            if (!document) return report(document.error());
            auto file = actions::transfer_file(store, *document, config.store_name);
            if (!file) return report(file.error());
            return write_out(*file, o->out, "transfer " + document->number);
        };
    });
    auto* imported =
        transfer->add_subcommand("import", "import another store's transfer file: in transit until approved");
    imported->add_option("FILE", o->file, "the transfer file")->required();
    add_who(imported, *o, "your operator number");
    on_run(imported, command, o, [o]() -> Action {
        return [o](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, const actions::LaneConfig&) {
            auto file = read_file(o->file);
            if (!file) return report(file.error());
            auto document = actions::import_transfer_in(lane, lane_db, store, *file, approval_of(*o), now_of(*o));
            return shown(store, document,
                         document ? fmt::format("in transit; when it arrives: posctl stock receive check {} "
                                                "(--file FILE or --as-noted), then posctl stock approve {}",
                                                document->id, document->id)
                                  : "");
        };
    });
}

}  // namespace

void register_stock(CLI::App& app, Command& command) {
    auto* group = app.add_subcommand("stock", "stock documents: receive, count, transfer, write off, approve, order");
    group->require_subcommand(1);
    auto o = std::make_shared<StockOptions>();
    register_receive(group, command, o);
    register_count(group, command, o);
    register_transfer(group, command, o);

    auto* write_off = group->add_subcommand("write-off", "goods written off (报损) from a CSV: sku,quantity,reason");
    write_off->add_option("FILE", o->file, "the items as CSV")->required();
    add_who(write_off, *o, "your operator number");
    on_run(write_off, command, o, [o]() -> Action {
        return [o](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, const actions::LaneConfig&) {
            auto csv = read_file(o->file);
            if (!csv) return report(csv.error());
            auto document = actions::create_write_off(lane, lane_db, store,
                                                      actions::WriteOffRequest{*csv, approval_of(*o)}, now_of(*o));
            return shown(
                store, document,
                document ? fmt::format("a manager books it: posctl stock approve {} --by NUMBER", document->id) : "");
        };
    });

    auto* approve =
        group->add_subcommand("approve", "book a document into the stock ledger (a manager, not its creator)");
    approve->add_option("ID", o->id, "the document's number")->required();
    add_who(approve, *o, "your operator number (a manager)");
    on_run(approve, command, o, [o]() -> Action {
        return [o](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, const actions::LaneConfig&) {
            auto document = actions::approve_stock_document(lane, lane_db, store, o->id, approval_of(*o), now_of(*o));
            if (!document) return report(document.error());
            auto movements = db::stock_movements(store);
            size_t posted = 0;
            std::string ref = document->kind + ":" + std::to_string(document->id);
            if (movements) {
                for (const db::StockMovementRecord& movement : *movements) posted += movement.document == ref;
            }
            print_document(*document);
            std::cout << fmt::format("booked: {} movement{} in the stock ledger\n", posted, posted == 1 ? "" : "s");
            return exit_ok;
        };
    });

    auto* cancel = group->add_subcommand("cancel", "cancel an open document (a manager); nothing is booked");
    cancel->add_option("ID", o->id, "the document's number")->required();
    add_who(cancel, *o, "your operator number (a manager)");
    on_run(cancel, command, o, [o]() -> Action {
        return [o](actions::Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, const actions::LaneConfig&) {
            return shown(store,
                         actions::cancel_stock_document(lane, lane_db, store, o->id, approval_of(*o), now_of(*o)), "");
        };
    });

    auto* list = group->add_subcommand("list", "stock documents, newest first");
    list->add_option("--kind", o->kind, "receipt, count, transfer_out, transfer_in or write_off")
        ->check(CLI::IsMember({"receipt", "count", "transfer_out", "transfer_in", "write_off"}));
    on_run(list, command, o, [o]() -> Action {
        return [o](actions::Lane&, db::LaneDb&, db::StoreDb& store, const actions::LaneConfig&) {
            auto documents = db::list_stock_documents(store, o->kind);
            if (!documents) return report(actions::storage_error(documents.error()));
            for (const db::StockDocumentRecord& document : *documents) {
                print_document(document);
                if (document.kind == "transfer_in" && document.status == "open") std::cout << "    in transit\n";
            }
            if (documents->empty()) std::cout << "no stock documents yet\n";
            return exit_ok;
        };
    });

    auto* show = group->add_subcommand("show", "one document with its lines");
    show->add_option("ID", o->id, "the document's number")->required();
    on_run(show, command, o, [o]() -> Action {
        return [o](actions::Lane&, db::LaneDb&, db::StoreDb& store, const actions::LaneConfig&) {
            return shown(store, actions::stock_document(store, o->id), "");
        };
    });

    auto* order = group->add_subcommand("order", "the suggested order (要货单) as CSV for the distribution centre");
    order->add_option("--window-days", o->window_days, "sales velocity over this many days (default 28)");
    order->add_option("--cover-days", o->cover_days, "the order lasts this many days (default 7)");
    order->add_option("--out,-o", o->out, "write to this file instead of standard output");
    order->add_option("--now", o->now, "the time, ISO 8601 with offset (tests and scripts; default: now)");
    on_run(order, command, o, [o]() -> Action {
        return [o](actions::Lane&, db::LaneDb&, db::StoreDb& store, const actions::LaneConfig&) {
            auto lines = actions::suggested_order(store, {o->window_days, o->cover_days}, now_of(*o));
            if (!lines) return report(lines.error());
            return write_out(actions::suggested_order_csv(*lines), o->out, "the suggested order");
        };
    });
}

}  // namespace pos::cli
