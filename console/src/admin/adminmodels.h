#pragma once

#include <QAbstractTableModel>

#include "nextup/client/types.h"

// The tables of the Services, Counters and Users pages: plain lists replaced as a whole after
// each read (a catalog is small), with the row's id under IdRole.
namespace Nextup::Console {

enum AdminRoles
{
    IdRole = Qt::UserRole + 1,
};

class ServicesModel : public QAbstractTableModel
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
    using QAbstractTableModel::QAbstractTableModel;

    void setServices(const QList<ServiceInfo> &services);
    const ServiceInfo &service(int row) const { return m_rows.at(row); }
    int rowOf(int id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ServiceInfo> m_rows;
};

class CountersModel : public QAbstractTableModel
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
    using QAbstractTableModel::QAbstractTableModel;

    // `services` names the served services by their letter codes.
    void setCounters(const QList<CounterInfo> &counters, const QList<ServiceInfo> &services);
    const CounterInfo &counter(int row) const { return m_rows.at(row); }
    int rowOf(int id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<CounterInfo> m_rows;
    QHash<int, QString> m_codes;
};

class UsersModel : public QAbstractTableModel
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
    using QAbstractTableModel::QAbstractTableModel;

    void setUsers(const QList<UserInfo> &users);
    const UserInfo &user(int row) const { return m_rows.at(row); }
    int rowOf(int id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<UserInfo> m_rows;
};

// Translated role names.
QString roleText(const QString &role);
const QStringList &userRoles();

} // namespace Nextup::Console
