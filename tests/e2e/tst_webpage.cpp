// The booking page over HTTP against the real server: GET / and its assets (types, caching,
// versioned links, a page the Content-Security-Policy lets run), unknown files, and the token QR
// code (the right picture for the right secret, refused otherwise, rate-limited, never logged).
#include <memory>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "httpclient.h"
#include "seededserver.h"
#include "serverprocess.h"
#include "testservices.h"
#include "web/qrsvg.h"
#include "web/webassets.h"

namespace {
struct Issued
{
    qint64 id = 0;
    QString number;
    QByteArray secret;
};

HttpHeaders secretHeader(const QByteArray &secret)
{
    return {{"X-Token-Secret", secret}};
}

// True when `svg` is well-formed XML whose root is <svg> holding a non-empty path.
bool isSvgWithPath(const QByteArray &svg)
{
    QXmlStreamReader xml(svg);
    bool root = false;
    bool path = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"svg")
            root = true;
        if (xml.name() == u"path")
            path = !xml.attributes().value(QStringLiteral("d")).isEmpty();
    }
    return !xml.hasError() && root && path;
}
} // namespace

class TestWebPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void pageIsServed();
    void pageRunsUnderItsPolicy();
    void assets_data();
    void assets();
    void unversionedAssetsAreCachedBriefly();
    void manifestLinksVersionedIcons();
    void serviceWorkerKeepsEveryFile();
    void serviceWorkerChangesWithAnyFile();
    void unknownFiles_data();
    void unknownFiles();
    void qrCodeEncodesTheStatusLink();
    void qrCodeRefused_data();
    void qrCodeRefused();
    void qrCodeNeedsAWellFormedHost();
    void secretsStayOutOfTheServerOutput();
    void qrCodeIsRateLimited();

private:
    Issued issue(int serviceId);
    HttpClient &http() { return *m_http; }

    TestServices m_services;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    QList<QByteArray> m_secrets; // every secret handed out, for the log check
};

void TestWebPage::initTestCase()
{
    QVERIFY(m_services.start());
    m_server = startSeededServer(m_services, QStringLiteral("t_webpage"));
    QVERIFY(m_server);
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
}

void TestWebPage::cleanup()
{
    m_server->dumpIfFailed();
}

Issued TestWebPage::issue(int serviceId)
{
    const HttpReply reply =
        http().post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), serviceId}});
    if (reply.status != 201) {
        qWarning("POST /api/tokens: %d %s", reply.status, reply.body.constData());
        return {};
    }
    const QJsonObject o = reply.object();
    Issued issued{o.value(u"token_id").toInteger(), o.value(u"token_number").toString(),
                  o.value(u"secret").toString().toLatin1()};
    m_secrets.append(issued.secret);
    return issued;
}

