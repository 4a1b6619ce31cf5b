// The routes of pos-store. Refusals are printed on standard error too: a misconfigured or
// hostile peer is the store technician's business.
#include "pos/store/routes.hpp"

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "pos/core/safe_text.hpp"
#include "pos/store/pin_route.hpp"
#include "sync/audit_protocol.hpp"
#include "sync/directory_protocol.hpp"
#include "sync/request_guard.hpp"
#include "sync/store_protocol.hpp"

namespace pos::store {
namespace {

void log_refusal(const httplib::Request& request, const sync::ServiceResponse& answer) {
    std::string why = sync::decode_error(answer.body, answer.status).message;
    while (why.starts_with("pos-store: ")) why.erase(0, std::string_view("pos-store: ").size());
    why = core::shown_safely(why);  // it may quote what the peer sent: no escape sequence reaches the console
    if (request.path == sync::batch_path && answer.status == 409) {
        std::cerr << fmt::format("pos-store: ALARM: a batch from {} met a conflict (HTTP 409): {}\n",
                                 request.remote_addr, why);
    } else if (request.path == sync::batch_path) {
        std::cerr << fmt::format("pos-store: a batch from {} was not stored (HTTP {}): {}\n", request.remote_addr,
                                 answer.status, why);
    } else {
        std::cerr << fmt::format("pos-store: a request from {} was refused (HTTP {}): {}\n", request.remote_addr,
                                 answer.status, why);
    }
}

void answer_with(httplib::Response& response, const sync::ServiceResponse& answer) {
    response.status = answer.status;
    if (answer.status != 204) response.set_content(answer.body, "application/json");
}

}  // namespace

void install_routes(httplib::Server& server, sync::StoreService& service, size_t max_body_bytes,
                    const actions::StorePinRules& pin_rules) {
    // Runs after the head is read and before any of the body: a refusal here reads none of it.
    server.set_pre_routing_handler(
        [&service, max_body_bytes](const httplib::Request& request, httplib::Response& response) {
            std::optional<sync::ServiceResponse> refused = sync::refuse_request_head(
                {request.method, request.get_header_value("Content-Length"),
                 request.get_header_value("Content-Encoding"), request.get_header_value("Transfer-Encoding")},
                max_body_bytes);
            if (!refused && request.path != sync::health_path) {
                refused = service.refuse_token(request.get_header_value("Authorization"));
            }
            if (!refused) return httplib::Server::HandlerResponse::Unhandled;
            log_refusal(request, *refused);
            answer_with(response, *refused);
            response.set_header("Connection", "close");  // the unread body is never taken for a request
            return httplib::Server::HandlerResponse::Handled;
        });
    server.Post(std::string(sync::batch_path), [&service](const httplib::Request& request,
                                                          httplib::Response& response) {
        sync::ServiceResponse answer = service.receive_batch(request.get_header_value("Authorization"), request.body);
        if (answer.status >= 400) log_refusal(request, answer);
        answer_with(response, answer);
    });
    server.Get(
        std::string(sync::catalog_path), [&service](const httplib::Request& request, httplib::Response& response) {
            answer_with(response,
                        service.catalog_if_newer(request.get_header_value("Authorization"),
                                                 request.get_param_value("store"), request.get_param_value("have")));
        });
    server.Get(
        std::string(sync::directory_path), [&service](const httplib::Request& request, httplib::Response& response) {
            answer_with(response, service.directory_if_newer(
                                      request.get_header_value("Authorization"), request.get_param_value("store"),
                                      request.get_param_value("users"), request.get_param_value("members")));
        });
    server.Get(std::string(sync::sales_path), [&service](const httplib::Request& request, httplib::Response& response) {
        answer_with(response,
                    service.sale_for_return(request.get_header_value("Authorization"), request.get_param_value("id"),
                                            request.get_param_value("lane"), request.get_param_value("receipt")));
    });
    server.Get(std::string(sync::audit_path), [&service](const httplib::Request& request, httplib::Response& response) {
        answer_with(response, service.audit_copy(request.get_header_value("Authorization")));
    });
    auto pin_route = std::make_shared<PinChangeRoute>(service, pin_rules, PinChangeGate::Limits{});
    server.Post(std::string(sync::pin_path), [pin_route](const httplib::Request& request, httplib::Response& response) {
        sync::ServiceResponse answer = pin_route->answer(request.get_header_value("Authorization"), request.body);
        if (answer.status >= 400) log_refusal(request, answer);
        answer_with(response, answer);
    });
    server.Get(std::string(sync::kept_aside_path),
               [&service](const httplib::Request& request, httplib::Response& response) {
                   answer_with(response, service.unresolved_kept_aside(request.get_header_value("Authorization")));
               });
    server.Get(std::string(sync::health_path), [](const httplib::Request&, httplib::Response& response) {
        response.set_content(R"({"ok":true})", "application/json");
    });
}

}  // namespace pos::store
