// HTTP/1.1 as RFC 9112 reads it, on raw sockets against the real server: what two parsers could
// read differently (request smuggling behind a proxy) is refused with the exact status and
// `Connection: close`; answers owed to a pipeline go out, in order, before the refusal; a client
// that half-closes (FIN) after its requests still gets every answer.
#include <cerrno>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QTest>

#include "hardeningtest.h"

using namespace std::chrono_literals;

namespace {
const QByteArray kTokenBody = R"({"service_id":1})";

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

QByteArray postToken(const QByteArray &contentLength = QByteArray::number(kTokenBody.size()))
{
    return "POST /api/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Content-Length: " +
           contentLength + "\r\n\r\n" + kTokenBody;
}

// A few valid requests of different speeds (HTTP thread, worker, token batcher) and what each
// answer must be.
struct Owed
{
    QByteArray request;
    int status;
};
const Owed kOwed[] = {
    {get("/healthz"), 200},      {get("/api/services"), 200}, {postToken(), 201},
    {get("/api/counters"), 200}, {get("/api/nope"), 404},
};
} // namespace

PosixClient::~PosixClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool PosixClient::connectTo(quint16 port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return m_fd >= 0 &&
           ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
}

bool PosixClient::send(const QByteArray &bytes)
{
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n =
            ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool PosixClient::finishSending()
{
    return ::shutdown(m_fd, SHUT_WR) == 0;
}

bool PosixClient::readSome(std::chrono::milliseconds timeout)
{
    pollfd watched{m_fd, POLLIN, 0};
    if (::poll(&watched, 1, int(timeout.count())) <= 0)
        return false;
    char buffer[16384];
    const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
        m_closed = true;
        return false;
    }
    m_received.append(buffer, n);
    return true;
}

bool PosixClient::readUntilClosed(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!m_closed) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left <= 0ms || (!readSome(left) && !m_closed))
            return false;
    }
    return true;
}

bool PosixClient::readAtLeast(qsizetype size, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_received.size() < size && !m_closed) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left <= 0ms || !readSome(left))
            break;
    }
    return m_received.size() >= size;
}

