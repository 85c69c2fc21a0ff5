#pragma once

#include <QHash>

#include "admin/rowlistmodel.h"
#include "nextup/client/types.h"

// The tables of the Services, Counters and Users pages: plain lists replaced as a whole after
// each read (a catalog is small), with the row's id under IdRole.
namespace Nextup::Console {

enum AdminRoles
{
    IdRole = Qt::UserRole + 1,
};

class ServicesModel : public RowListModel<ServiceInfo>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServicesModel)

public:
    enum Column
    {
        CodeColumn,
        NameColumn,
        AvgServiceColumn,
        TargetWaitColumn,
        ActiveColumn,
        WaitingColumn,
        ColumnCount
    };
    explicit ServicesModel(QObject *parent = nullptr) : RowListModel(ColumnCount, parent) {}

    void setServices(const QList<ServiceInfo> &services);
    const ServiceInfo &service(int row) const { return rows().at(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QVariant columnTitle(int column) const override;
};

class CountersModel : public RowListModel<CounterInfo>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountersModel)

public:
    enum Column
    {
        NameColumn,
        ServicesColumn,
        StatusColumn,
        ColumnCount
    };
    explicit CountersModel(QObject *parent = nullptr) : RowListModel(ColumnCount, parent) {}

    // `services` names the served services by their letter codes.
    void setCounters(const QList<CounterInfo> &counters, const QList<ServiceInfo> &services);
    const CounterInfo &counter(int row) const { return rows().at(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QVariant columnTitle(int column) const override;

private:
    QHash<int, QString> m_codes;
};

class UsersModel : public RowListModel<UserInfo>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersModel)

public:
    enum Column
    {
        UsernameColumn,
        FullNameColumn,
        RoleColumn,
        ActiveColumn,
        ColumnCount
    };
    explicit UsersModel(QObject *parent = nullptr) : RowListModel(ColumnCount, parent) {}

    void setUsers(const QList<UserInfo> &users);
    const UserInfo &user(int row) const { return rows().at(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QVariant columnTitle(int column) const override;
};

// Translated role names.
QString roleText(const QString &role);
const QStringList &userRoles();

} // namespace Nextup::Console
