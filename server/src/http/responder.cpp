#include "http/responder.h"

#include <QTcpSocket>

#include "http/httpserver.h"

namespace Nextup {

Responder::Responder(HttpServer *server, QTcpSocket *socket, quint64 slot, QString route,
                     QByteArray requestId)
    : m_state(std::make_shared<State>())
{
    m_state->server = server;
    m_state->socket = socket;
    m_state->slot = slot;
    m_state->route = std::move(route);
    m_state->requestId = std::move(requestId);
    m_state->started.start();
}

Responder Responder::diverting(std::function<void(ApiResponse)> to)
{
    Responder responder;
    responder.m_state = std::make_shared<State>();
    responder.m_state->divert = std::move(to);
    return responder;
}

void Responder::send(ApiResponse response) const
{
    if (m_state && !m_state->sent.exchange(true))
        m_state->deliver(std::move(response));
}

Responder::State::~State()
{
    if (!sent.exchange(true))
        deliver(ApiResponse::error(ApiError::internal(QStringLiteral("The request was dropped."))));
}

void Responder::State::deliver(ApiResponse response)
{
    if (divert)
        return divert(std::move(response));
    // Only the HTTP thread touches sockets; the QPointers are read there.
    HttpServer *target = server.data();
    if (!target)
        return;
    if (!requestId.isEmpty())
        response.withHeader("X-Request-Id", requestId);
    QMetaObject::invokeMethod(
        target,
        [server = this->server, socket = this->socket, slot = this->slot, route = this->route,
         micros = started.nsecsElapsed() / 1000, response = std::move(response)]() mutable {
            if (server)
                server->deliver(socket, slot, route, micros, std::move(response));
        },
        Qt::QueuedConnection);
}

} // namespace Nextup
