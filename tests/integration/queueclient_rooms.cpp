// QueueClient and rooms: a token room needs that token's secret or a staff access token (which the
// client refreshes when the server refuses it); every other room is public.

#include <QTest>

#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/tokenjobs.h"
#include "queueclienttest.h"

using namespace Nextup;
using namespace QueueClientTest;

void TestQueueClient::roomsNeedAuthOrSecret()
{
    ApiClient anonymous(m_server->baseUrl());
    const auto created = await(anonymous.createToken(NewToken{2, {}, {}, std::nullopt}));
    QVERIFY2(created->status().isOk(), qPrintable(created->status().toString()));
    const CreatedToken token = created->token();
    const QString room = QStringLiteral("token:%1").arg(token.tokenId);

    // Without a secret, a token room is staff's only.
    auto staffRoom = std::make_unique<QueueClient>(&anonymous);
    QSignalSpy refused(staffRoom.get(), &QueueClient::errorFrame);
    staffRoom->setTiming(fastTiming());
    staffRoom->setRooms({room, QStringLiteral("counter:1")});
    staffRoom->start();
    QVERIFY(refused.wait(kConverge));
    QCOMPARE(refused.at(0).at(0).toString(), QStringLiteral("forbidden"));
    QCOMPARE(refused.at(0).at(2).toString(), room);
    QTest::qWait(200);
    QCOMPARE(refused.count(), 1); // the counter room is public
    staffRoom.reset();

    const auto op = signedIn(QStringLiteral("operator1"), QStringLiteral("operator123"));
    QueueClient staff(op.get());
    QSignalSpy staffErrors(&staff, &QueueClient::errorFrame);
    QSignalSpy authenticated(&staff, &QueueClient::authenticated);
    staff.setTiming(fastTiming());
    staff.setRooms({room});
    QSignalSpy staffResynced(&staff, &QueueClient::resynced);
    staff.start();
    QVERIFY(staffResynced.wait(kConverge)); // after "subscribed", so any refusal came first
    QCOMPARE(authenticated.count(), 1);
    QCOMPARE(authenticated.at(0).at(0).toString(), QStringLiteral("operator"));
    QCOMPARE(staffErrors.count(), 0);
    // Signing out reconnects as nobody: the token room is refused from then on.
    op->logout();
    QVERIFY(staffErrors.wait(kConverge));
    QCOMPARE(staffErrors.at(0).at(0).toString(), QStringLiteral("forbidden"));
    QCOMPARE(authenticated.count(), 1);

    // A customer follows their own token with its secret; a wrong secret is refused.
    QueueClient intruder(&anonymous);
    QSignalSpy intruderErrors(&intruder, &QueueClient::errorFrame);
    intruder.setTokenSecret(QStringLiteral("not-the-secret"));
    intruder.setRooms({room});
    intruder.start();
    QVERIFY(intruderErrors.wait(kConverge));
    QCOMPARE(intruderErrors.at(0).at(0).toString(), QStringLiteral("forbidden"));
    QCOMPARE(intruderErrors.at(0).at(2).toString(), room);

    QueueClient customer(&anonymous);
    QSignalSpy customerErrors(&customer, &QueueClient::errorFrame);
    QSignalSpy customerEvents(&customer, &QueueClient::eventReceived);
    customer.setTokenSecret(token.secret);
    customer.setRooms({room});
    QSignalSpy customerResynced(&customer, &QueueClient::resynced);
    customer.start();
    QVERIFY(customerResynced.wait(kConverge));
    const auto cancelled = await(anonymous.callApi<CancelTokenJob>(token.tokenId, token.secret));
    QVERIFY2(cancelled->status().isOk(), qPrintable(cancelled->status().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(namesOf(customerEvents).contains(QStringLiteral("token_cancelled")),
                             kConverge);
    QCOMPARE(customerEvents.last().at(1).toJsonObject().value(u"id").toInteger(), token.tokenId);
    QCOMPARE(customerErrors.count(), 0);
    QVERIFY(intruderErrors.count() == 1);
}

void TestQueueClient::rejectedTokenIsRefreshedForTheSocket()
{
    // The socket meets an access token the server refuses (expired while the app slept): the
    // client refreshes the session once and authenticates again, and the token room (staff's
    // without a secret) opens.
    ApiClient anonymous(m_server->baseUrl());
    const auto created = await(anonymous.createToken(NewToken{1, {}, {}, std::nullopt}));
    QVERIFY2(created->status().isOk(), qPrintable(created->status().toString()));
    const QString room = QStringLiteral("token:%1").arg(created->token().tokenId);
    const auto api = signedIn(QStringLiteral("operator1"), QStringLiteral("operator123"));
    const QString bad = corrupted(api->accessToken());
    api->setSession(bad, api->refreshToken());
    QueueClient client(api.get());
    QSignalSpy errors(&client, &QueueClient::errorFrame);
    QSignalSpy authenticated(&client, &QueueClient::authenticated);
    client.setTiming(fastTiming());
    client.setRooms({room});
    client.start();
    QVERIFY(authenticated.wait(kConverge));
    QCOMPARE(authenticated.at(0).at(0).toString(), QStringLiteral("operator"));
    QVERIFY(api->accessToken() != bad);
    QVERIFY(errors.count() >= 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("unauthorized"));
    // Refused as anonymous first, then joined: no refusal once joined. (The refusal of the
    // subscription sent before the new token may still be on its way when authenticated fires,
    // on a busy machine: count from when the room is live.)
    QTRY_VERIFY_WITH_TIMEOUT(!client.isStale(), kConverge);
    const qsizetype refusals = errors.count();
    QVERIFY(refusals <= 2); // unauthorized, and at most the room's forbidden
    QTest::qWait(200);
    QCOMPARE(errors.count(), refusals);
}
