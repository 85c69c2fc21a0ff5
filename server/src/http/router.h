#pragma once

#include "http/apirequest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class Responder;

// Maps "METHOD /path/:param" to handlers. Segment-wise matching (no regular expressions): literal
// segments must be equal, ":name" segments capture one non-empty segment. A path that matches
// with another method yields the allowed methods, so the server can answer 405 instead of 404.
class Router
{
public:
    using Handler = std::function<void(const ApiRequest &, const Responder &)>;

    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
    };

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods; // filled when the path exists but not for this method
    };

    void add(const QByteArray &method, const QString &pattern, Handler handler);
    // A controller's member function as the handler: add("GET", "/api/x", this, &X::list).
    template <typename Controller>
    void add(const QByteArray &method, const QString &pattern, Controller *controller,
             void (Controller::*handler)(const ApiRequest &, const Responder &))
    {
        add(method, pattern,
            [controller, handler](const ApiRequest &request, const Responder &responder) {
                (controller->*handler)(request, responder);
            });
    }
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    static bool matchSegments(const QStringList &pattern, const QStringList &path,
                              QHash<QString, QString> *params);
    QList<Route> m_routes;
};
