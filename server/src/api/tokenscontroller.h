#pragma once

#include "api/routetable.h"
#include "api/tokenbatcher.h"
#include "domain/appointmentdesk.h"
#include "domain/counterdesk.h"
#include "domain/tokenissuer.h"

namespace Nextup {

// /api/tokens: take a token, follow and cancel it, history, one token's timeline, assign.
class TokensController
{
public:
    explicit TokensController(const ApiContext &api);
    static const QList<Route<TokensController>> &routes();
    // A customer's token secret: the body's `secret`, X-Token-Secret, or ?secret=.
    static QByteArray secretOf(const ApiRequest &request, const QJsonObject &body = {});
    // Prometheus text for /metrics: batches of new tokens written one by one after a failure.
    QByteArray metricsText() const;

private:
    static BranchScope::Check scope(const Call &call); // the token of call's :id
    void create(const Call &call);
    void book(const Call &call, const TokenIssuer::Request &issue, const QDateTime &slot,
              bool limited);
    void status(const Call &call);
    void cancel(const Call &call);
    void history(const Call &call);
    void details(const Call &call);
    void assign(const Call &call);

    const ApiContext &m_api;
    TokenIssuer m_issuer;
    TokenBatcher m_batcher;
    CounterDesk m_desk;
    AppointmentDesk m_appointments;
};

} // namespace Nextup
