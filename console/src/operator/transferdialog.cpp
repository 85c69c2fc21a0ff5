#include "operator/transferdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "nextup/wire/keys.h"

namespace Nextup::Console {

TransferDialog::TransferDialog(const QString &tokenNumber, const QList<ServiceQueue> &services,
                               const QList<CounterInfo> &counters, int ownCounterId,
                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Transfer %1").arg(tokenNumber));
    auto *intro =
        new QLabel(tr("Send %1 to another service or counter. It keeps its original arrival time.")
                       .arg(tokenNumber),
                   this);
    intro->setWordWrap(true);
    m_toService = new QRadioButton(tr("To &service:"), this);
    m_toService->setObjectName(QStringLiteral("toServiceRadio"));
    m_services = new QComboBox(this);
    m_services->setObjectName(QStringLiteral("transferService"));
    m_services->setAccessibleName(tr("Target service"));
    for (const ServiceQueue &service : services)
        m_services->addItem(QStringLiteral("%1 · %2").arg(service.code, service.name), service.id);
    m_toCounter = new QRadioButton(tr("To &counter:"), this);
    m_toCounter->setObjectName(QStringLiteral("toCounterRadio"));
    m_counters = new QComboBox(this);
    m_counters->setObjectName(QStringLiteral("transferCounter"));
    m_counters->setAccessibleName(tr("Target counter"));
    for (const CounterInfo &counter : counters) {
        if (counter.id != ownCounterId)
            m_counters->addItem(counter.name, counter.id);
    }
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("transferReason"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("optional"));
    m_toService->setChecked(true);
    m_counters->setEnabled(false);
    connect(m_toService, &QRadioButton::toggled, m_services, &QWidget::setEnabled);
    connect(m_toCounter, &QRadioButton::toggled, m_counters, &QWidget::setEnabled);

    auto *form = new QFormLayout;
    form->addRow(m_toService, m_services);
    form->addRow(m_toCounter, m_counters);
    form->addRow(tr("&Reason:"), m_reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Transfer"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_services->setFocus();
}

TransferDialog::~TransferDialog() = default;

QJsonObject TransferDialog::target() const
{
    if (m_toCounter->isChecked())
        return {{Wire::Key::CounterId, m_counters->currentData().toInt()}};
    return {{Wire::Key::ServiceId, m_services->currentData().toInt()}};
}

QString TransferDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace Nextup::Console
