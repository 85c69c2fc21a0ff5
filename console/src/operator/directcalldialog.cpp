#include "operator/directcalldialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Nextup::Console {

DirectCallDialog::DirectCallDialog(const QString &tokenNumber, const QString &counterName,
                                   QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("directCallDialog"));
    setWindowTitle(tr("Call %1 out of turn").arg(tokenNumber));
    auto *intro = new QLabel(tr("Call %1 to %2 now, ahead of the tokens before it in line? "
                                "Say why: the reason is kept in the token's history.")
                                 .arg(tokenNumber, counterName),
                             this);
    intro->setWordWrap(true);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("directCallReason"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("e.g. returning customer, documents checked"));
    m_reason->setMaxLength(MaxReasonLength);
    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_call = buttons->button(QDialogButtonBox::Ok);
    m_call->setText(tr("&Call now"));
    m_call->setObjectName(QStringLiteral("directCallButton"));
    m_call->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_call->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!reason().isEmpty()) // Return in the field with no reason does nothing
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_reason->setFocus();
}

DirectCallDialog::~DirectCallDialog() = default;

QString DirectCallDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace Nextup::Console
