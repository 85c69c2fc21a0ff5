// HTTP abuse on raw sockets: oversized bodies and headers, chunked bodies, slow and idle clients,
// wrong methods and routes, pipelining, CORS preflight. The suite's server runs with
// MAX_BODY_BYTES=8192, IDLE_TIMEOUT_MS=2000 and HEADER_TIMEOUT_MS=1500.
#include <cerrno>
#include <cstring>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QTest>

#include "robustnesstest.h"

namespace {
const int kMaxBody = 8192;

QByteArray postHead(qint64 contentLength, const QByteArray &extra = {})
{
    return "POST /api/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Content-Length: " +
           QByteArray::number(contentLength) + "\r\n" + extra + "\r\n";
}

#define EXPECT_RAW_ERROR(response, expectedStatus, code)                                           \
    do {                                                                                           \
        QVERIFY2((response).has_value(), "no answer");                                             \
        QCOMPARE((response)->status, expectedStatus);                                              \
        const QString shape = Flow::errorShapeProblem((response)->json(), code);                   \
        QVERIFY2(shape.isEmpty(), qPrintable(shape));                                              \
        QVERIFY((response)->header("Content-Type").startsWith("application/json"));                \
    } while (false)
// 20 requests in one buffer, five kinds in turn; `kinds` gets what each answer must be.
QByteArray pipelineBatch(QStringList *kinds)
{
    QByteArray batch;
    for (int i = 0; i < 20; ++i) {
        const QByteArray close = i == 19 ? "Connection: close\r\n" : "";
        const auto get = [&](const char *path, const char *kind) {
            batch += "GET " + QByteArray(path) + " HTTP/1.1\r\nHost: x\r\n" + close + "\r\n";
            *kinds << QString::fromLatin1(kind);
        };
        if (i % 5 == 0) {
            get("/healthz", "health");
        } else if (i % 5 == 1) {
            get("/api/services", "services");
        } else if (i % 5 == 2) {
            get("/api/counters", "counters");
        } else if (i % 5 == 3) {
            // Services 1 and 2 in turn, so that an answer shows which request it belongs to.
            const int service = 1 + i / 5 % 2;
            batch += postHead(16, close) + "{\"service_id\":" + QByteArray::number(service) + '}';
            *kinds << QStringLiteral("token %1").arg(service);
        } else {
            get("/api/nope", "missing");
        }
    }
    return batch;
}

// What is wrong with an answer to a request of that kind; empty when it is right.
QString pipelineProblem(const QString &kind, const Flow::RawResponse &response)
{
    const QJsonDocument json = response.json();
    bool right = false;
    if (kind == u"health")
        right = response.status == 200 && json.object().value(u"status").toString() == u"ok";
    else if (kind == u"services")
        right = response.status == 200 &&
                json.array().at(0).toObject().value(u"code").toString() == u"D";
    else if (kind == u"counters")
        right = response.status == 200 &&
                json.array().at(0).toObject().value(u"name").toString() == u"Counter A";
    else if (kind.startsWith(u"token"))
        right = response.status == 201 &&
                json.object().value(u"service_id").toInt() == kind.back().digitValue();
    else
        right = response.status == 404 &&
                Flow::errorShapeProblem(json, QStringLiteral("not_found")).isEmpty();
    return right ? QString()
                 : QStringLiteral("expected %1, got HTTP %2 %3")
                       .arg(kind)
                       .arg(response.status)
                       .arg(QString::fromUtf8(response.body.left(200)));
}
} // namespace

void TestRobustness::bodyLimit_data()
{
    QTest::addColumn<qint64>("length");
    QTest::addColumn<bool>("sendBody");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("code");

    QTest::newRow("a megabyte announced, nothing sent")
        << qint64(1 << 20) << false << 413 << "payload_too_large";
    QTest::newRow("one byte over, nothing sent")
        << qint64(kMaxBody + 1) << false << 413 << "payload_too_large";
    // At the limit the body is read and judged on its content (customer_info is too large).
    QTest::newRow("exactly at the limit") << qint64(kMaxBody) << true << 400 << "validation_failed";
}

