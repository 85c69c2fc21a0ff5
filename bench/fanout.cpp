// nextup-fanout: WebSocket fan-out latency of a running nextup-server. It prints numbers and
// never judges them:
//
//   nextup-fanout --port P [--sockets 1000] [--rounds 30] [--room global] [--service 1]
//                 [--user kiosk --password kiosk123] [--batch 100] [--gap-ms 100]
//
// Opens --sockets WebSocket connections to ws://127.0.0.1:P/ws/queues (in batches, each
// subscribed to --room), then, --rounds times, issues one token (POST /api/tokens as --user) and
// times its token_generated event at every socket. Per round it waits until every socket has it
// (or 10 s) and --gap-ms more, so rounds never overlap. Prints, as "RESULT" lines:
//   fanout_request: request sent -> event received, per socket (the whole path: HTTP, Postgres,
//                   Redis, pub/sub, the hub, this client's own event loop);
//   fanout_spread:  first socket to receive a round's event -> this socket (the fan-out itself).
// All sockets share this process' one thread, so the spread includes this client's own reading.
// Only 127.0.0.1 is ever contacted. The server needs a file limit above --sockets (ulimit -n).
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

#include <sys/resource.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QWebSocket>

#include "latencystats.h"

namespace {

struct Options
{
    quint16 port = 0;
    int sockets = 1000;
    int rounds = 30;
    int batch = 100;
    int gapMs = 100;
    int serviceId = 1;
    QString room = QStringLiteral("global");
    QString user = QStringLiteral("kiosk");
    QString password = QStringLiteral("kiosk123");
};

// Runs the event loop until `done` or the timeout; true when done.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QElapsedTimer waited;
    waited.start();
    QTimer tick;
    tick.setInterval(2);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || waited.elapsed() > timeoutMs)
            loop.quit();
    });
    tick.start();
    loop.exec();
    return done();
}

