#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QElapsedTimer>
#include <QPointer>

#include "http/apiresponse.h"

class QTcpSocket;

namespace Nextup {

class HttpServer;

// A handle to one pending answer. Copyable and usable from any thread: send() hands the answer
// to the HTTP thread, which writes it only if the client is still connected, and in request
// order per connection. A request whose handle dies unanswered gets a 500, so a connection can
// never stall behind a forgotten request.
class Responder
{
public:
    Responder() = default;
    Responder(HttpServer *server, QTcpSocket *socket, quint64 slot, QString route,
              QByteArray requestId);

    // A handle whose answer goes to `to` (once, on the thread that sends it) instead of a
    // socket; dropped unanswered, it sends `to` a 500 like any other.
    static Responder diverting(std::function<void(ApiResponse)> to);

    void send(ApiResponse response) const;
    void send(const ApiError &error) const { send(ApiResponse::error(error)); }
    bool isValid() const { return m_state != nullptr; }

private:
    struct State
    {
        QPointer<HttpServer> server;
        QPointer<QTcpSocket> socket;
        quint64 slot = 0;
        QString route;
        QByteArray requestId;
        QElapsedTimer started;
        std::function<void(ApiResponse)> divert;
        std::atomic_bool sent{false};
        ~State();
        void deliver(ApiResponse response);
    };
    std::shared_ptr<State> m_state;
};

} // namespace Nextup
