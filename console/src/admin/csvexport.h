#pragma once

#include <memory>

#include <QObject>
#include <QPointer>
#include <QSaveFile>
#include <QSet>

#include "nextup/client/apiclient.h"
#include "nextup/client/status.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/client/tokentypes.h"

namespace Nextup::Console {

// Writes every token matching a history filter to a CSV file (RFC 4180: comma separated, CRLF
// line ends, fields with a comma, quote, line break or edge space quoted, quotes doubled; UTF-8).
// It reads GET /api/tokens page after page, one request at a time, without blocking the UI. The
// file appears only when all pages are written (QSaveFile): a failed or cancelled export leaves
// nothing half-written behind. Tokens issued during the export push older ones down a page;
// they are skipped by id, so no row appears twice and none that matched at the start is missed.
class CsvExport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvExport)

public:
    CsvExport(ApiClient *api, const HistoryFilter &filter, const QString &path,
              QObject *parent = nullptr);
    ~CsvExport() override;

    // 200 (the server's maximum) unless a test wants several pages from few tokens.
    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    // The column names: the API's field names, so a script can read the file.
    static QStringList header();
    static QStringList fields(const TokenInfo &token);
    static QString quoted(const QString &field);
    static QString line(const QStringList &fields);

signals:
    void progress(int rowsWritten, int total);
    // ok false: `message` says why and no file was written.
    void finished(bool ok, const QString &message, int rows);

private:
    void fetch(int page);
    void onPage(const Nextup::HistoryPage &page);
    void fail(const QString &message);

    QPointer<ApiClient> m_api;
    HistoryFilter m_filter;
    QSaveFile m_file;
    QPointer<HistoryJob> m_job;
    QSet<qint64> m_written;
    int m_pageSize = 200;
    int m_total = 0;
    bool m_running = false;
};

} // namespace Nextup::Console
