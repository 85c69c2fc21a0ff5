#include "admin/adminpages.h"

#include <QCoreApplication>
#include <QTabWidget>

#include "admin/admincatalog.h"
#include "admin/bookingpage.h"
#include "admin/counterspage.h"
#include "admin/devicespage.h"
#include "admin/historypage.h"
#include "admin/servicespage.h"
#include "admin/statspage.h"
#include "admin/userspage.h"
#include "nextup/client/apiclient.h"

namespace Nextup::Console {

void addAdminPages(QTabWidget *tabs, ApiClient *api, QueueClient *queue)
{
    // One catalog for all pages: a service saved on one page is known to the others at once.
    auto *catalog = new AdminCatalog(api, tabs);
    auto *services = new ServicesPage(api, catalog, tabs);
    auto *counters = new CountersPage(api, catalog, tabs);
    auto *users = new UsersPage(api, tabs);
    auto *booking = new BookingPage(api, catalog, tabs);
    auto *history = new TokenHistoryPage(api, catalog, tabs);
    auto *stats = new StatsPage(api, queue, tabs);
    auto *devices = new DevicesPage(api, queue, catalog, tabs);
    services->setObjectName(QStringLiteral("servicesPage"));
    counters->setObjectName(QStringLiteral("countersPage"));
    users->setObjectName(QStringLiteral("usersPage"));
    booking->setObjectName(QStringLiteral("bookingPage"));
    history->setObjectName(QStringLiteral("historyPage"));
    stats->setObjectName(QStringLiteral("statsPage"));
    devices->setObjectName(QStringLiteral("devicesPage"));
    // No mnemonics on the tabs: Ctrl+Tab and Ctrl+PgDown switch them, and the pages' own
    // Alt+letter shortcuts stay unambiguous.
    tabs->addTab(services, QCoreApplication::translate("Nextup::Console::AdminPages", "Services"));
    tabs->addTab(counters, QCoreApplication::translate("Nextup::Console::AdminPages", "Counters"));
    tabs->addTab(users, QCoreApplication::translate("Nextup::Console::AdminPages", "Users"));
    tabs->addTab(booking, QCoreApplication::translate("Nextup::Console::AdminPages", "Booking"));
    tabs->addTab(history, QCoreApplication::translate("Nextup::Console::AdminPages", "History"));
    tabs->addTab(stats, QCoreApplication::translate("Nextup::Console::AdminPages", "Statistics"));
    tabs->addTab(devices, QCoreApplication::translate("Nextup::Console::AdminPages", "Devices"));
    // The tab says how many devices need someone, so an alert is seen from any page.
    QObject::connect(devices, &DevicesPage::alertsChanged, tabs, [tabs, devices](int alerts) {
        const QString title = QCoreApplication::translate("Nextup::Console::AdminPages", "Devices");
        tabs->setTabText(tabs->indexOf(devices),
                         alerts > 0 ? QStringLiteral("%1 (%2)").arg(title).arg(alerts) : title);
    });
    QObject::connect(api, &ApiClient::sessionChanged, catalog, [api, catalog, devices] {
        if (api->isLoggedIn()) {
            catalog->reload();
            devices->reload();
        }
    });
    if (api->isLoggedIn())
        catalog->reload();
}

} // namespace Nextup::Console