void TestWebPage::pageIsServed()
{
    const HttpReply reply = http().get(QStringLiteral("/"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QCOMPARE(reply.header("Cache-Control"), QByteArray("no-cache"));
    QVERIFY(reply.body.startsWith("<!doctype html>"));
    QVERIFY(reply.body.contains("id=\"book-form\""));
    QVERIFY(reply.body.contains("id=\"ticket-view\""));
    // "Now" or "Book a time", and a booked receipt's check-in and reschedule.
    QVERIFY(reply.body.contains("name=\"mode\" value=\"book\""));
    QVERIFY(reply.body.contains("id=\"checkin\""));
    QVERIFY(reply.body.contains("id=\"reschedule-dialog\""));
    // The common security headers reach the page too.
    QCOMPARE(reply.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(reply.header("X-Frame-Options"), QByteArray("DENY"));
    // Every asset link carries its version, so assets can be cached for good.
    static const QRegularExpression link(QStringLiteral(R"re((?:src|href)="(/web/[^"]+)")re"));
    int links = 0;
    for (auto it = link.globalMatch(QString::fromUtf8(reply.body)); it.hasNext();) {
        const QString url = it.next().captured(1);
        QVERIFY2(url.contains(QRegularExpression(QStringLiteral(R"(\?v=[0-9a-f]{12}$)"))),
                 qPrintable(url));
        ++links;
    }
    QVERIFY2(links >= 9, "the page links its stylesheet, icon and scripts");
}

// The policy forbids inline code; the page must not contain any, or browsers would refuse it.
void TestWebPage::pageRunsUnderItsPolicy()
{
    const HttpReply reply = http().get(QStringLiteral("/"));
    QCOMPARE(reply.status, 200);
    const QByteArray csp = reply.header("Content-Security-Policy");
    QVERIFY2(csp.contains("script-src 'self'"), csp.constData());
    QVERIFY2(csp.contains("style-src 'self'"), csp.constData());
    QVERIFY2(csp.contains("connect-src 'self'"), csp.constData());
    QVERIFY2(csp.contains("frame-ancestors 'none'"), csp.constData());
    QVERIFY2(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp.constData());
    const QString html = QString::fromUtf8(reply.body);
    QVERIFY2(!html.contains(QRegularExpression(QStringLiteral(R"(<script(?![^>]*\bsrc=))"))),
             "inline script");
    QVERIFY2(!html.contains(QRegularExpression(QStringLiteral(R"(\son[a-z]+\s*=)"))),
             "inline event handler");
    QVERIFY2(!html.contains(QRegularExpression(QStringLiteral(R"(\sstyle\s*=|<style)"))),
             "inline style");
}

void TestWebPage::assets_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("mustContain");
    const QByteArray js = "text/javascript; charset=utf-8";
    QTest::newRow("stylesheet") << "app.css" << QByteArray("text/css; charset=utf-8")
                                << QByteArray(":root");
    QTest::newRow("app") << "app.js" << js << QByteArray("NextupApp");
    QTest::newRow("i18n") << "i18n.js" << js << QByteArray("NextupI18n");
    QTest::newRow("live") << "live.js" << js << QByteArray("/ws/queues");
    QTest::newRow("ticket") << "ticket.js" << js << QByteArray("NextupTicket");
    QTest::newRow("calendar") << "calendar.js" << js << QByteArray("BEGIN:VCALENDAR");
    QTest::newRow("slots") << "slots.js" << js << QByteArray("/slots");
    QTest::newRow("appointment") << "appointment.js" << js << QByteArray("/check-in");
    QTest::newRow("icon") << "icon.svg" << QByteArray("image/svg+xml") << QByteArray("<svg");
    QTest::newRow("touch icon") << "icon-192.png" << QByteArray("image/png")
                                << QByteArray("\x89PNG\r\n");
    QTest::newRow("manifest") << "manifest.webmanifest" << QByteArray("application/manifest+json")
                              << QByteArray("\"start_url\"");
}

// Fetched through the page's own (versioned) links: the right type, cached for a year.
void TestWebPage::assets()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, mustContain);
    const HttpReply page = http().get(QStringLiteral("/"));
    const QRegularExpression link(
        QStringLiteral("\"(/web/%1\\?v=[0-9a-f]+)\"").arg(QRegularExpression::escape(name)));
    const auto match = link.match(QString::fromUtf8(page.body));
    QVERIFY2(match.hasMatch(), qPrintable(name + QStringLiteral(" is not linked from the page")));
    const HttpReply reply = http().get(match.captured(1));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), type);
    QCOMPARE(reply.header("Cache-Control"), QByteArray("public, max-age=31536000, immutable"));
    QVERIFY(reply.body.contains(mustContain));
}

void TestWebPage::unversionedAssetsAreCachedBriefly()
{
    for (const QString &path :
         {QStringLiteral("/web/app.js"), QStringLiteral("/web/app.js?v=000000000000")}) {
        const HttpReply reply = http().get(path);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Cache-Control"), QByteArray("public, max-age=300"));
    }
}

// The web app manifest as browsers read it: JSON, installable, its icons by versioned links.
void TestWebPage::manifestLinksVersionedIcons()
{
    const HttpReply reply = http().get(QStringLiteral("/web/manifest.webmanifest"));
    QCOMPARE(reply.status, 200);
    QJsonParseError error;
    const QJsonObject manifest = QJsonDocument::fromJson(reply.body, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(manifest.value(u"start_url").toString(), QStringLiteral("/"));
    QCOMPARE(manifest.value(u"display").toString(), QStringLiteral("standalone"));
    QStringList sizes;
    for (const QJsonValue icon : manifest.value(u"icons").toArray()) {
        const QString src = icon.toObject().value(u"src").toString();
        QVERIFY2(src.contains(QRegularExpression(QStringLiteral(R"(\?v=[0-9a-f]{12}$)"))),
                 qPrintable(src));
        const HttpReply file = http().get(src);
        QCOMPARE(file.status, 200);
        QCOMPARE(file.header("Cache-Control"), QByteArray("public, max-age=31536000, immutable"));
        sizes.append(icon.toObject().value(u"sizes").toString());
    }
    QVERIFY2(sizes.contains(u"192x192") && sizes.contains(u"512x512"), qPrintable(sizes.join(',')));
}

// /web/sw.js: JavaScript, revalidated on every check, allowed to control the whole site, and
// holding the versioned link of every file the page and the manifest link.
void TestWebPage::serviceWorkerKeepsEveryFile()
{
    const HttpReply reply = http().get(QStringLiteral("/web/sw.js"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("text/javascript; charset=utf-8"));
    QCOMPARE(reply.header("Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(reply.header("Service-Worker-Allowed"), QByteArray("/"));
    QVERIFY(reply.header("Content-Security-Policy").contains("connect-src 'self'"));
    QVERIFY2(reply.body.contains(QByteArray("const VERSION = '")) &&
                 !reply.body.contains("@version@") && !reply.body.contains("@assets@"),
             "the server fills in the version and the files");
    static const QRegularExpression link(QStringLiteral(R"re("(/web/[^"]+\?v=[0-9a-f]{12})")re"));
    int links = 0;
    for (const QString &from : {QStringLiteral("/"), QStringLiteral("/web/manifest.webmanifest")}) {
        const QString body = QString::fromUtf8(http().get(from).body);
        for (auto it = link.globalMatch(body); it.hasNext(); ++links) {
            const QString url = it.next().captured(1);
            QVERIFY2(reply.body.contains("'" + url.toUtf8() + "'"), qPrintable(url));
        }
    }
    QVERIFY(links >= 12);
}

// A release that changes any file changes the worker's bytes (so browsers install it) and its
// cache name (so it fetches the new files and deletes the old cache).
void TestWebPage::serviceWorkerChangesWithAnyFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &body) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(body) == body.size();
    };
    QFile source(QStringLiteral(":/web/sw.js"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QVERIFY(write(QStringLiteral("sw.js"), source.readAll()));
    QVERIFY(write(QStringLiteral("index.html"), "<script src=\"/web/app.js\"></script>"));
    QVERIFY(write(QStringLiteral("app.js"), "'use strict'; // release 1"));
    const Nextup::WebAssets first(dir.path());
    QVERIFY(write(QStringLiteral("app.js"), "'use strict'; // release 2"));
    const Nextup::WebAssets second(dir.path());
    QVERIFY(first.worker() && second.worker());
    QVERIFY(first.shellVersion() != second.shellVersion());
    QVERIFY(first.worker()->body.contains("const VERSION = '" + first.shellVersion() + "'"));
    QVERIFY(second.worker()->body.contains("const VERSION = '" + second.shellVersion() + "'"));
    QVERIFY(
        second.worker()->body.contains("'/web/app.js?v=" + second.find("app.js")->version + "'"));
    QVERIFY(first.worker()->body != second.worker()->body);
    // The same files give the same worker: no update without a release.
    QCOMPARE(Nextup::WebAssets(dir.path()).worker()->body, second.worker()->body);
}

void TestWebPage::unknownFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("missing file") << "/web/nope.js" << 404;
    QTest::newRow("page by name") << "/web/index.html" << 404;
    QTest::newRow("nested") << "/web/app.js/x" << 404;
    QTest::newRow("escape attempt") << "/web/..%2Fopenapi.json" << 404;
    QTest::newRow("other resource") << "/web/openapi.json" << 404;
    QTest::newRow("folder") << "/web" << 404;
    QTest::newRow("favicon") << "/favicon.ico" << 404;
}

void TestWebPage::unknownFiles()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    const HttpReply reply = http().get(path);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(reply.errorCode(), QStringLiteral("not_found"));
}

void TestWebPage::qrCodeEncodesTheStatusLink()
{
    const Issued token = issue(1);
    QVERIFY(token.id > 0);
    const QString path = QStringLiteral("/api/tokens/%1/qr.svg").arg(token.id);
    const HttpReply reply = http().request("GET", path, {}, secretHeader(token.secret));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("image/svg+xml"));
    QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store")); // it carries the secret
    QVERIFY(reply.header("Content-Security-Policy").startsWith("default-src 'none'"));
    QVERIFY2(isSvgWithPath(reply.body), reply.body.left(200).constData());
    // The picture is the QR code of the page's link for this token, on the host the client used.
    const QByteArray link = "http://127.0.0.1:" + QByteArray::number(m_server->port()) +
                            "/#t=" + QByteArray::number(token.id) + '.' + token.secret;
    QCOMPARE(reply.body, Nextup::QrSvg::render(link));
    QVERIFY(Nextup::QrSvg::render(link) !=
            Nextup::QrSvg::render(link + 'x')); // the comparison means something
}

void TestWebPage::qrCodeRefused_data()
{
    QTest::addColumn<QString>("target");    // "own", "other", "missing", "text"
    QTest::addColumn<QByteArray>("secret"); // "own" and "other" take the real ones
    QTest::addColumn<bool>("inQuery");
    QTest::addColumn<int>("status");
    QTest::newRow("no secret") << "own" << QByteArray() << false << 403;
    QTest::newRow("wrong secret") << "own" << QByteArray("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                                  << false << 403;
    QTest::newRow("another token's secret") << "own" << QByteArray("other") << false << 403;
    QTest::newRow("secret with odd characters") << "own" << QByteArray("a b/c") << false << 403;
    QTest::newRow("overlong secret") << "own" << QByteArray(200, 'A') << false << 403;
    QTest::newRow("secret in the query is ignored") << "own" << QByteArray("own") << true << 403;
    QTest::newRow("unknown token")
        << "missing" << QByteArray("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") << false << 404;
    QTest::newRow("id not a number") << "text" << QByteArray("own") << false << 404;
}

void TestWebPage::qrCodeRefused()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, secret);
    QFETCH(bool, inQuery);
    QFETCH(int, status);
    const Issued own = issue(2);
    const Issued other = issue(2);
    QVERIFY(own.id > 0 && other.id > 0);
    if (secret == "own")
        secret = own.secret;
    else if (secret == "other")
        secret = other.secret;
    const QString id = target == u"own"       ? QString::number(own.id)
                       : target == u"missing" ? QStringLiteral("987654321")
                                              : QStringLiteral("abc");
    QString path = QStringLiteral("/api/tokens/%1/qr.svg").arg(id);
    HttpHeaders headers;
    if (inQuery)
        path += QStringLiteral("?secret=") + QString::fromLatin1(secret);
    else if (!secret.isEmpty())
        headers = secretHeader(secret);
    const HttpReply reply = http().request("GET", path, {}, headers);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!reply.body.contains("<svg"));
}

// The link points where the customer's browser went; a Host that could bend it is refused.
void TestWebPage::qrCodeNeedsAWellFormedHost()
{
    const Issued token = issue(1);
    QVERIFY(token.id > 0);
    const auto rawGet = [&](const QByteArray &host) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->port()));
        if (!socket.waitForConnected(5000))
            return QByteArray();
        socket.write("GET /api/tokens/" + QByteArray::number(token.id) +
                     "/qr.svg HTTP/1.1\r\nHost: " + host + "\r\nX-Token-Secret: " + token.secret +
                     "\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
        return answer;
    };
    QVERIFY(rawGet("nextup.example:8443").startsWith("HTTP/1.1 200"));
    QVERIFY(rawGet("[::1]:8080").startsWith("HTTP/1.1 200"));
    QVERIFY(rawGet("evil.example/#x@").startsWith("HTTP/1.1 400"));
    QVERIFY(rawGet("a\"b").startsWith("HTTP/1.1 400"));
    // Behind a proxy the server does not trust, X-Forwarded-Proto is ignored: still http.
    const QByteArray link =
        "http://nextup.example:8443/#t=" + QByteArray::number(token.id) + '.' + token.secret;
    const QByteArray answer = rawGet("nextup.example:8443");
    QVERIFY(answer.endsWith(Nextup::QrSvg::render(link)));
}

