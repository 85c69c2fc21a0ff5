#include "app/config.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSettings>

namespace Nextup {

namespace {
struct Option
{
    const char *cli; // command-line name
    const char *env; // environment name
    const char *ini; // INI key
    const char *help;
};

// One table drives all three sources, so a setting cannot be forgotten in one of them.
const Option kOptions[] = {
    {"port", "PORT", "server/port", "TCP port to listen on (default 8080)."},
    {"bind", "BIND_ADDRESS", "server/bind", "Address to listen on (default any)."},
    {"database-url", "DATABASE_URL", "database/url", "postgres://user:pass@host:port/db"},
    {"database-password", "DATABASE_PASSWORD", "database/password",
     "Postgres password; replaces the one in DATABASE_URL (e.g. from a secret file)."},
    {"redis-url", "REDIS_URL", "redis/url", "redis://host:port[/db]"},
    {"redis-prefix", "REDIS_PREFIX", "redis/prefix", "Key prefix in Redis (default nx:)."},
    {"jwt-secret", "JWT_SECRET", "auth/jwt_secret", "HS256 secret, at least 32 bytes."},
    {"workers", "WORKERS", "server/workers", "Worker threads for Postgres/Redis work (default 4)."},
    {"hash-concurrency", "HASH_CONCURRENCY", "auth/hash_concurrency",
     "Password hashes (argon2id, 19 MiB each) computed at once, whatever WORKERS is (default 2)."},
    {"max-body", "MAX_BODY_BYTES", "limits/max_body_bytes",
     "Largest request body (default 65536)."},
    {"idle-timeout", "IDLE_TIMEOUT_MS", "limits/idle_timeout_ms", "Idle connection timeout."},
    {"header-timeout", "HEADER_TIMEOUT_MS", "limits/header_timeout_ms",
     "Time allowed for a request's line and headers (default 10000)."},
    {"cors-origin", "CORS_ORIGIN", "server/cors_origin", "Allowed cross-origin caller."},
    {"trust-proxy", "TRUST_PROXY", "server/trust_proxy", "Honour X-Forwarded-For (true/false)."},
    {"sql-dir", "NEXTUP_SQL_DIR", "database/sql_dir", "Folder with migrations and seed."},
    {"token-rate", "TOKEN_RATE_PER_MINUTE", "limits/token_rate_per_minute",
     "Token creations per address per minute, anonymous and `user` callers (default 120)."},
    {"auth-rate", "AUTH_RATE_PER_MINUTE", "limits/auth_rate_per_minute",
     "Failed logins and registrations per address per minute (default 20)."},
    {"ws-heartbeat", "WS_HEARTBEAT_MS", "realtime/heartbeat_ms",
     "WebSocket ping interval (default 15000)."},
    {"ws-dead-after", "WS_DEAD_AFTER_MS", "realtime/dead_after_ms",
     "Drop a WebSocket client silent for this long (default 45000; above the ping interval)."},
    {"appointment-sweep", "APPOINTMENT_SWEEP_SECONDS", "appointments/sweep_seconds",
     "How often booked tokens past their check-in window become no-shows (default 60)."},
    {"device-offline", "DEVICE_OFFLINE_SECONDS", "devices/offline_seconds",
     "A lobby device silent this long is offline (default 90; devices report every 30)."},
};

const QStringList kCommands = {QStringLiteral("serve"), QStringLiteral("migrate"),
                               QStringLiteral("seed"), QStringLiteral("create-admin"),
                               QStringLiteral("healthcheck")};

// NAME_FILE names a file that holds NAME's value (Docker and systemd credentials). A missing or
// unreadable file is an error, not an empty value, so a typo cannot start a server without its
// secret.
Result<std::optional<QString>> fromEnvironment(const QProcessEnvironment &env, const QString &name)
{
    const QString fileVariable = name + QStringLiteral("_FILE");
    if (env.contains(name))
        return std::optional<QString>(env.value(name));
    if (!env.contains(fileVariable))
        return std::optional<QString>();
    QFile file(env.value(fileVariable));
    if (!file.open(QIODevice::ReadOnly))
        return ApiError::badRequest(QStringLiteral("%1 names %2, which cannot be read.")
                                        .arg(fileVariable, file.fileName()));
    QString text = QString::fromUtf8(file.readAll());
    while (text.endsWith(u'\n') || text.endsWith(u'\r'))
        text.chop(1);
    return std::optional<QString>(text);
}

bool toBool(const QString &value)
{
    return value == u"1" || value.compare(u"true", Qt::CaseInsensitive) == 0 ||
           value.compare(u"yes", Qt::CaseInsensitive) == 0;
}
} // namespace

QString Config::usage()
{
    QString text = QStringLiteral(
        "Usage: nextup-server [serve|migrate|seed|create-admin|healthcheck] [options]\n"
        "  serve         run the HTTP/WebSocket server (default)\n"
        "  migrate       apply pending SQL migrations and exit\n"
        "  seed --demo   load the demo data (published passwords: demos only) into an empty "
        "database\n"
        "  create-admin --username NAME [--password-stdin]\n"
        "                add an admin account; the password is read from one line of standard "
        "input\n"
        "                with --password-stdin, otherwise generated and printed once\n"
        "  healthcheck   exit 0 when the server on PORT answers /readyz (for container health "
        "checks)\n"
        "\nOptions:\n"
        "  --config FILE  INI file\n  --dev  development mode (allows a short or missing JWT "
        "secret)\n"
        "  --version  print the version\n");
    for (const Option &option : kOptions)
        text += QStringLiteral("  --%1  [%2] %3\n")
                    .arg(QLatin1String(option.cli), QLatin1String(option.env),
                         QLatin1String(option.help));
    text += QStringLiteral(
        "Every [NAME] may instead be given as NAME_FILE, the path of a file holding the value.\n");
    return text;
}

Result<Config> Config::load(const QStringList &arguments, const QProcessEnvironment &env)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("config"), QStringLiteral("INI file."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("dev"), QStringLiteral("Development mode.")});
    parser.addOption({QStringLiteral("demo"), QStringLiteral("seed: load the demo data.")});
    parser.addOption({QStringLiteral("username"),
                      QStringLiteral("create-admin: the account's name."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("password-stdin"),
                      QStringLiteral("create-admin: read the password from standard input.")});
    for (const Option &option : kOptions)
        parser.addOption(
            {QLatin1String(option.cli), QLatin1String(option.help), QStringLiteral("value")});
    parser.addPositionalArgument(QStringLiteral("command"), kCommands.join(QStringLiteral(" | ")));
    if (!parser.parse(arguments))
        return ApiError::badRequest(parser.errorText());

    std::unique_ptr<QSettings> ini;
    if (parser.isSet(QStringLiteral("config"))) {
        const QString path = parser.value(QStringLiteral("config"));
        if (!QFileInfo::exists(path))
            return ApiError::badRequest(QStringLiteral("Config file %1 does not exist.").arg(path));
        ini = std::make_unique<QSettings>(path, QSettings::IniFormat);
    }
    // Read once, in table order, so that an unreadable NAME_FILE is reported before anything else.
    QHash<QByteArray, QString> values;
    QSet<QByteArray> setButEmpty;
    for (const Option &option : kOptions) {
        QString text;
        if (parser.isSet(QLatin1String(option.cli))) {
            text = parser.value(QLatin1String(option.cli));
        } else if (auto fromEnv = fromEnvironment(env, QLatin1String(option.env)); !fromEnv.ok()) {
            return fromEnv.error();
        } else if (fromEnv->has_value()) {
            text = **fromEnv;
            if (text.isEmpty())
                setButEmpty.insert(option.env);
        } else if (ini) {
            text = ini->value(QLatin1String(option.ini)).toString();
        }
        values.insert(option.cli, text);
    }
    auto value = [&](const char *cli) -> QString { return values.value(cli); };

    Config config;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        config.command = positional.first();
    if (!kCommands.contains(config.command))
        return ApiError::badRequest(
            QStringLiteral("Unknown command %1.\n%2").arg(config.command, usage()));
    config.dev = parser.isSet(QStringLiteral("dev"));
    config.demo = parser.isSet(QStringLiteral("demo"));
    config.adminUsername = parser.value(QStringLiteral("username"));
    config.passwordFromStdin = parser.isSet(QStringLiteral("password-stdin"));
    if (config.command == u"seed" && !config.demo)
        return ApiError::badRequest(QStringLiteral(
            "seed loads demo data with published passwords; run `seed --demo` to mean it, or "
            "`create-admin --username NAME` for a real installation's first admin."));
    if (config.command == u"create-admin" && config.adminUsername.isEmpty())
        return ApiError::badRequest(QStringLiteral("create-admin needs --username NAME."));
    // An installed env file lists these empty until the admin fills them in: say so instead of
    // quietly trying the defaults on this machine.
    for (const char *required : {"DATABASE_URL", "REDIS_URL"}) {
        if (setButEmpty.contains(required))
            return ApiError::badRequest(
                QStringLiteral(
                    "%1 is empty: set it (for the packaged service in /etc/nextup/nextup.env).")
                    .arg(QLatin1String(required)));
    }

    if (const QString port = value("port"); !port.isEmpty()) {
        bool ok = false;
        const uint parsed = port.toUInt(&ok);
        if (!ok || parsed > 65535)
            return ApiError::badRequest(QStringLiteral("PORT must be a number from 0 to 65535."));
        config.port = quint16(parsed);
    }
    if (const QString bind = value("bind"); !bind.isEmpty() && !config.bindAddress.setAddress(bind))
        return ApiError::badRequest(QStringLiteral("BIND_ADDRESS is not an IP address."));

    const QString databaseUrl = value("database-url");
    const auto database = DatabaseEndpoint::fromUrl(
        databaseUrl.isEmpty() ? QStringLiteral("postgres://nextup@127.0.0.1:5432/nextup")
                              : databaseUrl);
    if (!database)
        return ApiError::badRequest(
            QStringLiteral("DATABASE_URL must look like postgres://user:pass@host:port/db."));
    config.database = *database;
    if (const QString password = value("database-password"); !password.isEmpty())
        config.database.password = password;

    const QString redisUrl = value("redis-url");
    const auto redis = RedisEndpoint::parse(
        redisUrl.isEmpty() ? QStringLiteral("redis://127.0.0.1:6379/0") : redisUrl);
    if (!redis)
        return ApiError::badRequest(
            QStringLiteral("REDIS_URL must look like redis://host:port[/db]."));
    config.redis = *redis;
    if (const QString prefix = value("redis-prefix"); !prefix.isEmpty())
        config.redisPrefix = prefix;

    config.jwtSecret = value("jwt-secret").toUtf8();
    if (config.command == u"serve" && config.jwtSecret.size() < 32) {
        if (!config.dev)
            return ApiError::badRequest(QStringLiteral(
                "JWT_SECRET is missing or shorter than 32 bytes; set a long random secret "
                "(or pass --dev for a throwaway development secret)."));
        if (config.jwtSecret.isEmpty())
            config.jwtSecret =
                QByteArrayLiteral("nextup-development-secret-do-not-use-in-production");
    }

    auto positiveInt = [&](const char *cli, int fallback, int minimum) -> std::optional<int> {
        const QString text = value(cli);
        if (text.isEmpty())
            return fallback;
        bool ok = false;
        const int parsed = text.toInt(&ok);
        return ok && parsed >= minimum ? std::optional<int>(parsed) : std::nullopt;
    };
    const auto workers = positiveInt("workers", config.workers, 1);
    const auto hashes = positiveInt("hash-concurrency", config.hashConcurrency, 1);
    const auto maxBody = positiveInt("max-body", int(config.limits.maxBodyBytes), 1024);
    const auto idle = positiveInt("idle-timeout", config.limits.idleTimeoutMs, 1000);
    const auto headerTimeout = positiveInt("header-timeout", config.limits.headerTimeoutMs, 100);
    const auto tokenRate = positiveInt("token-rate", config.tokenRateLimitPerMinute, 1);
    const auto authRate = positiveInt("auth-rate", config.authRateLimitPerMinute, 1);
    const auto heartbeat = positiveInt("ws-heartbeat", config.hubLimits.heartbeatMs, 100);
    const auto deadAfter = positiveInt("ws-dead-after", config.hubLimits.deadAfterMs, 100);
    const auto sweep = positiveInt("appointment-sweep", config.appointmentSweepSeconds, 1);
    const auto deviceOffline = positiveInt("device-offline", config.deviceOfflineSeconds, 3);
    if (!workers || !hashes || !maxBody || !idle || !headerTimeout || !tokenRate || !authRate ||
        !heartbeat || !deadAfter || !sweep || !deviceOffline)
        return ApiError::badRequest(
            QStringLiteral("A numeric setting is invalid.\n%1").arg(usage()));
    // Pongs answer the previous ping, so a shorter limit would drop every healthy client.
    if (*deadAfter <= *heartbeat)
        return ApiError::badRequest(
            QStringLiteral("WS_DEAD_AFTER_MS must be above WS_HEARTBEAT_MS."));
    config.workers = *workers;
    config.hashConcurrency = *hashes;
    config.limits.maxBodyBytes = *maxBody;
    config.limits.idleTimeoutMs = *idle;
    config.limits.headerTimeoutMs = *headerTimeout;
    config.tokenRateLimitPerMinute = *tokenRate;
    config.authRateLimitPerMinute = *authRate;
    config.hubLimits.heartbeatMs = *heartbeat;
    config.hubLimits.deadAfterMs = *deadAfter;
    config.appointmentSweepSeconds = *sweep;
    config.deviceOfflineSeconds = *deviceOffline;

    config.corsOrigin = value("cors-origin").toUtf8();
    config.trustProxy = toBool(value("trust-proxy"));
    config.sqlDir = value("sql-dir");
    if (config.sqlDir.isEmpty()) {
        // <prefix>/share/nextup/sql beside an installed binary, always; the source tree's folder
        // only for a binary that has no installed folder beside it (one in the build tree).
        const QString installed = QCoreApplication::applicationDirPath() +
                                  QStringLiteral("/../" NEXTUP_INSTALL_DATADIR "/nextup/sql");
        config.sqlDir = QFileInfo::exists(installed) ? QFileInfo(installed).canonicalFilePath()
                                                     : QStringLiteral(NEXTUP_SOURCE_SQL_DIR);
    }
    return config;
}

} // namespace Nextup
