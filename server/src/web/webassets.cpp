#include "web/webassets.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

namespace Nextup {

WebAssets::WebAssets(const QString &root)
{
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = path.mid(root.size() + 1);
        Asset asset;
        asset.contentType = contentTypeFor(name);
        QFile file(path);
        if (asset.contentType.isEmpty() || !file.open(QIODevice::ReadOnly))
            continue;
        asset.body = file.readAll();
        asset.version =
            QCryptographicHash::hash(asset.body, QCryptographicHash::Sha256).toHex().left(12);
        m_assets.insert(name, asset);
    }
    const auto page = m_assets.find(QStringLiteral("index.html"));
    if (page != m_assets.end())
        versionLinks(*page);
}

const WebAssets::Asset *WebAssets::find(const QString &name) const
{
    const auto it = m_assets.constFind(name);
    return it == m_assets.cend() ? nullptr : &*it;
}

QByteArray WebAssets::contentTypeFor(const QString &name)
{
    static const QHash<QString, QByteArray> types{
        {QStringLiteral("html"), "text/html; charset=utf-8"},
        {QStringLiteral("css"), "text/css; charset=utf-8"},
        {QStringLiteral("js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("svg"), "image/svg+xml"},
        {QStringLiteral("png"), "image/png"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("webmanifest"), "application/manifest+json"},
    };
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? QByteArray() : types.value(name.mid(dot + 1).toLower());
}

// Rewrites every quoted "/web/<name>" of the page to "/web/<name>?v=<version>".
void WebAssets::versionLinks(Asset &page) const
{
    for (auto it = m_assets.cbegin(); it != m_assets.cend(); ++it) {
        if (&*it == &page)
            continue;
        const QByteArray link = "\"/web/" + it.key().toUtf8() + '"';
        const QByteArray versioned = "\"/web/" + it.key().toUtf8() + "?v=" + it->version + '"';
        page.body.replace(link, versioned);
    }
    page.version = QCryptographicHash::hash(page.body, QCryptographicHash::Sha256).toHex().left(12);
}

} // namespace Nextup
