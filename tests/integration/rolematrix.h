#pragma once

// The role matrix: every route of docs/api.md with what each role gets from it. tst_auth
// (auth_matrix.cpp) calls each row against a live server as each role; tst_routetable checks that
// the server's route table declares the same access for the same routes.

// Who may call: one letter per role, in the order of kRoles. a = allowed, u = 401, f = 403.
struct RouteCase
{
    const char *method;
    const char *path;  // {token} {secret} {branch} {service} {counter} {user} come from `setup`
    const char *body;  // JSON with the same placeholders, {n} (unique) and {code}; or nullptr
    const char *setup; // see Fixture::prepare
    int success;
    const char *who;
    const char *variant = "";
};

inline constexpr const char *kRoles[] = {"anonymous", "user", "kiosk", "operator", "admin"};

inline constexpr RouteCase kRoutes[] = {
    // Auth
    {"POST", "/api/auth/register", R"({"username":"matrix{n}","password":"matrix-pass-1"})", "",
     201, "aaaaa"},
    {"POST", "/api/auth/login", R"({"username":"operator2","password":"operator123"})", "", 200,
     "aaaaa"},
    {"POST", "/api/auth/refresh", R"({"refresh_token":"{refresh}"})", "refresh", 200, "aaaaa"},
    {"POST", "/api/auth/logout", R"({"refresh_token":"{refresh}"})", "refresh", 204, "aaaaa"},
    {"GET", "/api/auth/me", nullptr, "", 200, "uaaaa"},
    // Tokens
    {"POST", "/api/tokens", R"({"service_id":1,"customer_info":"Jane"})", "", 201, "aaaaa"},
    {"GET", "/api/tokens/{token}/status?secret={secret}", nullptr, "token", 200, "aaaaa"},
    {"GET", "/api/tokens/{token}/status", nullptr, "token", 200, "fffaa"},
    {"POST", "/api/tokens/{token}/cancel", R"({"secret":"{secret}"})", "token", 200, "aaaaa",
     " +secret"},
    {"POST", "/api/tokens/{token}/cancel", nullptr, "token", 200, "fffaa"},
    {"GET", "/api/tokens", nullptr, "", 200, "uffaa"},
    {"GET", "/api/tokens/{token}", nullptr, "token", 200, "uffaa"},
    {"POST", "/api/tokens/{token}/assign", R"({"counter_id":1,"reason":"matrix"})", "desk", 200,
     "uffaa"},
    // Appointments: a booked token in the check-in window ("appointment", see Fixture::prepare).
    {"GET", "/api/services/1/slots", nullptr, "", 200, "aaaaa"},
    {"POST", "/api/tokens/{token}/check-in", R"({"secret":"{secret}"})", "appointment", 200,
     "aaaaa", " +secret"},
    {"POST", "/api/tokens/{token}/check-in", nullptr, "appointment", 200, "ffaaa"},
    {"POST", "/api/tokens/{token}/reschedule",
     R"({"secret":"{secret}","preferred_slot":"{later_slot}"})", "appointment", 200, "aaaaa",
     " +secret"},
    {"POST", "/api/tokens/{token}/reschedule", R"({"preferred_slot":"{later_slot}"})",
     "appointment", 200, "ffaaa"},
    {"GET", "/api/appointments", nullptr, "", 200, "uffaa"},
    // Devices
    {"POST", "/api/devices/heartbeat", R"({"id":"matrix-{n}","name":"Matrix","mode":"board"})", "",
     200, "ufaaa"},
    {"GET", "/api/devices", nullptr, "", 200, "ufffa"},
    {"GET", "/api/branches/1/booking", nullptr, "", 200, "uffaa"},
    {"PUT", "/api/branches/1/booking", R"({"booking_horizon_days":14})", "", 200, "ufffa"},
    {"GET", "/api/services/1/booking", nullptr, "", 200, "uffaa"},
    {"PUT", "/api/services/1/booking", R"({"slot_minutes":15})", "", 200, "ufffa"},
    // Counters (counter 1; the operator is operator1)
    {"GET", "/api/counters", nullptr, "", 200, "aaaaa"},
    {"POST", "/api/counters/1/open", nullptr, "closed", 200, "uffaa"},
    {"POST", "/api/counters/1/pause", R"({"reason":"matrix"})", "desk", 200, "uffaa"},
    {"POST", "/api/counters/1/close", nullptr, "desk", 200, "uffaa"},
    {"POST", "/api/counters/1/call", nullptr, "desk", 200, "uffaa"},
    {"POST", "/api/counters/1/recall", nullptr, "called", 200, "uffaa"},
    {"POST", "/api/counters/1/serve", nullptr, "called", 200, "uffaa"},
    {"POST", "/api/counters/1/complete", nullptr, "serving", 200, "uffaa"},
    {"POST", "/api/counters/1/skip", nullptr, "called", 200, "uffaa"},
    {"POST", "/api/counters/1/transfer", R"({"service_id":2,"reason":"matrix"})", "called", 200,
     "uffaa"},
    // Services, queues, stats
    {"GET", "/api/services", nullptr, "", 200, "aaaaa"},
    {"GET", "/api/queues", nullptr, "", 200, "aaaaa"},
    {"GET", "/api/stats", nullptr, "", 200, "uffaa"},
    // Administration
    {"GET", "/api/branches", nullptr, "", 200, "ufffa"},
    {"POST", "/api/branches", R"({"name":"Branch {n}","timezone":"UTC"})", "", 201, "ufffa"},
    {"GET", "/api/branches/{branch}", nullptr, "branch", 200, "ufffa"},
    {"PUT", "/api/branches/{branch}", R"({"name":"Branch {n}","timezone":"Europe/Paris"})",
     "branch", 200, "ufffa"},
    {"DELETE", "/api/branches/{branch}", nullptr, "branch", 200, "ufffa"},
    {"POST", "/api/services", R"({"branch_id":1,"code":"{code}","name":"Service {n}"})", "", 201,
     "ufffa"},
    {"GET", "/api/services/{service}", nullptr, "service", 200, "aaaaa"},
    {"GET", "/api/counters/1", nullptr, "", 200, "aaaaa"},
    {"PUT", "/api/services/{service}", R"({"name":"Service {n}","avg_service_seconds":200})",
     "service", 200, "ufffa"},
    {"DELETE", "/api/services/{service}", nullptr, "service", 200, "ufffa"},
    {"POST", "/api/counters", R"({"branch_id":1,"name":"Desk {n}","service_ids":[1,2]})", "", 201,
     "ufffa"},
    {"PUT", "/api/counters/{counter}", R"({"name":"Desk {n}","service_ids":[3]})", "counter", 200,
     "ufffa"},
    {"DELETE", "/api/counters/{counter}", nullptr, "counter", 200, "ufffa"},
    {"GET", "/api/users", nullptr, "", 200, "ufffa"},
    {"POST", "/api/users", R"({"username":"staff{n}","password":"staff-pass-1","role":"operator"})",
     "", 201, "ufffa"},
    {"GET", "/api/users/{user}", nullptr, "user", 200, "ufffa"},
    {"PUT", "/api/users/{user}", R"({"full_name":"Renamed {n}","role":"kiosk"})", "user", 200,
     "ufffa"},
    {"DELETE", "/api/users/{user}", nullptr, "user", 200, "ufffa"},
    {"GET", "/api/audit", nullptr, "", 200, "ufffa"},
    // System
    {"GET", "/healthz", nullptr, "", 200, "aaaaa"},
    {"GET", "/readyz", nullptr, "", 200, "aaaaa"},
    {"GET", "/metrics", nullptr, "", 200, "aaaaa"},
    {"GET", "/api/openapi.json", nullptr, "", 200, "aaaaa"},
    {"GET", "/api/docs", nullptr, "", 200, "aaaaa"},
};
