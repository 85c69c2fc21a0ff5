// QueueClient under concurrent traffic: tokens issued and called at several counters at once, with
// the server's coalesced queue_update events racing the token events. When the traffic stops, the
// client's copy must equal GET /api/queues, counts included.

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

#include <QDeadlineTimer>
#include <QTest>

#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/queuejobs.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/client/tokentypes.h"
#include "queueclienttest.h"

using namespace Nextup;
using namespace QueueClientTest;

namespace {
// Runs `step` again each time the job it started finishes, until the deadline: one chain is one
// client that waits for its answer before sending the next request.
class Chain
{
public:
    using Step = std::function<ApiJob *(int round)>;
    Chain(Step step, const QDeadlineTimer &deadline) : m_step(std::move(step)), m_deadline(deadline)
    {
        next();
    }
    bool isRunning() const { return m_running; }
    int rounds() const { return m_round; }

private:
    void next()
    {
        if (m_deadline.hasExpired()) {
            m_running = false;
            return;
        }
        ApiJob *job = m_step(m_round++);
        QObject::connect(job, &ApiJob::finished, job, [this] { next(); });
    }

    Step m_step;
    QDeadlineTimer m_deadline;
    int m_round = 0;
    bool m_running = true;
};
} // namespace

void TestQueueClient::countsConvergeUnderConcurrentTraffic()
{
    const auto api = signedIn(QStringLiteral("admin"), QStringLiteral("admin123"));
    QVERIFY(api->isLoggedIn());
    const auto client = startedClient(api.get(), {QStringLiteral("global")});
    QVERIFY(!client->isStale());
    for (int counter = 1; counter <= 3; ++counter) {
        const auto opened = await(api->counterAction(counter, CounterAction::Open));
        QVERIFY2(opened->status().isOk(), qPrintable(opened->status().toString()));
    }

    // Rounds of four customers taking tokens and three counters calling and skipping them: many
    // queue_update flushes fall between a change in Redis and the publish of its event. After
    // each round the client must agree with the server once the traffic stops, whatever moment
    // the last change and the last flush met.
    int requests = 0;
    for (int round = 0; round < 4; ++round) {
        const QDeadlineTimer deadline(400 + 150 * round);
        std::vector<std::unique_ptr<Chain>> chains;
        for (int customer = 0; customer < 4; ++customer) {
            chains.push_back(std::make_unique<Chain>(
                [&api, customer](int step) -> ApiJob * {
                    NewToken token;
                    token.serviceId = 1 + (customer + step) % 3;
                    return api->createToken(token);
                },
                deadline));
        }
        for (int counter = 1; counter <= 3; ++counter) {
            chains.push_back(std::make_unique<Chain>(
                [&api, counter](int step) -> ApiJob * {
                    return api->counterAction(counter, step % 2 == 0 ? CounterAction::Call
                                                                     : CounterAction::Skip);
                },
                deadline));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::none_of(chains.begin(), chains.end(),
                                              [](const auto &chain) { return chain->isRunning(); }),
                                 30'000);
        for (const auto &chain : chains)
            requests += chain->rounds();
        QTRY_COMPARE_WITH_TIMEOUT(differences(client->state(), serverQueues()), QString(),
                                  kConverge);
        // And it stays equal: nothing still in flight corrects it later by chance.
        QTest::qWait(700);
        QCOMPARE(differences(client->state(), serverQueues()), QString());
    }
    qInfo("%d requests", requests);
    QVERIFY(requests > 100);

    // The tests after this one expect no token at the counters.
    for (int counter = 1; counter <= 3; ++counter)
        await(api->counterAction(counter, CounterAction::Skip));
    QTRY_COMPARE_WITH_TIMEOUT(differences(client->state(), serverQueues()), QString(), kConverge);
}
