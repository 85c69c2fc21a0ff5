#pragma once

#include <QDate>
#include <QObject>

#include "flowhelpers.h"

// The token flow over HTTP against the real nextup-server, Postgres and Redis. One executable,
// split by theme: tst_tokenflow.cpp (issue, status, cancel, stats, numbering),
// tokenflow_history.cpp (history filters), tokenflow_ordering.cpp (who is called next),
// tokenflow_refusals.cpp (counter actions the server refuses), tokenflow_recovery.cpp (eight
// counters racing, Redis losing its data mid-day). Most tests start from the seed's state with an
// empty Redis.
class TestTokenFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    // tst_tokenflow.cpp
    void acceptanceFlow();
    void statusAccess_data();
    void statusAccess();
    void customerCancel();
    void numberingPerServicePerDay();

    // tokenflow_history.cpp
    void historyFilters_data();
    void historyFilters();
    void historyRefused_data();
    void historyRefused();

    // tokenflow_ordering.cpp
    void priorityPermission_data();
    void priorityPermission();
    void priorityBeatsArrival();
    void preferredSlotRejected_data();
    void preferredSlotRejected();
    void counterTakesAcrossItsServices();
    void doubleNextWhileServing();
    void recallAndSkip();
    void transferToServiceKeepsArrival();
    void transferToCounter();
    void assignOutOfOrder();

    // tokenflow_refusals.cpp
    void refusedActions_data();
    void refusedActions();

    // tokenflow_recovery.cpp
    void raceEightCounters();
    void concurrentIssuing();
    void refusedRowSparesItsBatch();
    void redisLossMidDay_data();
    void redisLossMidDay();
    void staleOfferWhileServing();

private:
    struct Issued
    {
        qint64 id = 0;
        QString number;
        QString secret;
    };

    // Back to the seed's state with an empty Redis; false when that failed.
    bool fresh() { return m_cluster.reset(); }
    HttpClient &http() { return m_cluster.http(); }
    const Flow::Staff &staff() const { return m_cluster.staff(); }
    // Issues a token (anonymous unless `bearer`); id 0 when the answer was not 201.
    Issued issueToken(int serviceId, const QJsonObject &extra = {}, const QString &bearer = {});
    // POST /api/counters/:id/call and the token number called ("" on any other answer).
    QString callNumber(int counterId, const QString &bearer);
    // Calls and skips until the queue is empty: the numbers in call order.
    QStringList drain(int counterId, const QString &bearer);
    // GET /api/tokens/:id as admin: the token with its events.
    QJsonObject details(qint64 tokenId);
    void checkAcceptanceTrail(qint64 id, const QJsonObject &info);
    void checkAcceptanceStats();
    void buildHistoryDataset();
    // Business day in UTC (the seed's branch time zone); tests about "today" skip near midnight.
    static QDate today();
    static bool nearMidnight();

    Flow::Cluster m_cluster;
    int m_historyGeneration = -1; // Cluster::generation() when the history dataset was built
};
