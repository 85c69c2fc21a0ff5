#include "admin/servicespage.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>

#include "admin/admincatalog.h"
#include "admin/adminmodels.h"
#include "admin/branchbox.h"
#include "nextup/wire/keys.h"

namespace Nextup::Console {

namespace Key = Wire::Key;

namespace {
const int kDefaultAvgService = 300;
const int kDefaultTargetWait = 900;
} // namespace

ServicesPage::ServicesPage(ApiClient *api, AdminCatalog *catalog, QWidget *parent)
    : CrudPage(api, new ServicesModel, QStringLiteral("/api/services"), Key::Service, parent),
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
    addRow(tr("&Branch:"), Key::BranchId, m_branch);
    addRow(tr("Letter &code:"), Key::Code, m_code);
    addRow(tr("&Name:"), Key::Name, m_name);
    addRow(tr("&Average service time:"), Key::AvgServiceSeconds, m_avgService);
    addRow(tr("&Target wait:"), Key::TargetWaitSeconds, m_targetWait);
    addRow(tr("Acti&ve:"), Key::Active, m_active);
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
        {Key::Code, m_code->text().trimmed()},
        {Key::Name, m_name->text()},
        {Key::AvgServiceSeconds, m_avgService->value()},
        {Key::TargetWaitSeconds, m_targetWait->value()},
        {Key::Active, m_active->isChecked()},
    };
    m_branch->addTo(body);
    return body;
}

} // namespace Nextup::Console
