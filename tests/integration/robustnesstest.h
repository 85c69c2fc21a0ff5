#pragma once

#include <QObject>

#include "flowhelpers.h"

// One nextup-server for the whole suite, attacked with bad input, protocol abuse and store
// outages; it must answer each correctly, lose no token, keep running, and stop cleanly on
// SIGTERM at the end. tst_robustness.cpp: input and outages; robustness_limits.cpp: raw HTTP.
class TestRobustness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    // tst_robustness.cpp
    void badInput_data();
    void badInput();
    void customerInfoVerbatim_data();
    void customerInfoVerbatim();

    // robustness_limits.cpp
    void bodyLimit_data();
    void bodyLimit();
    void refusedBodySentBeforeReading();
    void chunkedBodyRefused();
    void headerLimit_data();
    void headerLimit();
    void slowHeaders_data();
    void slowHeaders();
    void idleConnectionClosed_data();
    void idleConnectionClosed();
    void wrongMethod_data();
    void wrongMethod();
    void unknownRoute_data();
    void unknownRoute();
    void pipelinedAnswersInOrder();
    void headHasNoBody();
    void preflight();

    // tst_robustness.cpp
    void postgresDown();
    void postgresRestartedUnnoticed();
    void redisDown();
    void survivesAndStopsOnSigterm();

private:
    HttpClient &http() { return m_cluster.http(); }
    const Flow::Staff &staff() const { return m_cluster.staff(); }
    quint16 port() { return quint16(m_cluster.server().port()); }
    // GET /api/tokens total (as admin); -1 when that fails.
    int tokenTotal();
    // The token number a valid anonymous POST /api/tokens gets; "" when it fails.
    QString issueNumber(int serviceId);
    // Waits until /readyz answers 200; false after timeoutMs.
    bool waitReady(int timeoutMs);
    // What a counter must call, in order, per Postgres: waiting tokens of these services.
    QStringList waitingInCallOrder(const QList<int> &services);
    // Calls and skips at a counter until queue_empty; the numbers called.
    QStringList drain(int counterId);

    Flow::Cluster m_cluster;
};
