#pragma once

#include <chrono>

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>

#include "flowhelpers.h"

// Hardening against what an attacker or a careless client sends (GitHub issue 20): NUL in every
// documented string (tst_hardening.cpp), strict HTTP/1.1 parsing, pipelining and half-close
// (hardening_http.cpp) and unmasked WebSocket frames (hardening_websocket.cpp). One server for the
// whole suite; every refusal must leave Postgres and Redis exactly as they were.
class TestHardening : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    // tst_hardening.cpp
    void nulInDocumentedBodyString_data();
    void nulInDocumentedBodyString();
    void nulInDocumentedQueryParameter_data();
    void nulInDocumentedQueryParameter();
    void rawControlCharacterInString_data();
    void rawControlCharacterInString();

    // hardening_http.cpp
    void strictRequestRefused_data();
    void strictRequestRefused();
    void lenientButValidRequestAccepted_data();
    void lenientButValidRequestAccepted();
    void answersOwedBeforeRefusal_data();
    void answersOwedBeforeRefusal();
    void requestThenFin_data();
    void requestThenFin();
    void hundredPipelinedThenFin();

    // hardening_websocket.cpp
    void unmaskedFrameClosesWith1002();

private:
    HttpClient &http() { return m_cluster.http(); }
    quint16 port() { return quint16(m_cluster.server().port()); }
    // Every row of every table in Postgres and every key in Redis, hashed: equal before and
    // after a refused request, or the refusal changed something.
    QMap<QString, QByteArray> stateFingerprint();

    Flow::Cluster m_cluster;
    qint64 m_tokenId = 0; // a waiting token for the routes with a token :id
    QString m_tokenSecret;
};

// A blocking POSIX TCP client: unlike QTcpSocket it can shut down its sending side alone (FIN)
// and still read, and it sends bytes exactly as given.
class PosixClient final
{
    Q_DISABLE_COPY_MOVE(PosixClient)

public:
    PosixClient() = default;
    ~PosixClient();

    bool connectTo(quint16 port);
    bool send(const QByteArray &bytes);
    // shutdown(SHUT_WR): the server reads end of stream, the connection stays open for answers.
    bool finishSending();
    // Reads until the server closes the connection or `timeout` passes; true when it closed.
    bool readUntilClosed(std::chrono::milliseconds timeout);
    // Reads until `bytes` holds at least `size` bytes, the peer closes, or `timeout` passes.
    bool readAtLeast(qsizetype size, std::chrono::milliseconds timeout);
    QByteArray &received() { return m_received; }
    bool closed() const { return m_closed; }

private:
    // One poll + recv; false on timeout, error or end of stream (m_closed tells which).
    bool readSome(std::chrono::milliseconds timeout);

    int m_fd = -1;
    bool m_closed = false;
    QByteArray m_received;
};

// The names of what differs between two fingerprints; empty when nothing does.
QString stateChanges(const QMap<QString, QByteArray> &before,
                     const QMap<QString, QByteArray> &after);

// The HTTP/1.1 answers at the start of `bytes` (Content-Length framed), removed from it.
QList<Flow::RawResponse> takeResponses(QByteArray &bytes);
