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

double StatsTableModel::value(const StatsBlock &b, int column)
{
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
    default: return 0;
    }
}

QVariant StatsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case KindRole: return row.kind;
    case ValueRole:
        return column == NameColumn ? QVariant(row.block.id) : QVariant(value(row.block, column));
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
    if (column >= AvgWaitColumn) {
        // No token waited (or was served) yet: the server has no time to give.
        const bool none = column <= P90WaitColumn ? row.block.served + row.block.skipped == 0 &&
                                                        value(row.block, column) == 0
                                                  : row.block.served == 0;
        return formatDuration(none ? -1 : value(row.block, column));
    }
    return QLocale().toString(qint64(value(row.block, column)));
}

QVariant StatsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
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
    default: return {};
    }
}

} // namespace Nextup::Console
