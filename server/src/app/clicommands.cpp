#include "app/clicommands.h"

#include <cstdio>

#include <unistd.h>

#include <QTcpSocket>
#include <QTextStream>

#include "app/config.h"
#include "auth/securerandom.h"
#include "domain/adminaccount.h"
#include "domain/demoseed.h"
#include "store/database.h"
#include "store/migrator.h"

namespace Nextup {

namespace {
constexpr int kHealthTimeoutMs = 5000;

int migrate(Database &db, const Config &config)
{
    auto applied = Migrator(db, config.sqlDir).migrate();
    if (!applied.ok()) {
        qCritical("migrate failed: %s", qPrintable(applied.error().message));
        return 1;
    }
    qInfo("migrate: %lld migration(s) applied%s", qint64(applied->size()),
          applied->isEmpty() ? " (schema up to date)" : "");
    for (const QString &name : *applied)
        qInfo("  %s", qPrintable(name));
    return 0;
}

int seedDemo(Database &db, const Config &config)
{
    auto seeded = Seeder(db, config.sqlDir).seed();
    if (!seeded.ok()) {
        qCritical("seed failed: %s", qPrintable(seeded.error().message));
        return 1;
    }
    qInfo(*seeded ? "seed: demo data loaded" : "seed: database already has users; nothing changed");
    return 0;
}

// One line of standard input, without its line end (a password may hold spaces).
QString passwordFromStdin()
{
    QTextStream in(stdin);
    return in.readLine();
}

int createAdmin(Database &db, const Config &config)
{
    const bool generated = !config.passwordFromStdin;
    // 18 random bytes: 24 characters of base64url, well inside the 8 to 128 that logins accept.
    const QString password =
        generated ? QString::fromLatin1(SecureRandom::token(18)) : passwordFromStdin();
    auto created = AdminAccount::create(db, config.adminUsername, password);
    if (!created.ok()) {
        QString message = created.error().message;
        const QJsonObject details = created.error().details.toObject();
        for (auto it = details.begin(); it != details.end(); ++it)
            message += QStringLiteral(" %1: %2").arg(it.key(), it.value().toString());
        qCritical("create-admin failed: %s", qPrintable(message));
        return 1;
    }
    if (*created == AdminAccount::Outcome::AlreadyExists) {
        qInfo("create-admin: a user named %s already exists; nothing changed",
              qPrintable(config.adminUsername));
        return 0;
    }
    qInfo("create-admin: admin %s created", qPrintable(config.adminUsername));
    if (generated) {
        // Printed once, on standard output only (never to the log): the caller keeps it.
        std::printf("password: %s\n", qPrintable(password));
        std::fflush(stdout);
    }
    return 0;
}

// GET /readyz on the local server: the container engine's health check, without curl in the
// image.
int healthcheck(const Config &config)
{
    QTcpSocket socket;
    const bool anyAddress = config.bindAddress == QHostAddress::Any ||
                            config.bindAddress == QHostAddress::AnyIPv4 ||
                            config.bindAddress == QHostAddress::AnyIPv6;
    socket.connectToHost(anyAddress ? QHostAddress(QHostAddress::LocalHost) : config.bindAddress,
                         config.port);
    if (!socket.waitForConnected(kHealthTimeoutMs)) {
        std::fprintf(stderr, "healthcheck: nothing answers on port %u: %s\n", unsigned(config.port),
                     qPrintable(socket.errorString()));
        return 1;
    }
    socket.write("GET /readyz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (!answer.contains('\n') && socket.waitForReadyRead(kHealthTimeoutMs))
        answer += socket.readAll();
    const QByteArray statusLine = answer.left(answer.indexOf('\r'));
    if (!statusLine.startsWith("HTTP/1.1 200")) {
        std::fprintf(stderr, "healthcheck: not ready (%s)\n",
                     statusLine.isEmpty() ? "no answer" : statusLine.constData());
        return 1;
    }
    std::printf("healthcheck: ready\n");
    return 0;
}
} // namespace

int CliCommands::run(const Config &config)
{
    if (config.command == u"healthcheck")
        return healthcheck(config);
    Database db(config.database, QStringLiteral("nextup-cli"));
    if (config.command == u"migrate")
        return migrate(db, config);
    if (config.command == u"seed")
        return seedDemo(db, config);
    return createAdmin(db, config);
}

} // namespace Nextup
