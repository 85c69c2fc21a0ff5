#pragma once

#include <QAbstractTableModel>

#include "nextup/client/tokentypes.h"

namespace Nextup::Console {

// GET /api/stats as a table: the totals, then one row per service, then one per counter.
// ValueRole gives a cell's number unformatted (seconds for the times; an invalid QVariant, shown
// as "—", for an appointment figure the server does not give).
class StatsTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsTableModel)

public:
    enum Roles
    {
        ValueRole = Qt::UserRole + 10,
        KindRole, // "total", "service" or "counter"
    };
    enum Column
    {
        NameColumn,
        IssuedColumn,
        ServedColumn,
        SkippedColumn,
        CancelledColumn,
        WaitingColumn,
        AvgWaitColumn,
        P90WaitColumn,
        AvgServiceColumn,
        P90ServiceColumn,
        // Appointments (booked and not cancelled, checked in, no-shows, their rate, and how early
        // or late those who came checked in).
        BookedColumn,
        CheckedInColumn,
        NoShowsColumn,
        NoShowRateColumn,
        PunctualityColumn,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const StatsReport &report);
    const StatsReport &report() const { return m_report; }
    // The row of a service or counter id (kind "service" / "counter"), or of the totals.
    int rowOf(const QString &kind, int id = 0) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A block's value for a column (numbers as they came, times in seconds); nullopt for an
    // appointment figure the server did not give.
    static std::optional<double> value(const StatsBlock &block, int column);
    // "2:30 early", "1:05 late", "—".
    static QString punctualityText(std::optional<double> seconds);

private:
    struct Row
    {
        QString kind;
        StatsBlock block;
    };
    StatsReport m_report;
    QList<Row> m_rows;
};

} // namespace Nextup::Console