void TestRobustness::bodyLimit()
{
    QFETCH(qint64, length);
    QFETCH(bool, sendBody);
    QFETCH(int, expected);
    QFETCH(QString, code);

    const int total = tokenTotal();
    Flow::RawHttp raw;
    QVERIFY(raw.connectTo(port()));
    QVERIFY(raw.send(postHead(length)));
    if (sendBody) {
        const QByteArray prefix = R"({"service_id":1,"customer_info":{"note":")";
        const QByteArray body = prefix + QByteArray(int(length) - prefix.size() - 3, 'x') + "\"}}";
        QCOMPARE(body.size(), length);
        QVERIFY(raw.send(body));
    }
    // Answered from the headers alone: the client never has to send the body.
    const auto response = raw.read(3000);
    EXPECT_RAW_ERROR(response, expected, code);
    if (expected == 413)
        QVERIFY2(raw.waitClosed(3000), "the connection stays open after a 413");
    QCOMPARE(tokenTotal(), total);
}

// Most HTTP libraries send the whole body before they read anything. A blocking POSIX socket
// does the same here (a QTcpSocket would read the answer while it writes): 32 MB is more than
// loopback buffers hold, so the client is still sending when the 413 goes out. The server must
// go on reading until the client is done, or the client's send fails with a reset and the 413
// can be lost.
void TestRobustness::refusedBodySentBeforeReading()
{
    const int total = tokenTotal();
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);

    const qint64 length = 32 << 20;
    const auto sendAll = [fd](const QByteArray &bytes) -> QString {
        for (qsizetype done = 0; done < bytes.size();) {
            const ssize_t n =
                ::send(fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n <= 0)
                return QString::fromLocal8Bit(strerror(errno));
            done += n;
        }
        return {};
    };
    QCOMPARE(sendAll(postHead(length)), QString());
    const QByteArray chunk(1 << 16, 'x');
    for (qint64 sent = 0; sent < length; sent += chunk.size()) {
        const QString failure = sendAll(chunk);
        QVERIFY2(failure.isEmpty(),
                 qPrintable(
                     QStringLiteral("send failed after %1 body bytes: %2").arg(sent).arg(failure)));
    }
    QByteArray answer;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
        answer.append(buffer, n);
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
    const qsizetype bodyStart = answer.indexOf("\r\n\r\n") + 4;
    const QString shape = Flow::errorShapeProblem(QJsonDocument::fromJson(answer.mid(bodyStart)),
                                                  QStringLiteral("payload_too_large"));
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    // The guard's refusals carry the headers every other answer carries.
    QVERIFY(answer.left(bodyStart).contains("X-Content-Type-Options: nosniff\r\n"));
    QVERIFY(answer.left(bodyStart).contains("Connection: close\r\n"));
    QCOMPARE(tokenTotal(), total);
}

void TestRobustness::chunkedBodyRefused()
{
    const int total = tokenTotal();
    Flow::RawHttp raw;
    QVERIFY(raw.connectTo(port()));
    QVERIFY(raw.send(
        "POST /api/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"service_id\":1}\r\n0\r\n\r\n"));
    const auto response = raw.read(3000);
    EXPECT_RAW_ERROR(response, 411, "length_required");
    QVERIFY(raw.waitClosed(3000));
    QCOMPARE(tokenTotal(), total);
}

void TestRobustness::headerLimit_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<bool>("terminated");
    QTest::addColumn<int>("expected");

    QTest::newRow("12 KiB") << 12 * 1024 << true << 200;
    QTest::newRow("20 KiB") << 20 * 1024 << true << 431;
    QTest::newRow("20 KiB, end not sent yet") << 20 * 1024 << false << 431;
}

