#pragma once

class QTabWidget;

namespace Nextup {
class ApiClient;
class QueueClient;
} // namespace Nextup

namespace Nextup::Console {

// Adds the admin tabs (Services, Counters, Users, Booking, History, Statistics, Devices) to `tabs`;
// the main window calls it once an admin has signed in. The pages talk to the server through `api`
// only, and the Statistics page of today refreshes itself on the events of `queue` (which may be
// null: then it refreshes on demand only). The pages are children of `tabs`.
void addAdminPages(QTabWidget *tabs, Nextup::ApiClient *api, Nextup::QueueClient *queue);

} // namespace Nextup::Console
