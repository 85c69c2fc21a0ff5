#include "callhistorymodel.h"

namespace Nextup::Kiosk {

CallHistoryModel::CallHistoryModel(int capacity, QObject *parent)
    : QAbstractListModel(parent), m_capacity(qMax(0, capacity))
{
}

int CallHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_calls.size());
}

QVariant CallHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Call &call = m_calls.at(index.row());
    switch (role) {
    case TokenIdRole: return call.tokenId;
    case Qt::DisplayRole:
    case TokenNumberRole: return call.tokenNumber;
    case ServiceIdRole: return call.serviceId;
    case CounterIdRole: return call.counterId;
    case CounterNameRole: return call.counterName;
    case CalledAtRole: return call.calledAt;
    default: return {};
    }
}

QHash<int, QByteArray> CallHistoryModel::roleNames() const
{
    return {{TokenIdRole, "tokenId"},         {TokenNumberRole, "tokenNumber"},
            {ServiceIdRole, "serviceId"},     {CounterIdRole, "counterId"},
            {CounterNameRole, "counterName"}, {CalledAtRole, "calledAt"}};
}

int CallHistoryModel::indexOf(qint64 tokenId) const
{
    for (int i = 0; i < m_calls.size(); ++i) {
        if (m_calls.at(i).tokenId == tokenId)
            return i;
    }
    return -1;
}

void CallHistoryModel::push(const Call &call)
{
    if (m_capacity == 0)
        return;
    remove(call.tokenId);
    beginInsertRows({}, 0, 0);
    m_calls.prepend(call);
    endInsertRows();
    if (m_calls.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_calls.size()) - 1);
        m_calls.resize(m_capacity);
        endRemoveRows();
    }
    emit countChanged();
}

bool CallHistoryModel::remove(qint64 tokenId)
{
    const int row = indexOf(tokenId);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_calls.removeAt(row);
    endRemoveRows();
    emit countChanged();
    return true;
}

void CallHistoryModel::clear()
{
    if (m_calls.isEmpty())
        return;
    beginResetModel();
    m_calls.clear();
    endResetModel();
    emit countChanged();
}

QStringList CallHistoryModel::summary() const
{
    QStringList rows;
    for (const Call &call : m_calls)
        rows.append(call.tokenNumber + QStringLiteral(" @ ") + call.counterName);
    return rows;
}

} // namespace Nextup::Kiosk
