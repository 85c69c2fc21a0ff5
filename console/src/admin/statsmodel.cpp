#include "admin/statsmodel.h"

#include <QFont>
#include <QLocale>

#include "admin/adminwidgets.h"

namespace Nextup::Console {

void StatsTableModel::setReport(const StatsReport &report)
{
    beginResetModel();
    m_report = report;
    m_rows.clear();
    m_rows.append({QStringLiteral("total"), report.totals});
    for (const StatsBlock &block : report.perService)
        m_rows.append({QStringLiteral("service"), block});
    for (const StatsBlock &block : report.perCounter)
        m_rows.append({QStringLiteral("counter"), block});
    endResetModel();
}

int StatsTableModel::rowOf(const QString &kind, int id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).kind == kind && m_rows.at(i).block.id == id)
            return i;
    return -1;
}

int StatsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<double> StatsTableModel::value(const StatsBlock &b, int column)
{
    const auto number = [](const auto &optional) -> std::optional<double> {
        return optional ? std::optional<double>(double(*optional)) : std::nullopt;
    };
    switch (column) {
    case IssuedColumn: return double(b.issued);
    case ServedColumn: return double(b.served);
    case SkippedColumn: return double(b.skipped);
    case CancelledColumn: return double(b.cancelled);
    case WaitingColumn: return double(b.waiting);
    case AvgWaitColumn: return b.avgWaitSeconds;
    case P90WaitColumn: return b.p90WaitSeconds;
    case AvgServiceColumn: return b.avgServiceSeconds;
    case P90ServiceColumn: return b.p90ServiceSeconds;
    case BookedColumn: return number(b.appointmentsBooked);
    case CheckedInColumn: return number(b.appointmentsCheckedIn);
    case NoShowsColumn: return number(b.noShows);
    case NoShowRateColumn: return number(b.appointmentNoShowRate);
    case PunctualityColumn: return number(b.punctualitySeconds);
    default: return 0.0;
    }
}

QString StatsTableModel::punctualityText(std::optional<double> seconds)
{
    if (!seconds)
        return QStringLiteral("—");
    return *seconds < 0 ? tr("%1 early").arg(formatDuration(-*seconds))
                        : tr("%1 late").arg(formatDuration(*seconds));
}

QVariant StatsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case KindRole: return row.kind;
    case ValueRole: {
        if (column == NameColumn)
            return row.block.id;
        const std::optional<double> v = value(row.block, column);
        return v ? QVariant(*v) : QVariant();
    }
    case Qt::FontRole:
        if (row.kind == u"total") {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == NameColumn ? QVariant() : QVariant(int(Qt::AlignCenter));
    case Qt::DisplayRole: break;
    default: return {};
    }
    if (column == NameColumn) {
        if (row.kind == u"total")
            return tr("All tokens");
        return row.kind == u"service" ? tr("Service: %1").arg(row.block.name)
                                      : tr("Counter: %1").arg(row.block.name);
    }
    const std::optional<double> v = value(row.block, column);
    if (!v)
        return QStringLiteral("—");
    if (column == PunctualityColumn)
        return punctualityText(v);
    if (column == NoShowRateColumn)
        return QLocale().toString(*v * 100, 'f', 0) + QLocale().percent();
    if (column >= AvgWaitColumn && column <= P90ServiceColumn) {
        // No token waited (or was served) yet: the server has no time to give.
        const bool none = column <= P90WaitColumn
                              ? row.block.served + row.block.skipped == 0 && *v == 0
                              : row.block.served == 0;
        return formatDuration(none ? -1 : *v);
    }
    return QLocale().toString(qint64(*v));
}

QVariant StatsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case BookedColumn: return tr("Appointments booked (not cancelled)");
        case CheckedInColumn: return tr("Appointments whose customer checked in");
        case NoShowsColumn: return tr("Appointments nobody checked in within the window");
        case NoShowRateColumn: return tr("No-shows among the appointments that came or missed");
        case PunctualityColumn:
            return tr("On average, how long before (early) or after (late) their slot customers "
                      "checked in");
        default: return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Service or counter");
    case IssuedColumn: return tr("Issued");
    case ServedColumn: return tr("Served");
    case SkippedColumn: return tr("Skipped");
    case CancelledColumn: return tr("Cancelled");
    case WaitingColumn: return tr("Waiting");
    case AvgWaitColumn: return tr("Avg wait");
    case P90WaitColumn: return tr("90% wait");
    case AvgServiceColumn: return tr("Avg service");
    case P90ServiceColumn: return tr("90% service");
    case BookedColumn: return tr("Booked");
    case CheckedInColumn: return tr("Checked in");
    case NoShowsColumn: return tr("No-shows");
    case NoShowRateColumn: return tr("No-show rate");
    case PunctualityColumn: return tr("Punctuality");
    default: return {};
    }
}

} // namespace Nextup::Console
