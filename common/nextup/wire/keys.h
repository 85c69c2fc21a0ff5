#pragma once

#include <QLatin1StringView>

// The JSON member names of the protocol (docs/api.md, the WebSocket frames of DESIGN.md), for the
// server that writes them and the clients that read them: a key exists once, here, so the two
// sides cannot drift apart. QJsonObject::value(), insert() and contains() take them as they are.
namespace Nextup::Wire::Key {

// Shared by several records.
inline constexpr QLatin1StringView Id{"id"};
inline constexpr QLatin1StringView Name{"name"};
inline constexpr QLatin1StringView Status{"status"};
inline constexpr QLatin1StringView Active{"active"};
inline constexpr QLatin1StringView BranchId{"branch_id"};
inline constexpr QLatin1StringView ServiceId{"service_id"};
inline constexpr QLatin1StringView CounterId{"counter_id"};
inline constexpr QLatin1StringView OperatorId{"operator_id"};
inline constexpr QLatin1StringView Reason{"reason"};
inline constexpr QLatin1StringView Eta{"eta"};
inline constexpr QLatin1StringView Waiting{"waiting"};
// Names in other languages (catalogue records: branches, services, counters).
inline constexpr QLatin1StringView Names{"names"};
inline constexpr QLatin1StringView Description{"description"};
inline constexpr QLatin1StringView Descriptions{"descriptions"};
inline constexpr QLatin1StringView Address{"address"};
inline constexpr QLatin1StringView Branches{"branches"}; // GET /api/directory

// A token (docs/api.md, "Tokens").
inline constexpr QLatin1StringView TokenNumber{"token_number"};
inline constexpr QLatin1StringView Number{"number"};
inline constexpr QLatin1StringView ServiceCode{"service_code"};
inline constexpr QLatin1StringView ServiceName{"service_name"};
inline constexpr QLatin1StringView Priority{"priority"};
inline constexpr QLatin1StringView CustomerInfo{"customer_info"};
inline constexpr QLatin1StringView BusinessDate{"business_date"};
inline constexpr QLatin1StringView PreferredSlot{"preferred_slot"};
inline constexpr QLatin1StringView ArrivalAt{"arrival_at"};
inline constexpr QLatin1StringView CreatedAt{"created_at"};
inline constexpr QLatin1StringView CalledAt{"called_at"};
inline constexpr QLatin1StringView ServingAt{"serving_at"};
inline constexpr QLatin1StringView FinishedAt{"finished_at"};
inline constexpr QLatin1StringView CounterName{"counter_name"};
inline constexpr QLatin1StringView TargetCounterId{"target_counter_id"};
inline constexpr QLatin1StringView RecallCount{"recall_count"};

// Appointments (docs/api.md "Appointments"): a token's check-in, its window, the booking
// settings of a branch and a service, and a day's slots (GET /api/services/:id/slots).
inline constexpr QLatin1StringView CheckedInAt{"checked_in_at"};
inline constexpr QLatin1StringView CheckInOpensAt{"check_in_opens_at"};
inline constexpr QLatin1StringView CheckInClosesAt{"check_in_closes_at"};
inline constexpr QLatin1StringView OpeningHours{"opening_hours"};
inline constexpr QLatin1StringView ClosedDates{"closed_dates"};
inline constexpr QLatin1StringView BookingHorizonDays{"booking_horizon_days"};
inline constexpr QLatin1StringView CheckinEarlyMinutes{"checkin_early_minutes"};
inline constexpr QLatin1StringView CheckinLateMinutes{"checkin_late_minutes"};
inline constexpr QLatin1StringView SlotMinutes{"slot_minutes"};
inline constexpr QLatin1StringView SlotCapacity{"slot_capacity"};
inline constexpr QLatin1StringView Capacity{"capacity"};
inline constexpr QLatin1StringView Date{"date"};
inline constexpr QLatin1StringView Closed{"closed"};
inline constexpr QLatin1StringView FirstDate{"first_date"};
inline constexpr QLatin1StringView LastDate{"last_date"};
inline constexpr QLatin1StringView Slots{"slots"};
inline constexpr QLatin1StringView Start{"start"};
inline constexpr QLatin1StringView End{"end"};
inline constexpr QLatin1StringView Booked{"booked"};
inline constexpr QLatin1StringView PlacesLeft{"places_left"};

// Lobby devices (docs/api.md "Devices"): a report {id, name, branch_id, mode, version,
// printer: {state, detail}} and the device as GET /api/devices and device_status show it.
inline constexpr QLatin1StringView Device{"device"};
inline constexpr QLatin1StringView Mode{"mode"};
inline constexpr QLatin1StringView Version{"version"};
inline constexpr QLatin1StringView Printer{"printer"};
inline constexpr QLatin1StringView State{"state"};
inline constexpr QLatin1StringView Detail{"detail"};
inline constexpr QLatin1StringView PrinterState{"printer_state"};
inline constexpr QLatin1StringView PrinterDetail{"printer_detail"};
inline constexpr QLatin1StringView Online{"online"};
inline constexpr QLatin1StringView FirstSeenAt{"first_seen_at"};
inline constexpr QLatin1StringView LastSeenAt{"last_seen_at"};

// POST /api/tokens and GET /api/tokens/:id/status answers.
inline constexpr QLatin1StringView TokenId{"token_id"};
inline constexpr QLatin1StringView Position{"position"};
inline constexpr QLatin1StringView Secret{"secret"};
inline constexpr QLatin1StringView StatusUrl{"status_url"};

// A token's timeline (GET /api/tokens/:id).
inline constexpr QLatin1StringView Events{"events"};
inline constexpr QLatin1StringView FromStatus{"from_status"};
inline constexpr QLatin1StringView ToStatus{"to_status"};
inline constexpr QLatin1StringView ActorId{"actor_id"};
inline constexpr QLatin1StringView Actor{"actor"};

// A counter, and the live state GET /api/counters and /api/queues add to it.
inline constexpr QLatin1StringView ServiceIds{"service_ids"};
inline constexpr QLatin1StringView PauseReason{"pause_reason"};
inline constexpr QLatin1StringView CurrentToken{"current_token"};
inline constexpr QLatin1StringView QueueSize{"queue_size"};

// A service, a branch.
inline constexpr QLatin1StringView Code{"code"};
inline constexpr QLatin1StringView AvgServiceSeconds{"avg_service_seconds"};
inline constexpr QLatin1StringView TargetWaitSeconds{"target_wait_seconds"};
inline constexpr QLatin1StringView Timezone{"timezone"};

// GET /api/queues: {seq, at, services:[{..., tokens}], counters}.
inline constexpr QLatin1StringView Seq{"seq"};
inline constexpr QLatin1StringView At{"at"};
inline constexpr QLatin1StringView Services{"services"};
inline constexpr QLatin1StringView Counters{"counters"};
inline constexpr QLatin1StringView Tokens{"tokens"};

// The single objects that answers wrap: {"token": ...}, {"counter": ...}, ...
inline constexpr QLatin1StringView Token{"token"};
inline constexpr QLatin1StringView Counter{"counter"};
inline constexpr QLatin1StringView Service{"service"};
inline constexpr QLatin1StringView Branch{"branch"};
inline constexpr QLatin1StringView User{"user"};

// Users and sessions (POST /api/auth/*).
inline constexpr QLatin1StringView Username{"username"};
inline constexpr QLatin1StringView Password{"password"};
inline constexpr QLatin1StringView Role{"role"};
inline constexpr QLatin1StringView FullName{"full_name"};
inline constexpr QLatin1StringView AccessToken{"access_token"};
inline constexpr QLatin1StringView RefreshToken{"refresh_token"};
inline constexpr QLatin1StringView TokenType{"token_type"};
inline constexpr QLatin1StringView ExpiresIn{"expires_in"};

// Access token claims (docs/api.md "Auth"): RFC 7519's, and role and name (above).
inline constexpr QLatin1StringView Subject{"sub"};
inline constexpr QLatin1StringView Issuer{"iss"};
inline constexpr QLatin1StringView Audience{"aud"};
inline constexpr QLatin1StringView IssuedAt{"iat"};
inline constexpr QLatin1StringView Expires{"exp"};
inline constexpr QLatin1StringView NotBefore{"nbf"};

// The error shape: {"error": {"code", "message", "details"}}; WebSocket error frames reuse code
// and message.
inline constexpr QLatin1StringView Error{"error"};
inline constexpr QLatin1StringView Message{"message"};
inline constexpr QLatin1StringView Details{"details"};

// History pages (GET /api/tokens).
inline constexpr QLatin1StringView Items{"items"};
inline constexpr QLatin1StringView Page{"page"};
inline constexpr QLatin1StringView PageSize{"page_size"};
inline constexpr QLatin1StringView Total{"total"};

// GET /api/stats: {from, to, totals, per_service, per_counter, per_hour, eta_accuracy}; each
// block has the counts and durations below, per_hour items {hour, issued, served}.
inline constexpr QLatin1StringView From{"from"};
inline constexpr QLatin1StringView To{"to"};
inline constexpr QLatin1StringView Totals{"totals"};
inline constexpr QLatin1StringView PerService{"per_service"};
inline constexpr QLatin1StringView PerCounter{"per_counter"};
inline constexpr QLatin1StringView PerHour{"per_hour"};
inline constexpr QLatin1StringView Hour{"hour"};
inline constexpr QLatin1StringView Issued{"issued"};
inline constexpr QLatin1StringView Served{"served"};
inline constexpr QLatin1StringView Skipped{"skipped"};
inline constexpr QLatin1StringView Cancelled{"cancelled"};
inline constexpr QLatin1StringView NoShowRate{"no_show_rate"};
inline constexpr QLatin1StringView AppointmentsBooked{"appointments_booked"};
inline constexpr QLatin1StringView AppointmentsCheckedIn{"appointments_checked_in"};
inline constexpr QLatin1StringView NoShows{"no_shows"};
inline constexpr QLatin1StringView AppointmentNoShowRate{"appointment_no_show_rate"};
inline constexpr QLatin1StringView PunctualitySeconds{"punctuality_seconds"};
inline constexpr QLatin1StringView AvgWaitSeconds{"avg_wait_seconds"};
inline constexpr QLatin1StringView P90WaitSeconds{"p90_wait_seconds"};
inline constexpr QLatin1StringView P90ServiceSeconds{"p90_service_seconds"};
inline constexpr QLatin1StringView WithinTargetShare{"within_target_share"};
inline constexpr QLatin1StringView EtaAccuracy{"eta_accuracy"};
inline constexpr QLatin1StringView Samples{"samples"};
inline constexpr QLatin1StringView MeanAbsErrorSeconds{"mean_abs_error_seconds"};
inline constexpr QLatin1StringView MeanErrorSeconds{"mean_error_seconds"};

// WebSocket frames: client → server {type, token, rooms, secret}; server → client events
// {event, room, seq, at, data} and replies {type, seq, heartbeat_ms, user_id, role, ...}. The
// server's Redis envelope of an event carries `rooms` where the frame has `room`.
inline constexpr QLatin1StringView Type{"type"};
inline constexpr QLatin1StringView Rooms{"rooms"};
inline constexpr QLatin1StringView Room{"room"};
inline constexpr QLatin1StringView Event{"event"};
inline constexpr QLatin1StringView Data{"data"};
inline constexpr QLatin1StringView HeartbeatMs{"heartbeat_ms"};
inline constexpr QLatin1StringView UserId{"user_id"};

} // namespace Nextup::Wire::Key