void TestWebPage::secretsStayOutOfTheServerOutput()
{
    // Traffic of its own, so that the check means the same when this function runs alone: a
    // secret in a status query, a QR code's header and a cancel's body (besides every secret the
    // other functions were handed).
    const Issued issued = issue(1);
    QVERIFY(!issued.secret.isEmpty());
    const QString secret = QString::fromLatin1(issued.secret);
    const QString token = QString::number(issued.id);
    QCOMPARE(
        http().get(QStringLiteral("/api/tokens/%1/status?secret=%2").arg(token, secret)).status,
        200);
    QCOMPARE(http()
                 .request("GET", QStringLiteral("/api/tokens/%1/qr.svg").arg(token), {},
                          secretHeader(issued.secret))
                 .status,
             200);
    QCOMPARE(http()
                 .post(QStringLiteral("/api/tokens/%1/cancel").arg(token),
                       {{QStringLiteral("secret"), secret}})
                 .status,
             200);
    QVERIFY(!m_secrets.isEmpty());
    const QByteArray output = m_server->output();
    for (const QByteArray &secret : std::as_const(m_secrets))
        QVERIFY2(!output.contains(secret), "a token secret reached the server's output");
}

// A server of its own, with a low token rate: the QR limit is max(60, 4 x that) a minute.
void TestWebPage::qrCodeIsRateLimited()
{
    QVERIFY(m_services.createDatabase(QStringLiteral("t_webpage_rate")));
    ServerProcess server(m_services.postgresUrl(QStringLiteral("t_webpage_rate")),
                         m_services.redisUrl());
    server.setEnvironmentValue(QStringLiteral("TOKEN_RATE_PER_MINUTE"), QStringLiteral("5"));
    server.setEnvironmentValue(QStringLiteral("REDIS_PREFIX"), QStringLiteral("rate:"));
    QVERIFY(server.runSubcommand({QStringLiteral("migrate")}));
    QVERIFY(server.runSubcommand({QStringLiteral("seed"), QStringLiteral("--demo")}));
    QVERIFY(server.start());
    HttpClient client(server.baseUrl());
    const HttpReply issued =
        client.post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 1}});
    QCOMPARE(issued.status, 201);
    const QByteArray secret = issued.object().value(u"secret").toString().toLatin1();
    const QString path =
        QStringLiteral("/api/tokens/%1/qr.svg").arg(issued.object().value(u"token_id").toInteger());
    for (int i = 0; i < 60; ++i)
        QCOMPARE(client.request("GET", path, {}, secretHeader(secret)).status, 200);
    const HttpReply limited = client.request("GET", path, {}, secretHeader(secret));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
    QVERIFY(limited.header("Retry-After").toInt() >= 1);
}

QTEST_GUILESS_MAIN(TestWebPage)
#include "tst_webpage.moc"