void raiseFileLimit(int sockets)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = rlim_t(sockets) + 256;
    if (limit.rlim_cur < wanted) {
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : qMin(wanted, limit.rlim_max);
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

class FanoutBench
{
public:
    explicit FanoutBench(Options options) : m_options(std::move(options)) { m_clock.start(); }

    bool login();
    bool connectAll();
    void run();

private:
    struct Socket
    {
        std::unique_ptr<QWebSocket> ws;
        bool hello = false;
        bool subscribed = false;
    };

    QUrl url(const QString &path, const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(
            QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(m_options.port).arg(path));
    }
    QJsonObject post(const QString &path, const QJsonObject &body, int *status);
    void onFrame(const QString &text, Socket &socket);

    Options m_options;
    QNetworkAccessManager m_network;
    QByteArray m_bearer;
    std::vector<std::unique_ptr<Socket>> m_sockets;
    QElapsedTimer m_clock;
    qint64 m_awaitedToken = 0;               // the round's token id, once the answer told it
    QHash<qint64, QList<qint64>> m_arrivals; // token id -> receive times (ns on m_clock)
};

QJsonObject FanoutBench::post(const QString &path, const QJsonObject &body, int *status)
{
    QNetworkRequest request(url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_bearer);
    QNetworkReply *reply =
        m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    waitUntil([reply] { return reply->isFinished(); }, 10'000);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

bool FanoutBench::login()
{
    int status = 0;
    const QJsonObject answer = post(QStringLiteral("/api/auth/login"),
                                    {{QStringLiteral("username"), m_options.user},
                                     {QStringLiteral("password"), m_options.password}},
                                    &status);
    m_bearer = answer.value(u"access_token").toString().toUtf8();
    if (status != 200 || m_bearer.isEmpty())
        std::fprintf(stderr, "nextup-fanout: login as %s failed (HTTP %d)\n",
                     qPrintable(m_options.user), status);
    return !m_bearer.isEmpty();
}

void FanoutBench::onFrame(const QString &text, Socket &socket)
{
    const qint64 now = m_clock.nsecsElapsed();
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(u"type").toString();
    if (type == u"hello")
        socket.hello = true;
    else if (type == u"subscribed")
        socket.subscribed = true;
    else if (frame.value(u"event").toString() == u"token_generated")
        m_arrivals[frame.value(u"data").toObject().value(u"id").toInteger()].append(now);
}

bool FanoutBench::connectAll()
{
    const QByteArray subscribe =
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe")},
                                  {QStringLiteral("rooms"), QJsonArray{m_options.room}}})
            .toJson(QJsonDocument::Compact);
    QElapsedTimer took;
    took.start();
    for (int from = 0; from < m_options.sockets; from += m_options.batch) {
        const int count = qMin(m_options.batch, m_options.sockets - from);
        for (int i = 0; i < count; ++i) {
            auto socket = std::make_unique<Socket>();
            socket->ws = std::make_unique<QWebSocket>();
            Socket *raw = socket.get();
            QObject::connect(raw->ws.get(), &QWebSocket::textMessageReceived,
                             [this, raw](const QString &text) { onFrame(text, *raw); });
            raw->ws->open(url(QStringLiteral("/ws/queues"), QStringLiteral("ws")));
            m_sockets.push_back(std::move(socket));
        }
        const auto batch = m_sockets.end() - count;
        if (!waitUntil(
                [&] {
                    return std::all_of(batch, m_sockets.end(), [](auto &s) { return s->hello; });
                },
                20'000)) {
            std::fprintf(stderr, "nextup-fanout: sockets %d..%d got no hello\n", from,
                         from + count);
            return false;
        }
        for (auto it = batch; it != m_sockets.end(); ++it)
            (*it)->ws->sendTextMessage(QString::fromUtf8(subscribe));
        if (!waitUntil(
                [&] {
                    return std::all_of(batch, m_sockets.end(),
                                       [](auto &s) { return s->subscribed; });
                },
                20'000)) {
            std::fprintf(stderr, "nextup-fanout: sockets %d..%d were not subscribed\n", from,
                         from + count);
            return false;
        }
    }
    std::printf("%d sockets connected and subscribed to %s in %.1f s\n", m_options.sockets,
                qPrintable(m_options.room), took.elapsed() / 1000.0);
    return true;
}

void FanoutBench::run()
{
    LatencyStats request;
    LatencyStats spread;
    qint64 missing = 0;
    for (int round = 0; round < m_options.rounds; ++round) {
        const qint64 sent = m_clock.nsecsElapsed();
        int status = 0;
        const QJsonObject answer =
            post(QStringLiteral("/api/tokens"),
                 {{QStringLiteral("service_id"), m_options.serviceId}}, &status);
        const qint64 tokenId = answer.value(u"token_id").toInteger();
        if (status != 201) {
            std::fprintf(stderr, "nextup-fanout: POST /api/tokens answered %d\n", status);
            ++missing;
            continue;
        }
        waitUntil([&] { return m_arrivals.value(tokenId).size() >= m_options.sockets; }, 10'000);
        waitUntil([] { return false; }, m_options.gapMs); // late duplicates would show up here
        const QList<qint64> arrivals = m_arrivals.take(tokenId);
        missing += qMax<qint64>(0, m_options.sockets - arrivals.size());
        const qint64 first =
            arrivals.isEmpty() ? 0 : *std::min_element(arrivals.begin(), arrivals.end());
        for (qint64 at : arrivals) {
            request.add((at - sent) / 1000, 200, true);
            spread.add((at - first) / 1000, 200, true);
        }
    }
    const auto line = [&](const char *label, const LatencyStats &stats) {
        std::printf("RESULT label=%s sockets=%d rounds=%d samples=%lld missing=%lld p50_ms=%.2f "
                    "p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
                    label, m_options.sockets, m_options.rounds, qint64(stats.count()), missing,
                    stats.percentileMs(50), stats.percentileMs(90), stats.percentileMs(99),
                    stats.maxMs());
    };
    line("fanout_request", request);
    line("fanout_spread", spread);
    std::fflush(stdout);
}

int intOption(const QCommandLineParser &parser, const QString &name, int fallback, int minimum,
              int maximum)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    return parser.isSet(name) && ok ? qBound(minimum, value, maximum) : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nextup-fanout"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("WebSocket fan-out latency of nextup-server (127.0.0.1 only)."));
    parser.addOptions({
        {QStringLiteral("port"), QStringLiteral("Server port on 127.0.0.1."),
         QStringLiteral("port")},
        {QStringLiteral("sockets"), QStringLiteral("WebSocket connections (1000)."),
         QStringLiteral("n")},
        {QStringLiteral("rounds"), QStringLiteral("Events timed (30)."), QStringLiteral("n")},
        {QStringLiteral("batch"), QStringLiteral("Connections opened at once (100)."),
         QStringLiteral("n")},
        {QStringLiteral("gap-ms"), QStringLiteral("Pause between rounds (100)."),
         QStringLiteral("ms")},
        {QStringLiteral("room"), QStringLiteral("Room to subscribe to (global)."),
         QStringLiteral("room")},
        {QStringLiteral("service"), QStringLiteral("Service of the tokens issued (1)."),
         QStringLiteral("id")},
        {QStringLiteral("user"), QStringLiteral("Login issuing the tokens (kiosk)."),
         QStringLiteral("name")},
        {QStringLiteral("password"), QStringLiteral("Its password (kiosk123)."),
         QStringLiteral("password")},
    });
    parser.addHelpOption();
    parser.process(app);

    Options options;
    options.port = quint16(intOption(parser, QStringLiteral("port"), 0, 0, 65535));
    options.sockets = intOption(parser, QStringLiteral("sockets"), options.sockets, 1, 20'000);
    options.rounds = intOption(parser, QStringLiteral("rounds"), options.rounds, 1, 10'000);
    options.batch = intOption(parser, QStringLiteral("batch"), options.batch, 1, 1000);
    options.gapMs = intOption(parser, QStringLiteral("gap-ms"), options.gapMs, 0, 10'000);
    options.serviceId =
        intOption(parser, QStringLiteral("service"), options.serviceId, 1, 1'000'000);
    if (parser.isSet(QStringLiteral("room")))
        options.room = parser.value(QStringLiteral("room"));
    if (parser.isSet(QStringLiteral("user")))
        options.user = parser.value(QStringLiteral("user"));
    if (parser.isSet(QStringLiteral("password")))
        options.password = parser.value(QStringLiteral("password"));
    if (options.port == 0) {
        std::fprintf(stderr, "nextup-fanout: --port is required\n%s",
                     qPrintable(parser.helpText()));
        return 2;
    }
    raiseFileLimit(options.sockets);

    FanoutBench bench(options);
    if (!bench.login() || !bench.connectAll())
        return 1;
    bench.run();
    return 0;
}
