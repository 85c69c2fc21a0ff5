#include "nextup/client/waitingtokensmodel.h"

#include <QSet>

#include "nextup/client/queueclient.h"

namespace Nextup {

WaitingTokensModel::WaitingTokensModel(QObject *parent) : QAbstractListModel(parent)
{
    m_tick.setInterval(15'000);
    connect(&m_tick, &QTimer::timeout, this, &WaitingTokensModel::onTick);
    m_tick.start();
}

void WaitingTokensModel::setClient(QueueClient *client)
{
    if (client == m_client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (m_client)
        connect(m_client, &QueueClient::stateChanged, this, &WaitingTokensModel::refresh);
    emit clientChanged();
    refresh();
}

void WaitingTokensModel::setServiceIds(const QList<int> &ids)
{
    if (ids == m_serviceIds)
        return;
    m_serviceIds = ids;
    emit serviceIdsChanged();
    refresh();
}

int WaitingTokensModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant WaitingTokensModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueToken &token = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TokenNumberRole: return token.tokenNumber;
    case TokenIdRole: return token.id;
    case ServiceIdRole: return token.serviceId;
    case PriorityRole: return token.priority;
    case ArrivalAtRole: return token.arrivalAt;
    case WaitingSecondsRole:
        return token.arrivalAt.isValid()
                   ? qMax<qint64>(0, token.arrivalAt.secsTo(QDateTime::currentDateTimeUtc()))
                   : qint64(0);
    }
    return {};
}

QHash<int, QByteArray> WaitingTokensModel::roleNames() const
{
    return {{TokenIdRole, "tokenId"},     {TokenNumberRole, "tokenNumber"},
            {ServiceIdRole, "serviceId"}, {PriorityRole, "priority"},
            {ArrivalAtRole, "arrivalAt"}, {WaitingSecondsRole, "waitingSeconds"}};
}

void WaitingTokensModel::refresh()
{
    QList<QueueToken> wanted;
    if (m_client) {
        QList<int> ids = m_serviceIds;
        if (ids.isEmpty()) {
            for (const ServiceQueue &service : m_client->state().services())
                ids.append(service.id);
        }
        wanted = m_client->state().waiting(ids);
    }
    const qsizetype before = m_rows.size();
    if (!sync(wanted)) {
        beginResetModel();
        m_rows = wanted;
        endResetModel();
    }
    if (m_rows.size() != before)
        emit countChanged();
}

// Turns m_rows into `wanted` with row removals and insertions. Tokens keep their relative order
// while they wait, so that is always possible unless one changed its place (then: false).
bool WaitingTokensModel::sync(const QList<QueueToken> &wanted)
{
    QSet<qint64> wantedIds;
    for (const QueueToken &token : wanted)
        wantedIds.insert(token.id);
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (wantedIds.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wantedIds.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    QSet<qint64> present;
    for (const QueueToken &token : std::as_const(m_rows))
        present.insert(token.id);
    for (int row = 0; row < wanted.size(); ++row) {
        const QueueToken &token = wanted.at(row);
        if (row < m_rows.size() && m_rows.at(row).id == token.id) {
            m_rows[row] = token;
            continue;
        }
        if (present.contains(token.id))
            return false;
        beginInsertRows({}, row, row);
        m_rows.insert(row, token);
        endInsertRows();
    }
    return m_rows.size() == wanted.size();
}

void WaitingTokensModel::onTick()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {WaitingSecondsRole});
}

} // namespace Nextup
