// What the checkout screens remember between frames (typed text, selection, open dialogs),
// and the intents they record for the loop to apply to the Lane after drawing.
// Nothing here knows ImGui or the database: it is plain data, testable headless.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pos/core/money.hpp"
#include "pos/core/ticket.hpp"

namespace pos::ui {

enum class Screen { login, open_shift, sale, tender };

// Which characters a typed field takes.
enum class EntryKind {
    digits,   // operator numbers, PINs
    decimal,  // money and quantities: digits and one '.'
    code,     // barcodes, PLUs, GS1 strings: printable ASCII
};

// A typed field: the checkout's own, fed by the ordered key queue and the on-screen pad.
struct Entry {
    EntryKind kind = EntryKind::digits;
    size_t max_length = 16;
    std::string text;
    // The text is a default (the 200.00 float): the first character typed replaces it.
    bool replace_on_type = false;

    // Takes a character the field accepts; returns false (and changes nothing) otherwise.
    bool type(char32_t ch);
    void backspace();
    void clear();
    [[nodiscard]] bool empty() const { return text.empty(); }
};

enum class Tone { none, info, success, error };

// A message shown in place, next to what it is about.
struct Notice {
    Tone tone = Tone::none;
    std::string text;    // what happened and what to do, in the UI language
    std::string detail;  // the lane's own wording, smaller, when it adds facts (codes, numbers)

    [[nodiscard]] bool shown() const { return tone != Tone::none; }
    void clear() { *this = Notice{}; }
};

struct LoginForm {
    enum class Field { operator_id, pin };
    Entry operator_id{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::operator_id;
    Notice notice;
    Field notice_field = Field::pin;  // the field the notice is shown under
};

struct ShiftForm {
    Entry amount{EntryKind::decimal, 10, "200.00", true};
    Notice notice;
};

// The supervisor approval a line void needs: number and PIN, keyed on the till.
struct ApprovalForm {
    enum class Field { approver, pin };
    bool open = false;
    int line = 0;
    Entry approver{EntryKind::digits, 8, {}, false};
    Entry pin{EntryKind::digits, 8, {}, false};
    Field field = Field::approver;
    Notice notice;
};

struct SaleForm {
    Entry input{EntryKind::code, 48, {}, false};
    int selected_line = 0;  // 0: none; follows the last changed line
    bool scroll_to_selected = false;
    Notice notice;
    ApprovalForm approval;
};

// The sale just paid, shown until the next one starts.
struct CompletedSale {
    int64_t receipt_no = 0;
    core::TenderMethod method = core::TenderMethod::cash;
    core::Money total;
    core::Money paid;
    core::Money change;
};

struct TenderForm {
    Entry amount{EntryKind::decimal, 10, {}, false};
    Entry next_code{EntryKind::code, 48, {}, false};  // after completion: the next customer's first scan
    Notice notice;
    std::optional<CompletedSale> done;
};

struct UiState {
    Screen screen = Screen::login;
    LoginForm login;
    ShiftForm shift;
    SaleForm sale;
    TenderForm tender;
};

// [SECTION] Intents: what a screen asks the loop to do after the frame is drawn.
namespace intent {
struct Login { std::string operator_id; std::string pin; };
struct Logout {};
struct OpenShift { std::string float_text; };
struct Scan { std::string code; std::string quantity_text; };  // quantity empty: one piece
struct SetQuantity { int line = 0; std::string quantity_text; };
struct VoidLine { int line = 0; std::string approver; std::string pin; };
struct GoToTender {};
struct BackToSale {};  // from the tender screen, or to a new sale after one completed
struct Tender { core::TenderMethod method = core::TenderMethod::cash; std::string amount_text; };  // empty: what is due
}  // namespace intent

using Intent = std::variant<intent::Login, intent::Logout, intent::OpenShift, intent::Scan, intent::SetQuantity,
                            intent::VoidLine, intent::GoToTender, intent::BackToSale, intent::Tender>;
using Intents = std::vector<Intent>;

}  // namespace pos::ui
