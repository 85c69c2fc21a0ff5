#pragma once

// The role matrix: every route of docs/api.md with what each role gets from it. tst_auth
// (auth_matrix.cpp) calls each row against a live server as each role; tst_routetable checks that
// the server's route table declares the same access for the same routes.

// Who may call: one letter per role, in the order of kRoles. a = allowed, u = 401, f = 403,
// n = 404 (an object of another branch: the branch admin is of branch 1, docs/api.md "Branches and
// roles").
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

inline constexpr const char *kRoles[] = {"anonymous", "user",  "kiosk",
                                         "operator",  "admin", "branch_admin"};

inline constexpr RouteCase kRoutes[] = {
    // Auth
    {"POST", "/api/auth/register", R"({"username":"matrix{n}","password":"matrix-pass-1"})", "",
     201, "aaaaaa"},
    {"POST", "/api/auth/login", R"({"username":"operator2","password":"operator123"})", "", 200,
     "aaaaaa"},
    {"POST", "/api/auth/refresh", R"({"refresh_token":"{refresh}"})", "refresh", 200, "aaaaaa"},
    {"POST", "/api/auth/logout", R"({"refresh_token":"{refresh}"})", "refresh", 204, "aaaaaa"},
    {"GET", "/api/auth/me", nullptr, "", 200, "uaaaaa"},
    // Tokens
    {"POST", "/api/tokens", R"({"service_id":1,"customer_info":"Jane"})", "", 201, "aaaaaa"},
    {"GET", "/api/tokens/{token}/status?secret={secret}", nullptr, "token", 200, "aaaaaa"},
    {"GET", "/api/tokens/{token}/status", nullptr, "token", 200, "fffaaa"},
    {"POST", "/api/tokens/{token}/cancel", R"({"secret":"{secret}"})", "token", 200, "aaaaaa",
     " +secret"},
    {"POST", "/api/tokens/{token}/cancel", nullptr, "token", 200, "fffaaa"},
    {"GET", "/api/tokens", nullptr, "", 200, "uffaaa"},
    {"GET", "/api/tokens/{token}", nullptr, "token", 200, "uffaaa"},
    {"POST", "/api/tokens/{token}/assign", R"({"counter_id":1,"reason":"matrix"})", "desk", 200,
     "uffaaa"},
    // Appointments: a booked token in the check-in window ("appointment", see Fixture::prepare).
    {"GET", "/api/services/1/slots", nullptr, "", 200, "aaaaaa"},
    {"POST", "/api/tokens/{token}/check-in", R"({"secret":"{secret}"})", "appointment", 200,
     "aaaaaa", " +secret"},
    {"POST", "/api/tokens/{token}/check-in", nullptr, "appointment", 200, "ffaaaa"},
    {"POST", "/api/tokens/{token}/reschedule",
     R"({"secret":"{secret}","preferred_slot":"{later_slot}"})", "appointment", 200, "aaaaaa",
     " +secret"},
    {"POST", "/api/tokens/{token}/reschedule", R"({"preferred_slot":"{later_slot}"})",
     "appointment", 200, "ffaaaa"},
    {"GET", "/api/appointments", nullptr, "", 200, "uffaaa"},
    // Devices
    {"POST", "/api/devices/heartbeat", R"({"id":"matrix-{n}","name":"Matrix","mode":"board"})", "",
     200, "ufaaaa"},
    {"GET", "/api/devices", nullptr, "", 200, "ufffaa"},
    {"GET", "/api/branches/1/booking", nullptr, "", 200, "uffaaa"},
    {"PUT", "/api/branches/1/booking", R"({"booking_horizon_days":14})", "", 200, "ufffaa"},
    {"GET", "/api/services/1/booking", nullptr, "", 200, "uffaaa"},
    {"PUT", "/api/services/1/booking", R"({"slot_minutes":15})", "", 200, "ufffaa"},
    // Counters (counter 1; the operator is operator1)
    {"GET", "/api/counters", nullptr, "", 200, "aaaaaa"},
    {"POST", "/api/counters/1/open", nullptr, "closed", 200, "uffaaa"},
    {"POST", "/api/counters/1/pause", R"({"reason":"matrix"})", "desk", 200, "uffaaa"},
    {"POST", "/api/counters/1/close", nullptr, "desk", 200, "uffaaa"},
    {"POST", "/api/counters/1/call", nullptr, "desk", 200, "uffaaa"},
    {"POST", "/api/counters/1/recall", nullptr, "called", 200, "uffaaa"},
    {"POST", "/api/counters/1/serve", nullptr, "called", 200, "uffaaa"},
    {"POST", "/api/counters/1/complete", nullptr, "serving", 200, "uffaaa"},
    {"POST", "/api/counters/1/skip", nullptr, "called", 200, "uffaaa"},
    {"POST", "/api/counters/1/transfer", R"({"service_id":2,"reason":"matrix"})", "called", 200,
     "uffaaa"},
    // Services, queues, stats
    {"GET", "/api/services", nullptr, "", 200, "aaaaaa"},
    {"GET", "/api/directory", nullptr, "", 200, "aaaaaa"},
    {"GET", "/api/queues", nullptr, "", 200, "aaaaaa"},
    {"GET", "/api/stats", nullptr, "", 200, "uffaaa"},
    // Administration
    {"GET", "/api/branches", nullptr, "", 200, "ufffaa"},
    {"POST", "/api/branches", R"({"name":"Branch {n}","timezone":"UTC"})", "", 201, "ufffaf"},
    {"GET", "/api/branches/{branch}", nullptr, "branch", 200, "ufffan"},
    {"GET", "/api/branches/1", nullptr, "", 200, "ufffaa"},
    {"PUT", "/api/branches/{branch}", R"({"name":"Branch {n}","timezone":"Europe/Paris"})",
     "branch", 200, "ufffaf"},
    {"DELETE", "/api/branches/{branch}", nullptr, "branch", 200, "ufffaf"},
    {"POST", "/api/services", R"({"branch_id":1,"code":"{code}","name":"Service {n}"})", "", 201,
     "ufffaa"},
    {"GET", "/api/services/{service}", nullptr, "service", 200, "aaaaaa"},
    {"GET", "/api/counters/1", nullptr, "", 200, "aaaaaa"},
    {"PUT", "/api/services/{service}", R"({"name":"Service {n}","avg_service_seconds":200})",
     "service", 200, "ufffaa"},
    {"DELETE", "/api/services/{service}", nullptr, "service", 200, "ufffaa"},
    {"POST", "/api/counters", R"({"branch_id":1,"name":"Desk {n}","service_ids":[1,2]})", "", 201,
     "ufffaa"},
    {"PUT", "/api/counters/{counter}", R"({"name":"Desk {n}","service_ids":[3]})", "counter", 200,
     "ufffaa"},
    {"DELETE", "/api/counters/{counter}", nullptr, "counter", 200, "ufffaa"},
    {"GET", "/api/users", nullptr, "", 200, "ufffaa"},
    {"POST", "/api/users", R"({"username":"staff{n}","password":"staff-pass-1","role":"operator"})",
     "", 201, "ufffaa"},
    {"GET", "/api/users/{user}", nullptr, "user", 200, "ufffan"},
    {"PUT", "/api/users/{user}", R"({"full_name":"Renamed {n}","role":"kiosk"})", "user", 200,
     "ufffan"},
    {"DELETE", "/api/users/{user}", nullptr, "user", 200, "ufffan"},
    {"GET", "/api/users/{user}", nullptr, "branchuser", 200, "ufffaa", " (of branch 1)"},
    {"PUT", "/api/users/{user}", R"({"full_name":"Renamed {n}","role":"kiosk"})", "branchuser", 200,
     "ufffaa", " (of branch 1)"},
    {"DELETE", "/api/users/{user}", nullptr, "branchuser", 200, "ufffaa", " (of branch 1)"},
    {"GET", "/api/audit", nullptr, "", 200, "ufffaf"},
    // System
    {"GET", "/healthz", nullptr, "", 200, "aaaaaa"},
    {"GET", "/readyz", nullptr, "", 200, "aaaaaa"},
    {"GET", "/metrics", nullptr, "", 200, "aaaaaa"},
    {"GET", "/api/openapi.json", nullptr, "", 200, "aaaaaa"},
    {"GET", "/api/docs", nullptr, "", 200, "aaaaaa"},
};