QList<Flow::RawResponse> takeResponses(QByteArray &bytes)
{
    QList<Flow::RawResponse> responses;
    for (;;) {
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        if (end < 0)
            return responses;
        Flow::RawResponse response;
        const QList<QByteArray> lines = bytes.left(end).split('\n');
        response.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            response.headers.append(
                {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
        }
        const qsizetype length = response.header("Content-Length").toLongLong();
        if (bytes.size() < end + 4 + length)
            return responses;
        response.body = bytes.mid(end + 4, length);
        bytes.remove(0, end + 4 + length);
        responses.append(response);
    }
}

void TestHardening::strictRequestRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const auto bad = [](const char *name, const QByteArray &request, int status = 400,
                        const char *code = "bad_request") {
        QTest::newRow(name) << request << status << QString::fromLatin1(code);
    };
    // The request line: method SP request-target SP HTTP-version, nothing else.
    bad("version HTTP/9.9", "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", 505,
        "http_version_not_supported");
    bad("version HTTP/2.0", "GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n", 505,
        "http_version_not_supported");
    bad("version HTTP/1.x", "GET /healthz HTTP/1.x\r\nHost: x\r\n\r\n");
    bad("version in lower case", "GET /healthz http/1.1\r\nHost: x\r\n\r\n");
    bad("no version", "GET /healthz\r\nHost: x\r\n\r\n");
    bad("two spaces in the request line", "GET  /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    bad("a fourth word", "GET /healthz HTTP/1.1 x\r\nHost: x\r\n\r\n");
    bad("control character in the target", "GET /heal\x01thz HTTP/1.1\r\nHost: x\r\n\r\n");
    bad("method not a token", "G(T /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    // Line endings: CRLF only.
    bad("bare LF everywhere", "GET /healthz HTTP/1.1\nHost: x\n\n");
    bad("bare LF after one header", "GET /healthz HTTP/1.1\r\nHost: x\nX-A: b\r\n\r\n");
    bad("bare CR inside a line", "GET /healthz HTTP/1.1\r\nHost: x\rX-A: b\r\n\r\n");
    // Header fields: token, colon, value of visible characters, spaces and tabs.
    bad("header without a colon", "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    bad("space before the colon", "GET /healthz HTTP/1.1\r\nHost : x\r\n\r\n");
    bad("tab before the colon", "GET /healthz HTTP/1.1\r\nHost\t: x\r\n\r\n");
    bad("empty field name", "GET /healthz HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n");
    bad("field name not a token", "GET /healthz HTTP/1.1\r\nHost: x\r\nX(a): v\r\n\r\n");
    bad("obsolete line folding", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n");
    const auto withNul = [](const char *before, const char *after) {
        return QByteArray(before) + '\0' + after;
    };
    bad("NUL in a value", withNul("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a", "b\r\n\r\n"));
    bad("NUL in a name", withNul("GET /healthz HTTP/1.1\r\nHost: x\r\nX", "A: b\r\n\r\n"));
    bad("control character in a value", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x01z\r\n\r\n");
    bad("DEL in a value", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x7fz\r\n\r\n");
    bad("NUL in a token secret",
        withNul("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Token-Secret: a", "b\r\n\r\n"));
    // Host: exactly one in HTTP/1.1.
    bad("HTTP/1.1 without Host", "GET /healthz HTTP/1.1\r\n\r\n");
    bad("two Host fields", "GET /healthz HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n");
    // Content-Length: digits, once. "+16" created a token.
    bad("Content-Length +16", postToken("+16"));
    bad("Content-Length -16", postToken("-16"));
    bad("Content-Length 0x10", postToken("0x10"));
    bad("Content-Length 1 6", postToken("1 6"));
    bad("Content-Length as a list", postToken("16, 16"));
    bad("Content-Length twice",
        "POST /api/tokens HTTP/1.1\r\nHost: x\r\nContent-Length: 16\r\nContent-Length: 16\r\n"
        "\r\n" +
            kTokenBody);
    // Transfer-Encoding: none implemented; chunked has a Content-Length alternative.
    bad("Transfer-Encoding gzip",
        "POST /api/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501,
        "not_implemented");
    bad("Transfer-Encoding chunked",
        "POST /api/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "10\r\n{\"service_id\":1}\r\n0\r\n\r\n",
        411, "length_required");
    bad("Transfer-Encoding with Content-Length",
        "POST /api/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        "Content-Length: 16\r\n\r\n" +
            kTokenBody);
}

void TestHardening::strictRequestRefused()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);

    const auto before = stateFingerprint();
    Flow::RawHttp raw;
    QVERIFY(raw.connectTo(port()));
    QVERIFY(raw.send(request));
    const auto response = raw.read(3000);
    QVERIFY2(response.has_value(), "no answer");
    QVERIFY2(response->status == status, qPrintable(QStringLiteral("HTTP %1 %2")
                                                        .arg(response->status)
                                                        .arg(QString::fromUtf8(response->body))));
    const QString shape = Flow::errorShapeProblem(response->json(), code);
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY2(raw.waitClosed(3000), "the connection stays open after the refusal");
    const QString changed = stateChanges(before, stateFingerprint());
    QVERIFY2(changed.isEmpty(), qPrintable(QStringLiteral("changed: ") + changed));
}

// Strict is not stricter than the RFC: what it allows still works.
void TestHardening::lenientButValidRequestAccepted_data()
{
    QTest::addColumn<QByteArray>("request");

    QTest::newRow("an empty line before the request") << "\r\n" + get("/healthz");
    QTest::newRow("HTTP/1.0 without Host") << QByteArray("GET /healthz HTTP/1.0\r\n\r\n");
    QTest::newRow("spaces and tabs around a value") << get("/healthz", "X-A: \t a b \t\r\n");
    QTest::newRow("empty value") << get("/healthz", "X-A:\r\n");
    QTest::newRow("every token character in a name")
        << get("/healthz", "X-!#$%&'*+-.^_`|~09az: v\r\n");
    QTest::newRow("bytes above 0x7f in a value") << get("/healthz", "X-A: caf\xc3\xa9\r\n");
    QTest::newRow("Content-Length 0 on a GET") << get("/healthz", "Content-Length: 0\r\n");
    QTest::newRow("Content-Length with leading zeros") << QByteArray(
        "POST /api/tokens HTTP/1.1\r\nHost: x\r\nContent-Length: 0016\r\n\r\n" + kTokenBody);
}

void TestHardening::lenientButValidRequestAccepted()
{
    QFETCH(QByteArray, request);
    Flow::RawHttp raw;
    QVERIFY(raw.connectTo(port()));
    QVERIFY(raw.send(request));
    const auto response = raw.read(3000);
    QVERIFY2(response.has_value(), "no answer");
    QVERIFY2(response->status == 200 || response->status == 201,
             qPrintable(QStringLiteral("HTTP %1 %2")
                            .arg(response->status)
                            .arg(QString::fromUtf8(response->body))));
}

void TestHardening::answersOwedBeforeRefusal_data()
{
    QTest::addColumn<QByteArray>("malformed");
    QTest::addColumn<int>("status");

    QTest::newRow("header without a colon") << get("/healthz", "Bad Header\r\n") << 400;
    QTest::newRow("Content-Length +16") << postToken("+16") << 400;
    QTest::newRow("HTTP/9.9") << QByteArray("GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n") << 505;
    QTest::newRow("bare LF") << QByteArray("GET /healthz HTTP/1.1\nHost: x\n\n") << 400;
    QTest::newRow("body over the limit") << postToken("999999999") << 413;
}

void TestHardening::answersOwedBeforeRefusal()
{
    QFETCH(QByteArray, malformed);
    QFETCH(int, status);

    QByteArray batch;
    for (const Owed &owed : kOwed)
        batch += owed.request;
    // After the malformed request: never read, never answered.
    batch += malformed + get("/healthz");
    PosixClient client;
    QVERIFY(client.connectTo(port()));
    QVERIFY(client.send(batch));
    QVERIFY2(client.readUntilClosed(10s), "the connection stays open");
    const QList<Flow::RawResponse> answers = takeResponses(client.received());
    QStringList statuses;
    for (const Flow::RawResponse &answer : answers)
        statuses.append(QString::number(answer.status));
    QStringList expected;
    for (const Owed &owed : kOwed)
        expected.append(QString::number(owed.status));
    expected.append(QString::number(status));
    QCOMPARE(statuses, expected);
    QCOMPARE(answers.last().header("Connection"), QByteArray("close"));
    QVERIFY(answers.at(2).json().object().contains(u"token_number"));
    QVERIFY2(client.received().isEmpty(), client.received().left(200).constData());
}

void TestHardening::requestThenFin_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QTest::newRow("GET /healthz (HTTP thread)") << get("/healthz") << 200;
    QTest::newRow("GET /api/services (worker)") << get("/api/services") << 200;
    QTest::newRow("POST /api/tokens (batcher)") << postToken() << 201;
}

// The client sends its request and shuts down its sending side at once, as some clients and
// tools do; the answer must still come, then the server closes. Several connections: losing the
// answer depended on timing.
void TestHardening::requestThenFin()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    for (int attempt = 0; attempt < 8; ++attempt) {
        PosixClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(request));
        QVERIFY(client.finishSending());
        QVERIFY2(client.readUntilClosed(5s),
                 qPrintable(QStringLiteral("attempt %1: not closed").arg(attempt)));
        const QList<Flow::RawResponse> answers = takeResponses(client.received());
        QVERIFY2(
            answers.size() == 1,
            qPrintable(QStringLiteral("attempt %1: %2 answers").arg(attempt).arg(answers.size())));
        QCOMPARE(answers.first().status, status);
    }
}

void TestHardening::hundredPipelinedThenFin()
{
    QByteArray batch;
    for (int i = 0; i < 100; ++i)
        batch += get(i % 2 ? "/api/services" : "/healthz");
    for (int connection = 0; connection < 5; ++connection) {
        PosixClient client;
        QVERIFY(client.connectTo(port()));
        QVERIFY(client.send(batch));
        QVERIFY(client.finishSending());
        QVERIFY2(client.readUntilClosed(10s), "the connection stays open");
        const QList<Flow::RawResponse> answers = takeResponses(client.received());
        QVERIFY2(answers.size() == 100,
                 qPrintable(QStringLiteral("connection %1: %2 answers of 100")
                                .arg(connection)
                                .arg(answers.size())));
        for (const Flow::RawResponse &answer : answers)
            QCOMPARE(answer.status, 200);
    }
}
