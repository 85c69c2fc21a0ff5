#include "admin/adminmodels.h"

#include "admin/adminwidgets.h"

namespace Nextup::Console {

namespace {
QString yesNo(bool value)
{
    return value ? QCoreApplication::translate("Nextup::Console::AdminModels", "Yes")
                 : QCoreApplication::translate("Nextup::Console::AdminModels", "No");
}
} // namespace

const QStringList &userRoles()
{
    static const QStringList roles = [] {
        QStringList texts;
        for (Wire::Role role : Wire::allValues<Wire::Role>())
            texts.append(Wire::toString(role));
        return texts;
    }();
    return roles;
}

QString roleText(const QString &role)
{
    const std::optional<Wire::Role> known = Wire::fromString<Wire::Role>(role);
    if (!known)
        return role;
    switch (*known) {
    case Wire::Role::Admin:
        return QCoreApplication::translate("Nextup::Console::AdminModels", "Administrator");
    case Wire::Role::Operator:
        return QCoreApplication::translate("Nextup::Console::AdminModels", "Operator");
    case Wire::Role::Kiosk:
        return QCoreApplication::translate("Nextup::Console::AdminModels", "Kiosk");
    case Wire::Role::User:
        return QCoreApplication::translate("Nextup::Console::AdminModels", "Customer");
    case Wire::Role::BranchAdmin:
        return QCoreApplication::translate("Nextup::Console::AdminModels", "Branch administrator");
    }
    return role;
}

// ---- services

void ServicesModel::setServices(const QList<ServiceInfo> &services)
{
    setRows(services);
}

QVariant ServicesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ServiceInfo &s = rows().at(index.row());
    if (role == IdRole)
        return s.id;
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return int(Qt::AlignCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CodeColumn: return s.code;
    case NameColumn: return s.name;
    case AvgServiceColumn: return formatDuration(s.avgServiceSeconds);
    case TargetWaitColumn: return formatDuration(s.targetWaitSeconds);
    case ActiveColumn: return yesNo(s.active);
    case WaitingColumn: return s.waiting;
    default: return {};
    }
}

QVariant ServicesModel::columnTitle(int column) const
{
    switch (column) {
    case CodeColumn: return tr("Code");
    case NameColumn: return tr("Name");
    case AvgServiceColumn: return tr("Average service");
    case TargetWaitColumn: return tr("Target wait");
    case ActiveColumn: return tr("Active");
    case WaitingColumn: return tr("Waiting now");
    default: return {};
    }
}

// ---- counters

void CountersModel::setCounters(const QList<CounterInfo> &counters,
                                const QList<ServiceInfo> &services)
{
    setRows(counters, [&] {
        m_codes.clear();
        for (const ServiceInfo &service : services)
            m_codes.insert(service.id, service.code);
    });
}

QVariant CountersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CounterInfo &c = rows().at(index.row());
    if (role == IdRole)
        return c.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: return c.name;
    case ServicesColumn: {
        QStringList codes;
        for (int id : c.serviceIds)
            codes.append(m_codes.value(id, QString::number(id)));
        return codes.join(QStringLiteral(", "));
    }
    case StatusColumn:
        if (c.hasStatus(Wire::CounterStatus::Open))
            return tr("Open");
        if (c.hasStatus(Wire::CounterStatus::Paused))
            return tr("Paused");
        return tr("Closed");
    default: return {};
    }
}

QVariant CountersModel::columnTitle(int column) const
{
    switch (column) {
    case NameColumn: return tr("Name");
    case ServicesColumn: return tr("Services");
    case StatusColumn: return tr("Status");
    default: return {};
    }
}

// ---- users

void UsersModel::setUsers(const QList<UserInfo> &users)
{
    setRows(users);
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const UserInfo &u = rows().at(index.row());
    if (role == IdRole)
        return u.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case UsernameColumn: return u.username;
    case FullNameColumn: return u.fullName;
    case RoleColumn: return roleText(u.role);
    case ActiveColumn: return yesNo(u.active);
    default: return {};
    }
}

QVariant UsersModel::columnTitle(int column) const
{
    switch (column) {
    case UsernameColumn: return tr("Username");
    case FullNameColumn: return tr("Full name");
    case RoleColumn: return tr("Role");
    case ActiveColumn: return tr("Active");
    default: return {};
    }
}

} // namespace Nextup::Console
