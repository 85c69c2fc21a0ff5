#include "admin/counterspage.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>

#include "admin/admincatalog.h"
#include "admin/adminmodels.h"
#include "admin/branchbox.h"
#include "nextup/wire/keys.h"

namespace Nextup::Console {

namespace Key = Wire::Key;

CountersPage::CountersPage(ApiClient *api, AdminCatalog *catalog, QWidget *parent)
    : CrudPage(api, new CountersModel, QStringLiteral("/api/counters"), Key::Counter, parent),
      m_catalog(catalog), m_branch(new BranchBox(this)), m_name(new QLineEdit(this)),
      m_services(new QListWidget(this)), m_active(new QCheckBox(tr("In use"), this))
{
    m_model = static_cast<CountersModel *>(table()->model());
    table()->setAccessibleName(tr("Counters"));
    stretchColumn(table(), CountersModel::ServicesColumn);
    setFormTitles(tr("New counter"), tr("Edit counter"));
    m_name->setPlaceholderText(tr("e.g. Counter D"));
    m_services->setMinimumHeight(120);
    addRow(tr("&Branch:"), Key::BranchId, m_branch);
    addRow(tr("&Name:"), Key::Name, m_name);
    addRow(tr("Services ser&ved:"), Key::ServiceIds, m_services);
    addRow(tr("Acti&ve:"), Key::Active, m_active);
    connect(m_catalog, &AdminCatalog::changed, this, &CountersPage::onCatalogChanged);
    onCatalogChanged();
    startNew();
}

CountersPage::~CountersPage() = default;

void CountersPage::reload()
{
    m_catalog->reload();
}

void CountersPage::onCatalogChanged()
{
    m_branch->setBranches(m_catalog->branches());
    // The ticks the user has made survive a reload of the list.
    fillServices(checkedServices());
    m_model->setCounters(m_catalog->counters(), m_catalog->services());
    table()->resizeColumnsToContents();
    rowsReplaced();
}

void CountersPage::fillServices(const QList<int> &checked)
{
    m_services->clear();
    for (const ServiceInfo &s : m_catalog->services()) {
        QString text = QStringLiteral("%1 — %2").arg(s.code, s.name);
        if (!s.active)
            text = tr("%1 (inactive)").arg(text);
        auto *item = new QListWidgetItem(text, m_services);
        item->setData(IdRole, s.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(s.id) ? Qt::Checked : Qt::Unchecked);
    }
}

bool CountersPage::setServiceChecked(int serviceId, bool checked)
{
    for (int i = 0; i < m_services->count(); ++i) {
        QListWidgetItem *item = m_services->item(i);
        if (item->data(IdRole).toInt() == serviceId) {
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

QList<int> CountersPage::checkedServices() const
{
    QList<int> ids;
    for (int i = 0; i < m_services->count(); ++i)
        if (m_services->item(i)->checkState() == Qt::Checked)
            ids.append(m_services->item(i)->data(IdRole).toInt());
    return ids;
}

void CountersPage::loadForm(int row)
{
    if (row < 0) {
        m_name->clear();
        fillServices({});
        m_active->setChecked(true);
        return;
    }
    const CounterInfo &c = m_model->counter(row);
    m_branch->selectBranch(c.branchId);
    m_name->setText(c.name);
    fillServices(c.serviceIds);
    m_active->setChecked(c.active);
}

QJsonObject CountersPage::formBody(bool) const
{
    QJsonArray ids;
    for (int id : checkedServices())
        ids.append(id);
    QJsonObject body{
        {Key::Name, m_name->text()},
        {Key::ServiceIds, ids},
        {Key::Active, m_active->isChecked()},
    };
    m_branch->addTo(body);
    return body;
}

} // namespace Nextup::Console
