#pragma once

#include <memory>

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTabWidget>

#include "httpclient.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "serverprocess.h"
#include "testservices.h"

// The admin pages (console/src/admin) driven through their widgets against a real server, with
// every result checked against the REST API itself. One server for the suite; initTestCase()
// issues today's tokens and serves some of them, so history and statistics have data.
class TestConsoleAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    // tst_console_admin.cpp: Services, Counters, Users.
    void createService();
    void attachServiceToCounter();
    void renameAndDeactivateService();
    void validationErrorShowsNextToField_data();
    void validationErrorShowsNextToField();
    void createUserAndResetPassword();

    // tst_console_admin_history.cpp
    void historySearchMatchesApi_data();
    void historySearchMatchesApi();
    void historyPagingMatchesApi();
    void historyBadNumberShowsNextToField();
    void historyTimelineMatchesApi();
    void csvQuoting_data();
    void csvQuoting();
    void csvExportMatchesApi();

    // tst_console_admin_booking.cpp
    void bookingHoursRoundTrip();
    void bookingHoursRefusedBeforeSending();
    void serviceSlotsRoundTrip();

    // tst_console_admin_devices.cpp (before the screenshots, which show its devices)
    void devicesLive();

    // tst_console_admin_stats.cpp
    void statsMatchApi_data();
    void statsMatchApi();
    void statsLiveForToday();
    void screenshots_data();
    void screenshots();

public:
    template <typename Page> Page *page() const { return m_tabs->findChild<Page *>(); }
    QString todayText() const;
    QString yesterdayText() const;
    // GET with the admin's token; fails the test (QVERIFY) on a status other than 200.
    QJsonObject getObject(const QString &path);
    QJsonArray getArray(const QString &path);
    // Every page of GET /api/tokens?<query> (without page and page_size).
    QJsonArray allTokens(const QString &query);

private:
    void issueAndServeTokens();

    TestServices m_services;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    std::unique_ptr<Nextup::ApiClient> m_api;
    std::unique_ptr<Nextup::QueueClient> m_queue;
    std::unique_ptr<QTabWidget> m_tabs;
    // A customer's text with every character CSV must quote.
    int m_newServiceId = 0;
    const QString m_trickyInfo = QStringLiteral("Doe, \"JJ\"\nsecond line ");
};