void TestRobustness::headerLimit()
{
    QFETCH(int, bytes);
    QFETCH(bool, terminated);
    QFETCH(int, expected);

    QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; request.size() < bytes; ++i)
        request += "X-Fill-" + QByteArray::number(i) + ": " + QByteArray(500, 'a') + "\r\n";
    if (terminated)
        request += "\r\n";
    Flow::RawHttp raw;
    QVERIFY(raw.connectTo(port()));
    QVERIFY(raw.send(request));
    const auto response = raw.read(3000);
    if (expected == 200) {
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
        return;
    }
    EXPECT_RAW_ERROR(response, expected, "headers_too_large");
    QVERIFY(raw.waitClosed(3000));
}

void TestRobustness::slowHeaders_data()
{
    QTest::addColumn<bool>("trickle");
    QTest::newRow("half a request line, then silence") << false;
    QTest::newRow("one byte every 300 ms") << true;
}

void TestRobustness::slowHeaders()
{
    QFETCH(bool, trickle);
    const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: yes\r\n\r\n";
    Flow::RawHttp raw;
    QVERIFY(raw.connectTo(port()));
    QElapsedTimer timer;
    timer.start();
    std::optional<Flow::RawResponse> response;
    if (trickle) {
        // Each byte would reset an idle timer; the header deadline must not move.
        for (qsizetype i = 0; i < request.size() - 4 && !response && raw.isConnected(); ++i) {
            QVERIFY(raw.send(request.mid(i, 1)));
            response = raw.read(300);
        }
    } else {
        QVERIFY(raw.send(request.left(8)));
        response = raw.read(6000);
    }
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 1200 && elapsed < 5000, qPrintable(QString::number(elapsed)));
    EXPECT_RAW_ERROR(response, 408, "request_timeout");
    QVERIFY(raw.waitClosed(3000));
}

void TestRobustness::idleConnectionClosed_data()
{
    QTest::addColumn<bool>("used");
    QTest::newRow("after an answer") << true;
    QTest::newRow("never used") << false;
}

void TestRobustness::idleConnectionClosed()
{
    QFETCH(bool, used);
    Flow::RawHttp raw;
    QVERIFY(raw.connectTo(port()));
    QElapsedTimer timer;
    timer.start();
    if (used) {
        QVERIFY(raw.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        const auto response = raw.read(3000);
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
        QVERIFY(raw.isConnected()); // keep-alive: still open right after the answer
        timer.restart();
    }
    QVERIFY2(raw.waitClosed(6000), "an idle keep-alive connection stays open");
    QVERIFY2(timer.elapsed() >= 1500 && timer.elapsed() < 4500,
             qPrintable(QString::number(timer.elapsed())));
}

void TestRobustness::wrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("allowed");

    QTest::newRow("DELETE /api/tokens")
        << QByteArray("DELETE") << "/api/tokens" << QStringList{"GET", "POST"};
    QTest::newRow("PUT /healthz") << QByteArray("PUT") << "/healthz" << QStringList{"GET"};
    QTest::newRow("GET a counter action")
        << QByteArray("GET") << "/api/counters/1/call" << QStringList{"POST"};
    QTest::newRow("POST a status")
        << QByteArray("POST") << "/api/tokens/1/status" << QStringList{"GET"};
    QTest::newRow("PATCH /api/services")
        << QByteArray("PATCH") << "/api/services" << QStringList{"GET"};
}

void TestRobustness::wrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QStringList, allowed);

    const HttpReply reply =
        http().request(method, path, "{}", {{"Content-Type", "application/json"}});
    FLOW_EXPECT_ERROR(reply, 405, "method_not_allowed");
    const QString problem =
        Flow::errorShapeProblem(reply.json, QStringLiteral("method_not_allowed"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString allow = QString::fromLatin1(reply.header("Allow"));
    QStringList methods;
    for (const QString &m : allow.split(u','))
        methods.append(m.trimmed());
    for (const QString &m : allowed)
        QVERIFY2(methods.contains(m), qPrintable(QStringLiteral("Allow: %1").arg(allow)));
    QVERIFY2(!methods.contains(QString::fromLatin1(method)), qPrintable(allow));
}

void TestRobustness::unknownRoute_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");

    QTest::newRow("unknown API") << QByteArray("GET") << "/api/nope";
    QTest::newRow("unknown top-level") << QByteArray("GET") << "/nope";
    QTest::newRow("id not a number") << QByteArray("POST") << "/api/tokens/abc/cancel";
    QTest::newRow("id overflows") << QByteArray("GET") << "/api/tokens/99999999999999999999999";
    QTest::newRow("extra segment") << QByteArray("GET") << "/api/tokens/1/status/more";
    QTest::newRow("dot segments") << QByteArray("GET") << "/api/../etc/passwd";
}

