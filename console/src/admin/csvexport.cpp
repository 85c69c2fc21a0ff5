#include "admin/csvexport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "nextup/client/apiclient.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/wire/keys.h"

namespace Nextup::Console {

namespace {
using Wire::isoTime;
namespace Key = Wire::Key;

QString idText(qint64 id)
{
    return id ? QString::number(id) : QString();
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}
} // namespace

CsvExport::CsvExport(ApiClient *api, const HistoryFilter &filter, const QString &path,
                     QObject *parent)
    : QObject(parent), m_api(api), m_filter(filter), m_file(path)
{
}

CsvExport::~CsvExport()
{
    if (m_job)
        m_job->abandon();
}

QStringList CsvExport::header()
{
    // The API's member names, so that a script reads the file as it reads the API.
    return {Key::Id,          Key::TokenNumber, Key::ServiceCode,  Key::ServiceName,
            Key::Status,      Key::Priority,    Key::BusinessDate, Key::CreatedAt,
            Key::ArrivalAt,   Key::CalledAt,    Key::ServingAt,    Key::FinishedAt,
            Key::CounterId,   Key::CounterName, Key::OperatorId,   Key::RecallCount,
            Key::CustomerInfo};
}

QStringList CsvExport::fields(const TokenInfo &t)
{
    return {QString::number(t.id),
            t.tokenNumber,
            t.serviceCode,
            t.serviceName,
            t.status,
            QString::number(t.priority),
            t.businessDate,
            isoTime(t.createdAt),
            isoTime(t.arrivalAt),
            isoTime(t.calledAt),
            isoTime(t.servingAt),
            isoTime(t.finishedAt),
            idText(t.counterId),
            t.counterName,
            idText(t.operatorId),
            QString::number(t.recallCount),
            jsonText(t.customerInfo)};
}

QString CsvExport::quoted(const QString &field)
{
    const bool needsQuotes =
        field.contains(u',') || field.contains(u'"') || field.contains(u'\n') ||
        field.contains(u'\r') ||
        (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()));
    if (!needsQuotes)
        return field;
    return u'"' + QString(field).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString CsvExport::line(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &field : fields)
        out.append(quoted(field));
    return out.join(u',') + QStringLiteral("\r\n");
}

void CsvExport::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_file.open(QIODevice::WriteOnly)) {
        // Reported from the event loop, like every other outcome.
        const QString message =
            tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        QMetaObject::invokeMethod(
            this, [this, message] { fail(message); }, Qt::QueuedConnection);
        return;
    }
    m_written.clear();
    m_file.write(line(header()).toUtf8());
    fetch(1);
}

void CsvExport::cancel()
{
    if (!m_running)
        return;
    if (m_job)
        m_job->abandon();
    fail(tr("Export cancelled."));
}

void CsvExport::fetch(int page)
{
    if (!m_api)
        return fail(tr("Not connected."));
    HistoryFilter filter = m_filter;
    filter.page = page;
    filter.pageSize = m_pageSize;
    m_job = m_api->history(filter);
    HistoryJob *job = m_job;
    job->then(
        this, [this, job] { onPage(job->page()); },
        [this](const Status &status) {
            fail(tr("Reading the history failed: %1").arg(status.message));
        });
}

void CsvExport::onPage(const Nextup::HistoryPage &page)
{
    m_total = qMax(m_total, page.total);
    for (const TokenInfo &token : page.items) {
        if (m_written.contains(token.id))
            continue;
        m_written.insert(token.id);
        m_file.write(line(fields(token)).toUtf8());
    }
    emit progress(int(m_written.size()), m_total);
    const bool more = !page.items.isEmpty() && qint64(page.page) * page.pageSize < page.total;
    if (more)
        return fetch(page.page + 1);
    m_running = false;
    if (!m_file.commit())
        return emit finished(
            false, tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()), 0);
    emit finished(true, tr("%Ln token(s) exported.", nullptr, int(m_written.size())),
                  int(m_written.size()));
}

void CsvExport::fail(const QString &message)
{
    if (!m_running)
        return;
    m_running = false;
    m_file.cancelWriting();
    emit finished(false, message, 0);
}

} // namespace Nextup::Console
