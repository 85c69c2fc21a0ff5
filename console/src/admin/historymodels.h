#pragma once

#include <QAbstractTableModel>
#include <QHash>

#include "nextup/client/tokentypes.h"

namespace Nextup::Console {

// One page of GET /api/tokens. IdRole (adminmodels.h) holds the token id.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column
    {
        NumberColumn,
        ServiceColumn,
        StatusColumn,
        CounterColumn,
        IssuedColumn,
        WaitColumn,
        ServiceTimeColumn,
        RecallsColumn,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setPage(const Nextup::HistoryPage &page);
    const Nextup::HistoryPage &page() const { return m_page; }
    const TokenInfo &token(int row) const { return m_page.items.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Nextup::HistoryPage m_page;
};

// The timeline of one token (GET /api/tokens/:id events), oldest first.
class TokenEventsModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenEventsModel)

public:
    enum Column
    {
        TimeColumn,
        EventColumn,
        ChangeColumn,
        CounterColumn,
        ActorColumn,
        ReasonColumn,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    // counterNames: id → name, for the events that happened at a counter.
    void setEvents(const QList<TokenEvent> &events, const QHash<int, QString> &counterNames);
    const QList<TokenEvent> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<TokenEvent> m_events;
    QHash<int, QString> m_counterNames;
};

// A time in the machine's zone, short locale format; empty for an invalid time.
QString formatTime(const QDateTime &time);

} // namespace Nextup::Console
