#include "seededserver.h"

#include "testservices.h"

std::unique_ptr<ServerProcess> startSeededServer(TestServices &services, const QString &database,
                                                 const QList<QPair<QString, QString>> &environment,
                                                 bool fixedPort)
{
    if (!services.createDatabase(database))
        return {};
    auto server =
        std::make_unique<ServerProcess>(services.postgresUrl(database), services.redisUrl());
    server->setEnvironmentValue(QStringLiteral("AUTH_RATE_PER_MINUTE"), QStringLiteral("100000"));
    server->setEnvironmentValue(QStringLiteral("TOKEN_RATE_PER_MINUTE"), QStringLiteral("100000"));
    for (const auto &[name, value] : environment)
        server->setEnvironmentValue(name, value);
    server->setFixedPort(fixedPort);
    if (!server->runSubcommand({QStringLiteral("migrate")}) ||
        !server->runSubcommand({QStringLiteral("seed"), QStringLiteral("--demo")}) ||
        !server->start())
        return {};
    return server;
}
