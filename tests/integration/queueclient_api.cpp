// ApiClient and its jobs against the real server: typed answers, errors as Status values,
// exactly one asynchronous report per job, the session's refresh on 401 and before expiry.

#include <QJsonArray>
#include <QTest>

#include "nextup/client/apiclient.h"
#include "nextup/client/authjobs.h"
#include "nextup/client/queuejobs.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/jwt.h"
#include "processhelpers.h"
#include "queueclienttest.h"

using namespace Nextup;
using namespace QueueClientTest;

namespace QueueClientTest {

QString corrupted(const QString &accessToken)
{
    QString token = accessToken;
    const qsizetype last = token.size() - 2;
    token[last] = token[last] == u'A' ? u'B' : u'A';
    return token;
}

} // namespace QueueClientTest

std::unique_ptr<ApiClient> TestQueueClient::signedIn(const QString &user, const QString &password)
{
    auto api = std::make_unique<ApiClient>(m_server->baseUrl());
    const auto login = await(api->login(user, password));
    if (!login->status().isOk())
        qWarning("login %s: %s", qPrintable(user), qPrintable(login->status().toString()));
    return api;
}

void TestQueueClient::loginAndTypedCalls()
{
    ApiClient api(m_server->baseUrl());
    QSignalSpy sessionChanged(&api, &ApiClient::sessionChanged);
    const auto login = await(api.login(QStringLiteral("admin"), QStringLiteral("admin123")));
    QVERIFY2(login->status().isOk(), qPrintable(login->status().toString()));
    QCOMPARE(login->httpStatus(), 200);
    QVERIFY(api.isLoggedIn());
    QCOMPARE(sessionChanged.count(), 1);
    QCOMPARE(api.role(), QStringLiteral("admin"));
    QCOMPARE(api.user().id, 1);
    QCOMPARE(login->user().username, QStringLiteral("admin"));
    QVERIFY(!api.refreshToken().isEmpty());
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(api.accessTokenExpiry());
    QVERIFY2(lifetime > 800 && lifetime <= 900, qPrintable(QString::number(lifetime)));

    const auto services = await(api.listServices());
    QVERIFY(services->status().isOk());
    QCOMPARE(services->services().size(), 3);
    QCOMPARE(services->services().at(0).code, QStringLiteral("D"));
    QCOMPARE(services->services().at(2).name, QStringLiteral("Passbook"));
    const auto counters = await(api.listCounters());
    QCOMPARE(counters->counters().size(), 3);
    QCOMPARE(counters->counters().at(2).serviceIds, (QList<int>{1, 2, 3}));

    const auto created = await(api.createToken(
        NewToken{3, QJsonObject{{QStringLiteral("name"), QStringLiteral("Ann")}}, {}, 4}));
    QVERIFY2(created->status().isOk(), qPrintable(created->status().toString()));
    QCOMPARE(created->httpStatus(), 201);
    const CreatedToken token = created->token();
    QVERIFY(token.tokenNumber.startsWith(u'P'));
    QVERIFY(!token.secret.isEmpty());
    QCOMPARE(token.priority, 4);

    ApiClient anonymous(m_server->baseUrl());
    const auto status = await(anonymous.tokenStatus(token.tokenId, token.secret));
    QVERIFY2(status->status().isOk(), qPrintable(status->status().toString()));
    QCOMPARE(status->tokenStatus().tokenNumber, token.tokenNumber);
    QCOMPARE(status->tokenStatus().status, QStringLiteral("waiting"));
    QVERIFY(status->tokenStatus().position >= 1);

    const auto opened = await(api.counterAction(2, CounterAction::Open));
    QVERIFY2(opened->status().isOk(), qPrintable(opened->status().toString()));
    QCOMPARE(opened->counter().status, QStringLiteral("open"));
    QCOMPARE(opened->counter().operatorId, 1);
    const auto called = await(api.counterAction(2, CounterAction::Call));
    QVERIFY2(called->status().isOk(), qPrintable(called->status().toString()));
    QCOMPARE(called->token().id, token.tokenId); // the only waiting Passbook token
    QCOMPARE(called->token().status, QStringLiteral("called"));
    QCOMPARE(called->token().counterId, 2);
    QCOMPARE(called->token().customerInfo.toObject().value(u"name").toString(),
             QStringLiteral("Ann"));
    QVERIFY(await(api.counterAction(2, CounterAction::Serve))->status().isOk());
    const auto completed = await(api.counterAction(2, CounterAction::Complete));
    QCOMPARE(completed->token().status, QStringLiteral("completed"));
    QVERIFY(completed->token().finishedAt.isValid());
    QVERIFY(await(api.counterAction(2, CounterAction::Close))->status().isOk());

    const auto details = await(api.getToken(token.tokenId));
    QVERIFY(details->status().isOk());
    QCOMPARE(details->token().status, QStringLiteral("completed"));
    QVERIFY2(details->events().size() >= 4, qPrintable(QString::number(details->events().size())));
    QCOMPARE(details->events().last().toStatus, QStringLiteral("completed"));

    HistoryFilter filter;
    filter.serviceId = 3;
    filter.status = QStringLiteral("completed");
    filter.pageSize = 2;
    const auto history = await(api.history(filter));
    QVERIFY2(history->status().isOk(), qPrintable(history->status().toString()));
    QVERIFY(history->page().total >= 1);
    QVERIFY(history->page().items.size() <= 2);
    for (const TokenInfo &item : history->page().items)
        QCOMPARE(item.serviceId, 3);

    const auto stats = await(api.stats());
    QVERIFY2(stats->status().isOk(), qPrintable(stats->status().toString()));
    QVERIFY(stats->report().totals.issued >= 1);
    QCOMPARE(stats->report().perService.size() > 0, true);

    const auto users = await(api.callJson("GET", QStringLiteral("/api/users")));
    QVERIFY2(users->status().isOk(), qPrintable(users->status().toString()));
    QVERIFY(users->json().toJson().contains("operator1"));

    const QString refresh = api.refreshToken();
    const auto logout = await(api.logout());
    QVERIFY(!api.isLoggedIn()); // at once, not only when the server answered
    QCOMPARE(logout->httpStatus(), 204);
    QCOMPARE(m_http
                 ->post(QStringLiteral("/api/auth/refresh"),
                        {{QStringLiteral("refresh_token"), refresh}})
                 .status,
             401);
}