void TestRobustness::unknownRoute()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);

    const HttpReply reply =
        http().request(method, path, {}, {{"Authorization", "Bearer " + staff().admin.toUtf8()}});
    FLOW_EXPECT(reply, 404);
    const QString problem = Flow::errorShapeProblem(reply.json, QStringLiteral("not_found"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
}

void TestRobustness::pipelinedAnswersInOrder()
{
    // Fast answers (/healthz, 404) written on the HTTP thread, slower ones from workers: they
    // must still leave in request order. The last request asks to close.
    QStringList kinds;
    const QByteArray batch = pipelineBatch(&kinds);
    Flow::RawHttp raw;
    QVERIFY(raw.connectTo(port()));
    QVERIFY(raw.send(batch));
    QSet<QString> numbers; // taken concurrently by the workers: any order, but no repeats
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const auto response = raw.read(10'000);
        QVERIFY2(response.has_value(), qPrintable(QStringLiteral("answer %1 missing").arg(i)));
        const QString problem = pipelineProblem(kinds.at(i), *response);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QStringLiteral("answer %1: %2").arg(i).arg(problem)));
        if (kinds.at(i).startsWith(u"token"))
            numbers.insert(response->json().object().value(u"token_number").toString());
    }
    QCOMPARE(numbers.size(), 4);
    QVERIFY2(raw.waitClosed(3000), "Connection: close was ignored");
    QVERIFY2(raw.pending().isEmpty(), raw.pending().left(200).constData());
}

void TestRobustness::headHasNoBody()
{
    // HEAD is answered like GET (same Content-Length) but without the body: otherwise the body
    // would be read as the start of the next pipelined answer.
    Flow::RawHttp raw;
    QVERIFY(raw.connectTo(port()));
    QVERIFY(raw.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    QVERIFY2(raw.waitClosed(3000), "Connection: close was ignored");
    const QByteArray bytes = raw.pending();
    const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
    QVERIFY2(bytes.startsWith("HTTP/1.1 200") && headEnd > 0, bytes.left(200).constData());
    QVERIFY(bytes.left(headEnd).toLower().contains("content-length: "));
    QVERIFY2(bytes.mid(headEnd + 4).startsWith("HTTP/1.1 200"), bytes.constData());
    QCOMPARE(bytes.count("\"status\""), 1);
}

void TestRobustness::preflight()
{
    const QByteArray origin = "http://kiosk.example.test";
    const HttpReply reply =
        http().request("OPTIONS", QStringLiteral("/api/tokens"), {},
                       {{"Origin", origin},
                        {"Access-Control-Request-Method", "POST"},
                        {"Access-Control-Request-Headers", "content-type, authorization"}});
    FLOW_EXPECT(reply, 204);
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(reply.header("Access-Control-Allow-Origin"), origin);
    QVERIFY2(reply.header("Access-Control-Allow-Methods").contains("POST"),
             reply.header("Access-Control-Allow-Methods"));
    const QByteArray headers = reply.header("Access-Control-Allow-Headers").toLower();
    QVERIFY2(headers.contains("authorization") && headers.contains("content-type"),
             headers.constData());
    // Ordinary answers carry the same origin and the security headers.
    const HttpReply health =
        http().request("GET", QStringLiteral("/healthz"), {}, {{"Origin", origin}});
    FLOW_EXPECT(health, 200);
    QCOMPARE(health.header("Access-Control-Allow-Origin"), origin);
    QCOMPARE(health.header("X-Content-Type-Options"), QByteArray("nosniff"));
}
