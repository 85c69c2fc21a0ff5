#include "http/apirequest.h"

namespace Nextup {

QByteArray ApiRequest::cookie(const QByteArray &name) const
{
    const QList<QByteArray> pairs = header("cookie").split(';');
    for (const QByteArray &pair : pairs) {
        const QByteArray trimmed = pair.trimmed();
        const qsizetype eq = trimmed.indexOf('=');
        if (eq > 0 && trimmed.left(eq) == name)
            return trimmed.mid(eq + 1);
    }
    return {};
}

QString ApiRequest::clientAddress(bool trustForwardedFor) const
{
    if (trustForwardedFor) {
        const QByteArray forwarded = header("x-forwarded-for");
        if (!forwarded.isEmpty())
            return QString::fromLatin1(forwarded.split(',').first().trimmed());
    }
    return remoteAddress.toString();
}

} // namespace Nextup
