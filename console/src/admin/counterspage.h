#pragma once

#include "admin/crudpage.h"

class QCheckBox;
class QLineEdit;
class QListWidget;

namespace Nextup::Console {

class AdminCatalog;
class BranchBox;
class CountersModel;

// Counters: name and the services they serve (POST/PUT/DELETE /api/counters). The services
// are a checkable list (Space toggles the focused one).
class CountersPage : public CrudPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountersPage)

public:
    CountersPage(ApiClient *api, AdminCatalog *catalog, QWidget *parent = nullptr);
    ~CountersPage() override;

    CountersModel *model() const { return m_model; }
    QLineEdit *nameEdit() const { return m_name; }
    QListWidget *servicesList() const { return m_services; }
    // Ticks or unticks a service in the form.
    bool setServiceChecked(int serviceId, bool checked);
    QList<int> checkedServices() const;

public slots:
    void reload() override;

protected:
    void loadForm(int row) override;
    QJsonObject formBody(bool creating) const override;

private:
    void onCatalogChanged();
    void fillServices(const QList<int> &checked);

    AdminCatalog *m_catalog;
    CountersModel *m_model;
    BranchBox *m_branch;
    QLineEdit *m_name;
    QListWidget *m_services;
    QCheckBox *m_active;
};

} // namespace Nextup::Console
