#pragma once

#include <memory>
#include <optional>

#include <QString>
#include <QtGlobal>

#include "processhelpers.h"

class QProcess;
class QTemporaryDir;

// A private PostgreSQL 15 and Redis for one test executable, under a fresh folder in /tmp, on free
// ports of 127.0.0.1. Both run as children of the test process and die with it, so even a crashed
// or timed-out test leaves nothing running. As root, Postgres runs as the `postgres` user.
//
//     TestServices services;
//     QVERIFY(services.start());
//     QVERIFY(services.createDatabase("t_queue"));
//     ServerProcess server(services.postgresUrl("t_queue"), services.redisUrl());
class TestServices final
{
    Q_DISABLE_COPY_MOVE(TestServices)

public:
    TestServices();
    ~TestServices(); // stops both and removes the folder

    // Creates the cluster (a copy of a cached initdb, see clustertemplate.h) and starts Postgres
    // and Redis: about 0.5 s, 2 s the first time. false + qWarning on failure.
    bool start();

    // postgres://postgres@127.0.0.1:PORT/<database> (trust authentication on loopback).
    QString postgresUrl(const QString &database) const;
    bool createDatabase(const QString &name);
    int postgresPort() const { return m_pgPort; }
    // Fast shutdown (clients are disconnected) and a start on the same port: for fault tests.
    bool stopPostgres();
    bool startPostgres();
    bool isPostgresRunning() const;

    // redis://127.0.0.1:PORT/0
    QString redisUrl() const;
    int redisPort() const { return m_redisPort; }
    // Redis loses everything on stop (no persistence); startRedis() uses the same port again.
    bool stopRedis();
    bool startRedis();
    bool flushRedis();
    bool isRedisRunning() const;

    // The folder holding the cluster, the sockets and both logs.
    QString path() const;

private:
    bool prepareFolder();
    bool initCluster();
    bool firstPostgresStart();
    QString dataDir() const;
    bool launchPostgres();
    bool waitPostgresReady();
    bool launchRedis();
    QString postgresLog() const;
    QString redisLog() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_postgres;
    std::unique_ptr<QProcess> m_redis;
    std::optional<TestSupport::SystemUser> m_postgresUser; // set when running as root
    int m_pgPort = 0;
    int m_redisPort = 0;
    int m_connectionCounter = 0;
    bool m_clusterFromTemplate = false;
};