void TestQueueClient::jobsReportExactlyOnceAndLater()
{
    const auto api = signedIn(QStringLiteral("operator1"), QStringLiteral("operator123"));
    QVERIFY(api->isLoggedIn());

    // Neither signal fires inside the call that starts the job, even for a job failing at once.
    ApiClient nobody(m_server->baseUrl());
    HistoryJob *unsigned_ = nobody.history({});
    QSignalSpy unsignedFailed(unsigned_, &ApiJob::failed);
    QCOMPARE(unsignedFailed.count(), 0);
    auto owned = await(unsigned_);
    QCOMPARE(unsignedFailed.count(), 1);
    QCOMPARE(owned->status().code, Status::NotSignedIn);

    QList<QPointer<ApiJob>> jobs;
    QList<std::shared_ptr<QSignalSpy>> successes, failures;
    for (int i = 0; i < 5; ++i) {
        ApiJob *job = i % 2 ? static_cast<ApiJob *>(api->getQueues()) : api->listCounters();
        jobs.append(job);
        successes.append(std::make_shared<QSignalSpy>(job, &ApiJob::succeeded));
        failures.append(std::make_shared<QSignalSpy>(job, &ApiJob::failed));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(jobs.cbegin(), jobs.cend(), [](const auto &j) { return !j; }),
        10000); // each deleted itself after reporting
    for (int i = 0; i < jobs.size(); ++i) {
        QCOMPARE(successes[i]->count(), 1);
        QCOMPARE(failures[i]->count(), 0);
    }

    // cancel(): one failure with "cancelled", later; abandon(): silence.
    ApiJob *cancelled = api->getQueues();
    QSignalSpy cancelledFailed(cancelled, &ApiJob::failed);
    QSignalSpy cancelledSucceeded(cancelled, &ApiJob::succeeded);
    cancelled->cancel();
    QCOMPARE(cancelledFailed.count(), 0);
    QVERIFY(cancelledFailed.wait(5000));
    QCOMPARE(cancelledFailed.at(0).at(0).value<Status>().code, Status::Cancelled);
    QPointer<ApiJob> abandoned = api->getQueues();
    QSignalSpy abandonedFinished(abandoned.data(), &ApiJob::finished);
    QTest::qWait(1); // let it start: abandon a request that is on the wire
    abandoned->abandon();
    QTRY_VERIFY(!abandoned);
    QTest::qWait(300);
    QCOMPARE(abandonedFinished.count(), 0);
    QCOMPARE(cancelledSucceeded.count(), 0);
    QCOMPARE(cancelledFailed.count(), 1);
}

