#include <QSemaphore>
#include <QSet>
#include <QTest>
#include <QThread>

#include "app/workerpool.h"

#include <atomic>

// WorkerPool's scheduling, without Postgres or Redis (a job that does not touch its context's
// connections never opens them): every job runs, waitForDone and the destructor wait for all,
// and an idle pool hands a job to the thread that became idle last.
class TestWorkerPool : public QObject
{
    Q_OBJECT

private slots:
    void everyJobRuns_data();
    void everyJobRuns();
    void quietTrafficStaysOnOneThread();
    void destructorFinishesQueuedJobs();

private:
    // Never dialled: no job here uses its connections.
    static DatabaseEndpoint nowhere() { return DatabaseEndpoint{}; }
    static RedisEndpoint nowhereRedis() { return RedisEndpoint{}; }
};

void TestWorkerPool::everyJobRuns_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("jobs");
    QTest::newRow("one thread") << 1 << 50;
    QTest::newRow("fewer jobs than threads") << 8 << 3;
    QTest::newRow("many more jobs than threads") << 3 << 500;
}

void TestWorkerPool::everyJobRuns()
{
    QFETCH(int, threads);
    QFETCH(int, jobs);
    WorkerPool pool(nowhere(), nowhereRedis(), threads);
    std::atomic_int ran{0};
    std::atomic_int running{0};
    std::atomic_int mostAtOnce{0};
    QMutex mutex;
    QSet<QThread *> seen;
    for (int i = 0; i < jobs; ++i) {
        pool.post([&](WorkerContext &) {
            const int now = ++running;
            int most = mostAtOnce.load();
            while (now > most && !mostAtOnce.compare_exchange_weak(most, now)) {
            }
            QThread::usleep(200);
            {
                QMutexLocker lock(&mutex);
                seen.insert(QThread::currentThread());
            }
            --running;
            ++ran;
        });
    }
    pool.waitForDone();
    QCOMPARE(ran.load(), jobs);
    QVERIFY(mostAtOnce.load() <= threads);
    QVERIFY(seen.size() <= threads);
    QVERIFY(!seen.contains(QThread::currentThread()));
}

void TestWorkerPool::quietTrafficStaysOnOneThread()
{
    const int threads = 4;
    WorkerPool pool(nowhere(), nowhereRedis(), threads);
    // Start every thread: four jobs that wait for each other.
    QSemaphore started;
    QSemaphore release;
    for (int i = 0; i < threads; ++i) {
        pool.post([&](WorkerContext &) {
            started.release();
            release.acquire();
        });
    }
    QVERIFY(started.tryAcquire(threads, 5000));
    release.release(threads);
    pool.waitForDone();
    // Then one job at a time, as at the pace of real counters: each goes to the thread that
    // became idle last, which is the one that ran the job before it.
    QList<QThread *> ranOn;
    for (int i = 0; i < 20; ++i) {
        QThread *thread = nullptr;
        pool.post([&thread](WorkerContext &) { thread = QThread::currentThread(); });
        pool.waitForDone();
        ranOn.append(thread);
    }
    QCOMPARE(QSet<QThread *>(ranOn.cbegin(), ranOn.cend()).size(), 1);
}

void TestWorkerPool::destructorFinishesQueuedJobs()
{
    std::atomic_int ran{0};
    {
        WorkerPool pool(nowhere(), nowhereRedis(), 2);
        for (int i = 0; i < 40; ++i) {
            pool.post([&ran](WorkerContext &) {
                QThread::usleep(500);
                ++ran;
            });
        }
    }
    QCOMPARE(ran.load(), 40);
}

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
