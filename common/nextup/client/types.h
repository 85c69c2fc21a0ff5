#pragma once

#include "nextup/wire/isotime.h"
#include "nextup/wire/records.h"

// The client's names for the wire records (nextup/wire/records.h), which are also what the server
// writes.
namespace Nextup {

using Wire::parseTime;

using UserInfo = Wire::User;
using ServiceInfo = Wire::Service;
using CurrentToken = Wire::CurrentToken;
using CounterInfo = Wire::Counter;
using QueueToken = Wire::QueueToken;
using ServiceQueue = Wire::ServiceQueue;
using QueueSnapshot = Wire::QueueSnapshot;

} // namespace Nextup
