#include "app/application.h"

#include <atomic>

#include "api/apicontext.h"
#include "api/appointmentscontroller.h"
#include "api/authcontroller.h"
#include "api/branchescontroller.h"
#include "api/counterscontroller.h"
#include "api/devicescontroller.h"
#include "api/queuescontroller.h"
#include "api/routetable.h"
#include "api/servicescontroller.h"
#include "api/statscontroller.h"
#include "api/systemcontroller.h"
#include "api/tokenscontroller.h"
#include "api/userscontroller.h"
#include "app/periodicsweep.h"
#include "auth/accesstokens.h"
#include "auth/passwordhasher.h"
#include "core/metrics.h"
#include "domain/appointmentdesk.h"
#include "domain/deviceregistry.h"
#include "domain/etaestimator.h"
#include "domain/eventpublisher.h"
#include "http/httpserver.h"
#include "http/workerpool.h"
#include "queue/queueengine.h"
#include "queue/ratelimiter.h"
#include "realtime/eventsubscriber.h"
#include "realtime/queueupdates.h"
#include "realtime/websockethub.h"
#include "web/webcontroller.h"

namespace Nextup {

Application::Application(Config config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    PasswordHasher::setConcurrency(m_config.hashConcurrency);
    const QByteArray prefix = m_config.redisPrefix.toUtf8();
    m_pool = std::make_unique<WorkerPool>(m_config.database, m_config.redis, m_config.workers);
    m_engine = std::make_unique<QueueEngine>(prefix);
    m_eta = std::make_unique<EtaEstimator>();
    m_events = std::make_unique<EventPublisher>(*m_engine, prefix + "events");
    m_rateLimiter = std::make_unique<RateLimiter>(prefix);
    m_tokens = std::make_unique<AccessTokens>(m_config.jwtSecret, m_config.accessTokenSeconds);
    m_metrics = std::make_unique<Metrics>();
    const ApiSettings settings{m_config.database,
                               m_config.redis,
                               m_config.tokenRateLimitPerMinute,
                               m_config.authRateLimitPerMinute,
                               m_config.refreshTokenDays,
                               m_config.trustProxy,
                               m_config.deviceOfflineSeconds};
    m_api = std::make_unique<ApiContext>(ApiContext{settings, *m_pool, *m_tokens, *m_rateLimiter,
                                                    QueueDeps{*m_engine, *m_eta, *m_events}});
    m_http = std::make_unique<HttpServer>(m_config.limits);
    m_http->setCorsOrigin(m_config.corsOrigin);
    m_http->setObserver(
        [metrics = m_metrics.get()](const QString &route, int status, qint64 micros) {
            metrics->observeRequest(route, status, micros);
        });

    // One controller per resource, each registering its own route table (method, path, access,
    // handler) behind RouteTable's checks.
    m_auth = std::make_unique<AuthController>(*m_api);
    m_tokensController = std::make_unique<TokensController>(*m_api);
    m_counters = std::make_unique<CountersController>(*m_api);
    m_services = std::make_unique<ServicesController>(*m_api);
    m_queues = std::make_unique<QueuesController>(*m_api);
    m_stats = std::make_unique<StatsController>(*m_api);
    m_system = std::make_unique<SystemController>(*m_api, *m_metrics);
    m_branches = std::make_unique<BranchesController>(*m_api);
    m_users = std::make_unique<UsersController>(*m_api);
    m_devices = std::make_unique<DevicesController>(*m_api);
    m_appointments = std::make_unique<AppointmentsController>(*m_api);
    m_web = std::make_unique<WebController>(*m_api);
    Router &router = m_http->router();
    RouteTable::install(router, *m_api, *m_auth);
    RouteTable::install(router, *m_api, *m_tokensController);
    RouteTable::install(router, *m_api, *m_counters);
    RouteTable::install(router, *m_api, *m_services);
    RouteTable::install(router, *m_api, *m_queues);
    RouteTable::install(router, *m_api, *m_stats);
    RouteTable::install(router, *m_api, *m_system);
    RouteTable::install(router, *m_api, *m_branches);
    RouteTable::install(router, *m_api, *m_users);
    RouteTable::install(router, *m_api, *m_devices);
    RouteTable::install(router, *m_api, *m_appointments);
    RouteTable::install(router, *m_api, *m_web);

    // Realtime: events published by any instance reach this instance's WebSocket clients.
    m_hub = std::make_unique<WebSocketHub>(*m_http, *m_tokens, *m_pool, m_config.hubLimits);
    m_subscriber = std::make_unique<EventSubscriber>(m_config.redis, m_events->channel());
    connect(m_subscriber.get(), &EventSubscriber::messageReceived, m_hub.get(),
            &WebSocketHub::deliver);
    connect(m_subscriber.get(), &EventSubscriber::resubscribed, m_hub.get(),
            &WebSocketHub::requestResync);
    m_queueUpdates = std::make_unique<QueueUpdates>(m_api->deps, *m_pool);
    m_noShows = std::make_unique<PeriodicSweep>(
        *m_pool, m_config.appointmentSweepSeconds * 1000,
        [desk = AppointmentDesk(m_api->deps)](WorkerContext &ctx) {
            const Result<int> expired = desk.expireNoShows(ctx);
            if (!expired.ok())
                qWarning("No-show sweep failed: %s", qPrintable(expired.error().code));
            else if (*expired > 0)
                qInfo("%d appointment(s) expired without check-in", *expired);
        });
    // A silent device is announced within a third of the offline time.
    m_silentDevices = std::make_unique<PeriodicSweep>(
        *m_pool, m_config.deviceOfflineSeconds * 1000 / 3,
        [devices = DeviceRegistry(*m_events, m_config.deviceOfflineSeconds)](WorkerContext &ctx) {
            const Result<int> silent = devices.sweepSilent(ctx);
            if (!silent.ok())
                qWarning("Device sweep failed: %s", qPrintable(silent.error().code));
        });
    m_events->setChangeHook([updates = m_queueUpdates.get()](const QList<int> &services) {
        updates->markDirty(services);
    });
    m_metrics->addSource([hub = m_hub.get()] { return hub->metricsText(); });
    m_metrics->addSource([tokens = m_tokensController.get()] { return tokens->metricsText(); });

    // Redis may be emptied or restarted at any time; requests rebuild it lazily, and this check
    // rebuilds it within a second or two even when no request comes.
    m_queueCheck.setInterval(2000);
    connect(&m_queueCheck, &QTimer::timeout, this, [this] { checkQueue(); });
}

Application::~Application()
{
    m_queueCheck.stop();
    m_subscriber->stop();
    m_hub.reset();
    m_http.reset(); // no new requests
    // Token writers have threads of their own: stop them while everything they publish to (the
    // queue updates behind the change hook) still exists.
    m_tokensController.reset();
    m_pool->waitForDone();
}

bool Application::start()
{
    if (!m_http->listen(m_config.bindAddress, m_config.port))
        return false;
    qInfo("nextup-server listening on %s:%u (Postgres %s:%d/%s, Redis %s)",
          qPrintable(m_config.bindAddress.toString()), m_http->port(),
          qPrintable(m_config.database.host), m_config.database.port,
          qPrintable(m_config.database.database), qPrintable(m_config.redis.toDisplayString()));
    // A server killed between its Postgres commit and its Redis write (a token inserted but not
    // yet in its line, or taken from the line but not yet marked called) leaves the two stores
    // apart while Redis still looks complete: so every start rebuilds the live queue from
    // Postgres, the system of record (~150 ms for 500 waiting tokens; other instances answer
    // 503 queue_not_ready meanwhile and retry). tests/chaos/crashpoint.sh kills a server there.
    checkQueue(true);
    m_queueCheck.start();
    m_subscriber->start();
    return true;
}

quint16 Application::port() const
{
    return m_http->port();
}

void Application::checkQueue(bool rebuild)
{
    static std::atomic_bool running{false};
    if (running.exchange(true))
        return; // the previous check is still waiting on a slow store
    m_pool->post([this, rebuild](WorkerContext &ctx) {
        if (rebuild)
            LiveQueues::invalidate(m_api->deps, ctx);
        const Outcome ready = LiveQueues::ensureReady(m_api->deps, ctx);
        if (!ready.ok())
            qWarning("Live queue not ready: %s", qPrintable(ready.error().message));
        running = false;
    });
}

} // namespace Nextup
