#include "admin/servicespage.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>

#include "admin/admincatalog.h"
#include "admin/adminmodels.h"
#include "admin/branchbox.h"

namespace Nextup::Console {

namespace {
const int kDefaultAvgService = 300;
const int kDefaultTargetWait = 900;
} // namespace

ServicesPage::ServicesPage(ApiClient *api, AdminCatalog *catalog, QWidget *parent)
    : CrudPage(api, new ServicesModel, QStringLiteral("/api/services"), QStringLiteral("service"),
               parent),
      m_catalog(catalog), m_branch(new BranchBox(this)), m_code(new QLineEdit(this)),
      m_name(new QLineEdit(this)), m_avgService(new DurationSpinBox(this)),
      m_targetWait(new DurationSpinBox(this)),
      m_active(new QCheckBox(tr("Customers can take tokens"), this))
{
    m_model = static_cast<ServicesModel *>(table()->model());
    table()->setAccessibleName(tr("Services"));
    stretchColumn(table(), ServicesModel::NameColumn);
    setFormTitles(tr("New service"), tr("Edit service"));
    m_code->setPlaceholderText(tr("e.g. D"));
    m_code->setMaxLength(8); // the server's rule (1-3 capitals) is checked, and explained, there
    m_name->setPlaceholderText(tr("e.g. Deposit"));
    addRow(tr("&Branch:"), QStringLiteral("branch_id"), m_branch);
    addRow(tr("Letter &code:"), QStringLiteral("code"), m_code);
    addRow(tr("&Name:"), QStringLiteral("name"), m_name);
    addRow(tr("&Average service time:"), QStringLiteral("avg_service_seconds"), m_avgService);
    addRow(tr("&Target wait:"), QStringLiteral("target_wait_seconds"), m_targetWait);
    addRow(tr("Acti&ve:"), QStringLiteral("active"), m_active);
    connect(m_catalog, &AdminCatalog::changed, this, &ServicesPage::onCatalogChanged);
    connect(m_catalog, &AdminCatalog::failed, this,
            [this](const Status &status) { formErrors().showMessage(describe(status), true); });
    onCatalogChanged();
    startNew();
}

ServicesPage::~ServicesPage() = default;

void ServicesPage::reload()
{
    m_catalog->reload();
}

void ServicesPage::onCatalogChanged()
{
    m_branch->setBranches(m_catalog->branches());
    m_model->setServices(m_catalog->services());
    table()->resizeColumnsToContents();
    rowsReplaced();
}

void ServicesPage::loadForm(int row)
{
    if (row < 0) {
        m_code->clear();
        m_name->clear();
        m_avgService->setValue(kDefaultAvgService);
        m_targetWait->setValue(kDefaultTargetWait);
        m_active->setChecked(true);
        return;
    }
    const ServiceInfo &s = m_model->service(row);
    m_branch->selectBranch(s.branchId);
    m_code->setText(s.code);
    m_name->setText(s.name);
    m_avgService->setValue(s.avgServiceSeconds);
    m_targetWait->setValue(s.targetWaitSeconds);
    m_active->setChecked(s.active);
}

QJsonObject ServicesPage::formBody(bool) const
{
    QJsonObject body{
        {QStringLiteral("code"), m_code->text().trimmed()},
        {QStringLiteral("name"), m_name->text()},
        {QStringLiteral("avg_service_seconds"), m_avgService->value()},
        {QStringLiteral("target_wait_seconds"), m_targetWait->value()},
        {QStringLiteral("active"), m_active->isChecked()},
    };
    m_branch->addTo(body);
    return body;
}

} // namespace Nextup::Console
