#pragma once

#include "admin/crudpage.h"

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace Nextup::Console {

class AdminCatalog;
class BranchBox;
class ServicesModel;

// Services: letter code, name, average service time, target wait, active (POST/PUT/DELETE
// /api/services). Every change reloads the shared catalog, so other pages see it.
class ServicesPage : public CrudPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServicesPage)

public:
    ServicesPage(ApiClient *api, AdminCatalog *catalog, QWidget *parent = nullptr);
    ~ServicesPage() override;

    ServicesModel *model() const { return m_model; }
    QLineEdit *codeEdit() const { return m_code; }
    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *avgServiceEdit() const { return m_avgService; }
    QCheckBox *activeBox() const { return m_active; }

public slots:
    void reload() override;

protected:
    void loadForm(int row) override;
    QJsonObject formBody(bool creating) const override;

private:
    void onCatalogChanged();

    AdminCatalog *m_catalog;
    ServicesModel *m_model;
    BranchBox *m_branch;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QSpinBox *m_avgService;
    QSpinBox *m_targetWait;
    QCheckBox *m_active;
};

} // namespace Nextup::Console
