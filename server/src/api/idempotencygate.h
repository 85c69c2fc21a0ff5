#pragma once

#include <functional>

#include "api/routetable.h"

namespace Nextup {

struct ApiContext;

// Idempotency-Key (docs/api.md "Retries"): a client that may send a request twice (a retry after
// a timeout, a second touch on a slow network) names it with a key of its own; the server acts
// on the first and answers every later one with the first's answer, for a day. Keys are per
// caller (the signed-in user, or the address of an anonymous one). The same key on another
// request (method, path or body) is 422 idempotency_key_reused; while the first is still being
// answered a second one waits for it up to kWaitMs, then gets 409 idempotency_key_in_use. An
// answer that asks to be retried (429, 5xx) is not kept: the retry acts. The answers are kept
// by IdempotencyStore, sealed with the key (IdempotencySeal).
namespace IdempotencyGate {

inline constexpr int kWaitMs = 3000;
inline constexpr int kPollMs = 25;
inline constexpr int kMaxKeyLength = 255;

// Every POST route honours the header, except the sign-in ones (/api/auth/*), whose answers
// hold credentials and whose retries are harmless.
bool honours(const char *method, const char *path);
// Runs handler(call) once per caller and key, on a worker thread, or answers for it.
void run(const ApiContext &api, const Call &call, std::function<void(const Call &)> handler);

} // namespace IdempotencyGate

} // namespace Nextup
