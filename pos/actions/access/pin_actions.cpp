// Lane actions on operators' PINs: the operator's own change (here, or at the store through
// pos-store), a manager's reset. Wrong PINs count toward the lockout; each act is in the audit log.
#include <chrono>

#include <fmt/format.h>

#include "db/lane/users.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/actions/access/users.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_sync.hpp"
#include "sync/http_store_sink.hpp"
#include "sync/store_protocol.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;

namespace {

core::Status store_pin(db::LaneDb& lane, const AuditEvent& event, const std::string& operator_id,
                       std::string_view pin) {
    auto hash = hash_pin(pin);
    if (!hash) return hash.error();
    auto saved = with_audit(lane, event, [&] { return db::set_pin_hash(lane, operator_id, *hash); });
    if (!saved) return storage_error(saved.error());
    return core::Done{};
}

// An operator kept at the store gets their PIN from there: a PIN set here would be replaced by
// the store's at the next flow-down of the users, so it is refused with where to do it.
core::Status pin_kept_here(db::LaneDb& lane, const std::string& operator_id) {
    auto from_store = db::user_from_store(lane, operator_id);
    if (!from_store) return storage_error(from_store.error());
    if (*from_store) {
        return make_error(ErrorCode::not_permitted,
                          fmt::format("operator {} is kept at the store: a manager resets the PIN there "
                                      "(posctl user reset-pin {} --manager N --store on the store server) and every "
                                      "lane gets it at its next sync",
                                      operator_id, operator_id));
    }
    return core::Done{};
}

}  // namespace

core::Status Lane::change_pin(const std::string& operator_id, std::string_view old_pin, std::string_view new_pin,
                              const std::string& now_given) {
    std::string now = now_given.empty() ? local_now() : now_given;
    // An operator kept at the store changes PIN here too: posctl user pin copies the new hash to
    // the store (copy_pin_to_store), so the store's next flow-down keeps it.
    auto user = check_credentials(operator_id, old_pin, "pin_change", now);
    if (!user) return user.error();
    if (auto valid = check_new_pin(new_pin, user->role, config_.approver_pin_digits); !valid) return valid;
    if (old_pin == new_pin)
        return make_error(ErrorCode::bad_input, "the new PIN is the same as the old one: choose another");
    return store_pin(db_, {now, config_.lane, "pin_change", operator_id, {}, operator_id, nlohmann::json::object()},
                     operator_id, new_pin);
}

core::Status Lane::change_pin_at_store(const std::string& operator_id, std::string_view old_pin,
                                       std::string_view new_pin) {
    auto admitted = admit_operator(operator_id, "pin_change");
    if (!admitted) return admitted.error();
    if (auto valid = check_new_pin(new_pin, admitted->user.role, config_.approver_pin_digits); !valid) return valid;
    if (old_pin == new_pin)
        return make_error(ErrorCode::bad_input, "the new PIN is the same as the old one: choose another");
    auto asked = sync::change_pin_at_store(store_service_options(config_, std::chrono::milliseconds(15000)),
                                           operator_id, std::string(old_pin), std::string(new_pin));
    if (!asked) return storage_error(asked.error());
    switch (asked->status) {
        case 200: break;
        case sync::pin_refused_wrong:
            // Checked and counted at the store: counted here too, so that guessing through this
            // lane ends at its lockout as at login.
            if (core::Error counted = count_wrong_pin(operator_id, admitted->lock, "pin_change");
                counted.code != ErrorCode::wrong_pin) {
                return counted.code == ErrorCode::locked_out
                           ? make_error(ErrorCode::locked_out, asked->message + "; and locked out on this lane")
                           : counted;
            }
            return make_error(ErrorCode::wrong_pin, asked->message);
        case sync::pin_refused_unknown: return make_error(ErrorCode::unknown_operator, asked->message);
        case sync::pin_refused_locked: return make_error(ErrorCode::locked_out, asked->message);
        case sync::pin_refused_busy: return make_error(ErrorCode::store_unreachable, asked->message);
        default: return make_error(ErrorCode::bad_input, asked->message);
    }
    auto kept =
        store_pin(db_, {local_now(), config_.lane, "pin_change", operator_id, {}, operator_id, {{"at_store", true}}},
                  operator_id, new_pin);
    if (kept) kept = clear_wrong_pins(operator_id, admitted->lock);
    if (!kept) {
        return make_error(kept.error().code,
                          fmt::format("the PIN of operator {} was changed at the store, but this lane could not keep "
                                      "it ({}): use the new PIN; this lane gets it at its next sync",
                                      operator_id, kept.error().message));
    }
    return core::Done{};
}

core::Status Lane::reset_pin(const Approval& manager, const std::string& operator_id, std::string_view new_pin,
                             const std::string& now_given) {
    std::string now = now_given.empty() ? local_now() : now_given;
    if (auto here = pin_kept_here(db_, operator_id); !here) return here;
    auto target = db_.find_user(operator_id);
    if (!target) return storage_error(target.error());
    if (!*target) {
        return make_error(ErrorCode::unknown_operator,
                          fmt::format("there is no operator number {}: nothing was reset", operator_id));
    }
    if (auto valid = check_new_pin(new_pin, (*target)->role, config_.approver_pin_digits); !valid) return valid;
    auto approver = check_credentials(manager.approver, manager.pin, "pin_reset", now);
    if (!approver) return approver.error();
    auto role = core::parse_role(approver->role);
    if (!role)
        return make_error(ErrorCode::not_permitted, fmt::format("operator {} has no known role", manager.approver));
    // The operator whose PIN is reset is the one asking: a manager changes their own PIN with the old one.
    if (auto allowed = core::may_approve(operator_id, approver->operator_id, *role, core::Action::user_admin);
        !allowed) {
        return make_error(ErrorCode::not_permitted, fmt::format("resetting a PIN: {}", allowed.error().message));
    }
    return store_pin(
        db_,
        {now, config_.lane, "pin_reset", manager.approver, manager.approver, operator_id, nlohmann::json::object()},
        operator_id, new_pin);
}

}  // namespace pos::actions
