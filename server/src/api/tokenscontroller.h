#pragma once

#include "api/apicontext.h"
#include "api/tokenbatcher.h"
#include "domain/counterdesk.h"
#include "domain/tokenissuer.h"

class Router;

// /api/tokens: take a token, follow and cancel it, history, one token's timeline, assign.
class TokensController
{
public:
    explicit TokensController(const ApiContext &api);
    void registerRoutes(Router &router);
    // Prometheus text for /metrics: batches of new tokens written one by one after a failure.
    QByteArray metricsText() const;

private:
    void create(const ApiRequest &request, const Responder &responder);
    void status(const ApiRequest &request, const Responder &responder);
    void cancel(const ApiRequest &request, const Responder &responder);
    void history(const ApiRequest &request, const Responder &responder);
    void details(const ApiRequest &request, const Responder &responder);
    void assign(const ApiRequest &request, const Responder &responder);

    static QByteArray secretOf(const ApiRequest &request, const QJsonObject &body = {});

    const ApiContext &m_api;
    TokenIssuer m_issuer;
    TokenBatcher m_batcher;
    CounterDesk m_desk;
};
