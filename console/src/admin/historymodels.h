#pragma once

#include <QHash>

#include "admin/rowlistmodel.h"
#include "nextup/client/tokentypes.h"

namespace Nextup::Console {

// One page of GET /api/tokens. IdRole (adminmodels.h) holds the token id.
class HistoryModel : public RowListModel<TokenInfo>
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
    explicit HistoryModel(QObject *parent = nullptr) : RowListModel(ColumnCount, parent) {}

    void setPage(const Nextup::HistoryPage &page);
    const Nextup::HistoryPage &page() const { return m_page; }
    const TokenInfo &token(int row) const { return rows().at(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QVariant columnTitle(int column) const override;

private:
    Nextup::HistoryPage m_page;
};

// The timeline of one token (GET /api/tokens/:id events), oldest first.
class TokenEventsModel : public RowListModel<TokenEvent>
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
    explicit TokenEventsModel(QObject *parent = nullptr) : RowListModel(ColumnCount, parent) {}

    // counterNames: id → name, for the events that happened at a counter.
    void setEvents(const QList<TokenEvent> &events, const QHash<int, QString> &counterNames);
    const QList<TokenEvent> &events() const { return rows(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QVariant columnTitle(int column) const override;

private:
    QHash<int, QString> m_counterNames;
};

// A time in the machine's zone, short locale format; empty for an invalid time.
QString formatTime(const QDateTime &time);

} // namespace Nextup::Console
