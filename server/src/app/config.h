#pragma once

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QStringList>

#include "core/apierror.h"
#include "http/httpserver.h"
#include "queue/redisconnection.h"
#include "realtime/hublimits.h"
#include "store/database.h"

namespace Nextup {

// Everything the server is told from outside. Precedence: command line > environment > INI file
// (--config) > defaults. The environment names are the seed's: PORT, DATABASE_URL, REDIS_URL,
// JWT_SECRET. Every environment name may also be given as NAME_FILE, the path of a file that holds
// the value (container secrets); the file's trailing newline is not part of the value.
struct Config
{
    QString command =
        QStringLiteral("serve");    // serve | migrate | seed | create-admin | healthcheck
    QString adminUsername;          // create-admin --username
    bool passwordFromStdin = false; // create-admin --password-stdin
    bool demo = false;              // seed --demo: the demo data is loaded only when asked by name
    QHostAddress bindAddress = QHostAddress::Any;
    quint16 port = 8080;
    DatabaseEndpoint database;
    RedisEndpoint redis;
    QByteArray jwtSecret;
    bool dev = false;
    int workers = 4;
    // argon2id hashes at once (PasswordHasher::setConcurrency): 19 MiB each, so logins failing
    // from many addresses at once cost at most this many times that, whatever `workers` is.
    int hashConcurrency = 2;
    HttpLimits limits;
    HubLimits hubLimits; // WS_HEARTBEAT_MS, WS_DEAD_AFTER_MS (short values let tests see drops)
    QByteArray corsOrigin;
    bool trustProxy = false; // honour X-Forwarded-For (only behind our nginx)
    QString sqlDir;
    QString redisPrefix = QStringLiteral("nx:");
    int accessTokenSeconds = 900;
    int refreshTokenDays = 30;
    // Anonymous (and `user`) token creation per client address: a branch's guest Wi-Fi puts
    // many customers behind one address, so generous, but a script still stops at 2 a second.
    int tokenRateLimitPerMinute = 120;
    int authRateLimitPerMinute = 20;  // failed logins and registrations per client address
    int appointmentSweepSeconds = 60; // how often booked tokens past their window expire
    int deviceOfflineSeconds = 90;    // a lobby device silent this long is offline

    static Result<Config> load(const QStringList &arguments, const QProcessEnvironment &env);
    static QString usage();
};

} // namespace Nextup
