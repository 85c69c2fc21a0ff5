#pragma once

#include <memory>

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include "flowhelpers.h"
#include "wsclient.h"

// The WebSocket side of the real nextup-server (/ws/queues) with QWebSocket and hand-written
// clients, against real Postgres and Redis. One executable, split by theme:
// tst_realtime.cpp (rooms and who may join them), realtime_seq.cpp (seq across two instances and
// the resync contract), realtime_frames.cpp (bad frames, heartbeat), realtime_load.cpp (1,000
// sockets, a slow consumer), realtime_fanout.cpp (one prebuilt frame per event and room). The
// server's file limit is the test's, raised for the 1,000 sockets.
class TestRealtime : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    // tst_realtime.cpp
    void roomsDeliverExactly();
    void roomRefused_data();
    void roomRefused();
    void staffTokenRoomLeftOnReauth();

    // realtime_seq.cpp
    void eventsCrossInstances();
    void resyncContract();

    // realtime_frames.cpp
    void badFrames_data();
    void badFrames();
    void heartbeat();

    // realtime_load.cpp
    void thousandSockets();
    void slowConsumerDropped();

    // realtime_fanout.cpp
    void fanoutFramesIdentical();

private:
    // One expected event: who it is about decides its rooms, as EventPublisher does.
    struct Expected
    {
        QString event;
        qint64 id = 0; // token id, or counter id for counter_status
        int serviceId = 0;
        int counterId = 0;
        int previousServiceId = 0; // a transfer also reaches the service the token left

        QStringList rooms() const;
        QString key() const { return event + u'#' + QString::number(id); }
    };

    struct Issued
    {
        qint64 id = 0;
        QString secret;
    };

    // roomsDeliverExactly's REST actions, appending the events each must cause.
    void driveFlow(const Issued &t1, const Issued &t2, const QJsonObject &customer,
                   QList<Expected> &flow);
    // QCOMPAREs what a subscriber of `room` received against the flow.
    static void checkRoom(const QString &room, const Ws::Client &client,
                          const QList<Expected> &flow);

    bool fresh() { return m_cluster.restart(); }
    HttpClient &http() { return m_cluster.http(); }
    const Flow::Staff &staff() const { return m_cluster.staff(); }
    QUrl wsUrl() { return m_cluster.server().webSocketUrl(); }

    // A client connected (hello received) and subscribed to `rooms`; null on failure.
    std::unique_ptr<Ws::Client> subscriber(const QStringList &rooms, const QUrl &url = {});
    // POST /api/tokens as the kiosk (never rate-limited); id 0 on failure.
    Issued issue(int serviceId, const QJsonObject &extra = {});
    // POST /api/counters/:id/<action>; false (with a qWarning) on anything but 200.
    bool act(int counterId, const QString &action, const QString &bearer,
             const QJsonObject &body = {});
    // Issues `count` tokens with many requests in flight at once; how many got 201.
    int issueBurst(int count, int serviceId, int inFlight = 24);
    // GET /metrics value of an unlabelled series; -1 when absent.
    double metric(const QByteArray &name);

    Flow::Cluster m_cluster;
};