void TestQueueClient::serverErrorsBecomeStatus()
{
    const auto api = signedIn(QStringLiteral("operator1"), QStringLiteral("operator123"));

    const auto invalid = await(api->createToken(NewToken{0, {}, {}, 12}));
    QCOMPARE(invalid->status().httpStatus, 400);
    QCOMPARE(invalid->status().code, QStringLiteral("validation_failed"));
    QVERIFY2(!invalid->status().fieldError(QStringLiteral("priority")).isEmpty(),
             qPrintable(QJsonDocument(invalid->status().fieldErrors()).toJson()));

    const auto notOpen = await(api->counterAction(1, CounterAction::Call));
    QCOMPARE(notOpen->status().httpStatus, 409);
    QCOMPARE(notOpen->status().code, QStringLiteral("counter_not_open"));
    QVERIFY(!notOpen->status().message.isEmpty());
    QVERIFY(!notOpen->hasToken());

    const auto missing = await(api->getToken(987654));
    QCOMPARE(missing->status().httpStatus, 404);
    QCOMPARE(missing->status().code, QStringLiteral("not_found"));

    const auto kiosk = signedIn(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    const auto forbidden = await(kiosk->stats());
    QCOMPARE(forbidden->status().httpStatus, 403);
    QCOMPARE(forbidden->status().code, QStringLiteral("forbidden"));

    const auto wrongPassword = await(api->login(QStringLiteral("admin"), QStringLiteral("nope")));
    QCOMPARE(wrongPassword->status().httpStatus, 401);
    QVERIFY(api->isLoggedIn()); // a failed login leaves the current session alone
}

void TestQueueClient::unauthorizedRefreshesOnceAndRetries()
{
    const auto api = signedIn(QStringLiteral("admin"), QStringLiteral("admin123"));
    const QString oldRefresh = api->refreshToken();
    const QString bad = corrupted(api->accessToken());
    api->setSession(bad, oldRefresh);
    QSignalSpy tokenChanged(api.get(), &ApiClient::accessTokenChanged);
    QSignalSpy expired(api.get(), &ApiClient::sessionExpired);

    // Three calls meet 401 together: one refresh, then each is sent again and succeeds.
    std::vector<std::unique_ptr<HistoryJob>> jobs;
    std::vector<HistoryJob *> started{api->history({}), api->history({}), api->history({})};
    for (HistoryJob *job : started)
        job->setAutoDelete(false);
    for (HistoryJob *job : started) {
        jobs.emplace_back(job);
        if (!job->isFinished())
            QSignalSpy(job, &ApiJob::finished).wait(10000);
    }
    for (const auto &job : jobs)
        QVERIFY2(job->status().isOk(), qPrintable(job->status().toString()));
    QCOMPARE(tokenChanged.count(), 1);
    QCOMPARE(expired.count(), 0);
    QVERIFY(api->accessToken() != bad);
    QVERIFY(api->refreshToken() != oldRefresh); // rotated
    QCOMPARE(m_http->get(QStringLiteral("/api/auth/me"), api->accessToken()).status, 200);

    // Refresh before "exp": a token minted to expire in 8 s is replaced within a few seconds.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray shortLived = Jwt::sign({{QStringLiteral("sub"), QStringLiteral("1")},
                                             {QStringLiteral("role"), QStringLiteral("admin")},
                                             {QStringLiteral("name"), QStringLiteral("admin")},
                                             {QStringLiteral("iss"), QStringLiteral("nextup")},
                                             {QStringLiteral("aud"), QStringLiteral("nextup-api")},
                                             {QStringLiteral("iat"), now - 2},
                                             {QStringLiteral("exp"), now + 8}},
                                            ServerProcess::testJwtSecret());
    api->setSession(QString::fromLatin1(shortLived), api->refreshToken());
    tokenChanged.clear();
    QVERIFY(tokenChanged.wait(8000));
    QVERIFY(api->accessToken() != QString::fromLatin1(shortLived));
    QVERIFY(QDateTime::currentDateTimeUtc().secsTo(api->accessTokenExpiry()) > 800);
}

void TestQueueClient::refusedRefreshExpiresSession()
{
    const auto api = signedIn(QStringLiteral("operator2"), QStringLiteral("operator123"));
    // Someone else spends the refresh token (a stolen copy): the client's copy is now reused.
    QCOMPARE(m_http
                 ->post(QStringLiteral("/api/auth/refresh"),
                        {{QStringLiteral("refresh_token"), api->refreshToken()}})
                 .status,
             200);
    api->setSession(corrupted(api->accessToken()), api->refreshToken());
    QSignalSpy expired(api.get(), &ApiClient::sessionExpired);
    const auto job = await(api->history({}));
    QCOMPARE(job->status().httpStatus, 401);
    QCOMPARE(job->status().code, QStringLiteral("unauthorized"));
    QCOMPARE(expired.count(), 1);
    QVERIFY(!api->isLoggedIn());
    // Without a session, a call that needs one fails without asking the server.
    QCOMPARE(await(api->history({}))->status().code, Status::NotSignedIn);
    QCOMPARE(expired.count(), 1);
}

void TestQueueClient::networkErrorAndTimeout()
{
    ApiClient nowhere(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(TestSupport::freeTcpPort())));
    const auto refused = await(nowhere.listServices());
    QCOMPARE(refused->status().code, Status::NetworkError);
    QCOMPARE(refused->status().httpStatus, 0);
    QVERIFY(!refused->status().message.isEmpty());

    ApiClient api(m_server->baseUrl());
    api.setDefaultTimeout(400);
    {
        const Frozen frozen(m_server->processId());
        QElapsedTimer clock;
        clock.start();
        const auto hung = await(api.listServices());
        QCOMPARE(hung->status().code, Status::Timeout);
        QVERIFY2(clock.elapsed() >= 350 && clock.elapsed() < 3000,
                 qPrintable(QString::number(clock.elapsed())));
    }
    api.setDefaultTimeout(10000);
    QVERIFY(await(api.listServices())->status().isOk()); // and it is back
}
