#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Nextup {

// The booking page's files, read once from the Qt resource folder :/web/ (server/resources/web/).
// Every file has a version (a short hash of its bytes); the page refers to each asset as
// /web/<name>?v=<version>, so browsers may keep assets for a year and still never run a stale
// script after an upgrade. The web app manifest links its icons the same way.
//
// The service worker (sw.js) is completed here: its cache name carries the version of the whole
// page (every file's version) and its list of files to keep offline is every versioned asset
// link, so a new release changes the worker's bytes, which is what makes browsers update it.
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
    // sw.js with its cache version and file list filled in; nullptr when missing.
    const Asset *worker() const { return find(workerName()); }
    // The version of the page and all its files together: the service worker's cache is
    // "nextup-shell-<shellVersion>".
    QByteArray shellVersion() const { return m_shellVersion; }
    qsizetype size() const { return m_assets.size(); }

    static QString workerName() { return QStringLiteral("sw.js"); }
    // "text/javascript; charset=utf-8" for "app.js"; empty for types the page does not use.
    static QByteArray contentTypeFor(const QString &name);

private:
    void versionLinks(const QString &name);
    void completeWorker();
    static QByteArray hashOf(const QByteArray &bytes);

    QHash<QString, Asset> m_assets;
    QByteArray m_shellVersion;
};

} // namespace Nextup
