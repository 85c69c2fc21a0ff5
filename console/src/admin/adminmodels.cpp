#include "admin/adminmodels.h"

#include "admin/adminwidgets.h"

namespace Nextup::Console {

namespace {
template <typename Row> int findRow(const QList<Row> &rows, int id)
{
    for (int i = 0; i < rows.size(); ++i)
        if (rows.at(i).id == id)
            return i;
    return -1;
}

QString yesNo(bool value)
{
    return value ? QCoreApplication::translate("Nextup::Console::AdminModels", "Yes")
                 : QCoreApplication::translate("Nextup::Console::AdminModels", "No");
}
} // namespace

const QStringList &userRoles()
{
    static const QStringList roles{QStringLiteral("admin"), QStringLiteral("operator"),
                                   QStringLiteral("kiosk"), QStringLiteral("user")};
    return roles;
}

QString roleText(const QString &role)
{
    if (role == u"admin")
        return QCoreApplication::translate("Nextup::Console::AdminModels", "Administrator");
    if (role == u"operator")
        return QCoreApplication::translate("Nextup::Console::AdminModels", "Operator");
    if (role == u"kiosk")
        return QCoreApplication::translate("Nextup::Console::AdminModels", "Kiosk");
    if (role == u"user")
        return QCoreApplication::translate("Nextup::Console::AdminModels", "Customer");
    return role;
}

// ---- services

void ServicesModel::setServices(const QList<ServiceInfo> &services)
{
    beginResetModel();
    m_rows = services;
    endResetModel();
}

int ServicesModel::rowOf(int id) const
{
    return findRow(m_rows, id);
}

int ServicesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServicesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServicesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ServiceInfo &s = m_rows.at(index.row());
    if (role == IdRole)
        return s.id;
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return int(Qt::AlignCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CodeColumn:
        return s.code;
    case NameColumn:
        return s.name;
    case AvgServiceColumn:
        return formatDuration(s.avgServiceSeconds);
    case TargetWaitColumn:
        return formatDuration(s.targetWaitSeconds);
    case ActiveColumn:
        return yesNo(s.active);
    case WaitingColumn:
        return s.waiting;
    default:
        return {};
    }
}

QVariant ServicesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case NameColumn:
        return tr("Name");
    case AvgServiceColumn:
        return tr("Average service");
    case TargetWaitColumn:
        return tr("Target wait");
    case ActiveColumn:
        return tr("Active");
    case WaitingColumn:
        return tr("Waiting now");
    default:
        return {};
    }
}

// ---- counters

void CountersModel::setCounters(const QList<CounterInfo> &counters,
                                const QList<ServiceInfo> &services)
{
    beginResetModel();
    m_rows = counters;
    m_codes.clear();
    for (const ServiceInfo &service : services)
        m_codes.insert(service.id, service.code);
    endResetModel();
}

int CountersModel::rowOf(int id) const
{
    return findRow(m_rows, id);
}

int CountersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CountersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CountersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CounterInfo &c = m_rows.at(index.row());
    if (role == IdRole)
        return c.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return c.name;
    case ServicesColumn: {
        QStringList codes;
        for (int id : c.serviceIds)
            codes.append(m_codes.value(id, QString::number(id)));
        return codes.join(QStringLiteral(", "));
    }
    case StatusColumn:
        if (c.status == u"open")
            return tr("Open");
        if (c.status == u"paused")
            return tr("Paused");
        return tr("Closed");
    default:
        return {};
    }
}

QVariant CountersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ServicesColumn:
        return tr("Services");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

// ---- users

void UsersModel::setUsers(const QList<UserInfo> &users)
{
    beginResetModel();
    m_rows = users;
    endResetModel();
}

int UsersModel::rowOf(int id) const
{
    return findRow(m_rows, id);
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const UserInfo &u = m_rows.at(index.row());
    if (role == IdRole)
        return u.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case UsernameColumn:
        return u.username;
    case FullNameColumn:
        return u.fullName;
    case RoleColumn:
        return roleText(u.role);
    case ActiveColumn:
        return yesNo(u.active);
    default:
        return {};
    }
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UsernameColumn:
        return tr("Username");
    case FullNameColumn:
        return tr("Full name");
    case RoleColumn:
        return tr("Role");
    case ActiveColumn:
        return tr("Active");
    default:
        return {};
    }
}

} // namespace Nextup::Console
