#pragma once

#include <memory>

#include <QObject>
#include <QTimer>

#include "app/config.h"

namespace Nextup {

class QueueEngine;
class QueuesController;
class QueueUpdates;

class AccessTokens;
class AppointmentsController;
class AuthController;
class BranchesController;
class CountersController;
class DevicesController;
class EtaEstimator;
class EventSubscriber;
class EventPublisher;
class HttpServer;
class Metrics;
class PeriodicSweep;
class RateLimiter;
class ServicesController;
class StatsController;
class SystemController;
class TokensController;
class UsersController;
class WebController;
class WebSocketHub;
class WorkerPool;
struct ApiContext;

// Builds the server from its Config: worker pool, queue engine, auth, controllers and the HTTP
// front, and keeps Redis complete (rebuilt from Postgres at start and whenever it was emptied).
class Application : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    explicit Application(Config config, QObject *parent = nullptr);
    ~Application() override;

    bool start();
    quint16 port() const;

private:
    // Makes the live queue complete if Redis lost it; `rebuild` rebuilds it from Postgres even
    // when it looks complete.
    void checkQueue(bool rebuild = false);

    Config m_config;
    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<QueueEngine> m_engine;
    std::unique_ptr<EtaEstimator> m_eta;
    std::unique_ptr<EventPublisher> m_events;
    std::unique_ptr<RateLimiter> m_rateLimiter;
    std::unique_ptr<AccessTokens> m_tokens;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<ApiContext> m_api;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<AuthController> m_auth;
    std::unique_ptr<TokensController> m_tokensController;
    std::unique_ptr<CountersController> m_counters;
    std::unique_ptr<ServicesController> m_services;
    std::unique_ptr<QueuesController> m_queues;
    std::unique_ptr<StatsController> m_stats;
    std::unique_ptr<SystemController> m_system;
    std::unique_ptr<BranchesController> m_branches;
    std::unique_ptr<UsersController> m_users;
    std::unique_ptr<DevicesController> m_devices;
    std::unique_ptr<AppointmentsController> m_appointments;
    std::unique_ptr<WebController> m_web;
    std::unique_ptr<WebSocketHub> m_hub;
    std::unique_ptr<EventSubscriber> m_subscriber;
    std::unique_ptr<QueueUpdates> m_queueUpdates;
    std::unique_ptr<PeriodicSweep> m_noShows;
    std::unique_ptr<PeriodicSweep> m_silentDevices;
    QTimer m_queueCheck;
};

} // namespace Nextup
