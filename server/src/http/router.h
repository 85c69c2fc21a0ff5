#pragma once

#include <functional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "http/apirequest.h"

namespace Nextup {

class Responder;

// Maps "METHOD /path/:param" to handlers. Segment-wise matching (no regular expressions): literal
// segments must be equal, ":name" segments capture one non-empty segment. A path that matches
// with another method yields the allowed methods (in the order the routes were added), so the
// server can answer 405 instead of 404. Who may call a route is not the router's business: the
// API's routes come from the controllers' tables through RouteTable::install (api/routetable.h),
// which puts the access check in front of each handler.
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
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    static bool matchSegments(const QStringList &pattern, const QStringList &path,
                              QHash<QString, QString> *params);
    QList<Route> m_routes;
};

} // namespace Nextup
