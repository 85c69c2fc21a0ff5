#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Nextup {

// The booking page's files, read once from the Qt resource folder :/web/ (server/resources/web/).
// Every file has a version (a short hash of its bytes); the page refers to each asset as
// /web/<name>?v=<version>, so browsers may keep assets for a year and still never run a stale
// script after an upgrade.
class WebAssets
{
public:
    struct Asset
    {
        QByteArray body;
        QByteArray contentType;
        QByteArray version;
    };

    // Loads every file below `root` (":/web" in the server). Files of unknown type are skipped.
    explicit WebAssets(const QString &root = QStringLiteral(":/web"));

    // A file by its name below the root ("app.js"), or nullptr.
    const Asset *find(const QString &name) const;
    // index.html with versioned asset links; nullptr when the resource is missing.
    const Asset *page() const { return find(QStringLiteral("index.html")); }
    qsizetype size() const { return m_assets.size(); }

    // "text/javascript; charset=utf-8" for "app.js"; empty for types the page does not use.
    static QByteArray contentTypeFor(const QString &name);

private:
    void versionLinks(Asset &page) const;

    QHash<QString, Asset> m_assets;
};

} // namespace Nextup
