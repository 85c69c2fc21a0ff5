#include "web/webassets.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

namespace Nextup {

namespace {
// What sw.js holds in place of the values only the server knows (valid JavaScript either way).
const QByteArray kWorkerVersionMark = "'@version@'";
const QByteArray kWorkerAssetsMark = "['@assets@']";
// The files that link others, leaves first: the page links the manifest, which links the icons.
const char *const kLinkingFiles[] = {"manifest.webmanifest", "index.html"};
} // namespace

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
        asset.version = hashOf(asset.body);
        m_assets.insert(name, asset);
    }
    for (const char *name : kLinkingFiles)
        versionLinks(QString::fromLatin1(name));
    completeWorker();
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

QByteArray WebAssets::hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(12);
}

// Rewrites every quoted "/web/<name>" of file `name` to "/web/<name>?v=<version>".
void WebAssets::versionLinks(const QString &name)
{
    const auto file = m_assets.find(name);
    if (file == m_assets.end())
        return;
    for (auto it = m_assets.cbegin(); it != m_assets.cend(); ++it) {
        if (it == file)
            continue;
        const QByteArray link = "\"/web/" + it.key().toUtf8() + '"';
        const QByteArray versioned = "\"/web/" + it.key().toUtf8() + "?v=" + it->version + '"';
        file->body.replace(link, versioned);
    }
    file->version = hashOf(file->body);
}

// Fills in sw.js: the shell version (a hash of every other file's version) and the versioned
// link of every file the page may need offline. The page itself ("/") is the worker's own entry.
void WebAssets::completeWorker()
{
    const auto worker = m_assets.find(workerName());
    QList<QString> names = m_assets.keys();
    names.sort();
    QByteArray versions;
    QByteArrayList links;
    for (const QString &name : std::as_const(names)) {
        if (name == workerName())
            continue;
        versions += name.toUtf8() + ' ' + m_assets.value(name).version + '\n';
        if (name != u"index.html")
            links.append("'/web/" + name.toUtf8() + "?v=" + m_assets.value(name).version + '\'');
    }
    m_shellVersion = hashOf(versions);
    if (worker == m_assets.end())
        return;
    worker->body.replace(kWorkerVersionMark, '\'' + m_shellVersion + '\'');
    worker->body.replace(kWorkerAssetsMark, "[\n    " + links.join(",\n    ") + ",\n]");
    worker->version = hashOf(worker->body);
}

} // namespace Nextup
