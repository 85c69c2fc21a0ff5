#include "admin/userspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

#include "admin/adminmodels.h"
#include "nextup/client/apiclient.h"
#include "nextup/wire/keys.h"

namespace Nextup::Console {

namespace Key = Wire::Key;

UsersPage::UsersPage(ApiClient *api, QWidget *parent)
    : CrudPage(api, new UsersModel, QStringLiteral("/api/users"), Key::User, parent),
      m_username(new QLineEdit(this)), m_fullName(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_password(new QLineEdit(this)), m_active(new QCheckBox(tr("Can sign in"), this)),
      m_reset(new QPushButton(tr("&Reset password"), this))
{
    m_model = static_cast<UsersModel *>(table()->model());
    table()->setAccessibleName(tr("Users"));
    stretchColumn(table(), UsersModel::FullNameColumn);
    setFormTitles(tr("New user"), tr("Edit user"));
    // A branch admin cannot make an admin (the server would refuse it): not offered.
    const bool headOffice = api->user().hasRole(Wire::Role::Admin);
    for (const QString &role : userRoles())
        if (headOffice || role != Wire::toString(Wire::Role::Admin))
            m_role->addItem(roleText(role), role);
    m_password->setEchoMode(QLineEdit::Password);
    addRow(tr("&Username:"), Key::Username, m_username);
    addRow(tr("&Full name:"), Key::FullName, m_fullName);
    addRow(tr("&Role:"), Key::Role, m_role);
    addRow(tr("&Password:"), Key::Password, m_password);
    addRow(tr("Acti&ve:"), Key::Active, m_active);
    m_reset->setObjectName(QStringLiteral("resetPasswordButton"));
    buttonRow()->insertWidget(2, m_reset);
    setTabOrder(saveButton(), m_reset);
    setTabOrder(m_reset, deactivateButton());
    connect(m_reset, &QPushButton::clicked, this, &UsersPage::resetPassword);
    startNew();
}

UsersPage::~UsersPage() = default;

void UsersPage::reload()
{
    if (!api())
        return;
    const int generation = ++m_generation;
    auto *job = api()->callJson("GET", QStringLiteral("/api/users"));
    job->then(
        this,
        [this, job, generation] {
            if (generation != m_generation)
                return;
            QList<UserInfo> users;
            for (const QJsonValue value : job->array())
                users.append(UserInfo::fromJson(value.toObject()));
            m_model->setUsers(users);
            table()->resizeColumnsToContents();
            rowsReplaced();
        },
        [this](const Status &status) { formErrors().showMessage(describe(status), true); });
}

void UsersPage::resetPassword()
{
    if (!api() || currentId() == 0)
        return;
    const QJsonObject body{{Key::Password, m_password->text()}};
    runChange(api()->callJson("PUT", QStringLiteral("/api/users/%1").arg(currentId()), body),
              tr("Password changed."));
}

void UsersPage::loadForm(int row)
{
    m_password->clear();
    m_reset->setEnabled(row >= 0);
    if (row < 0) {
        m_username->clear();
        m_fullName->clear();
        m_role->setCurrentIndex(m_role->findData(Wire::toString(Wire::Role::Operator)));
        m_active->setChecked(true);
        m_password->setPlaceholderText(tr("Required for a new user"));
        return;
    }
    const UserInfo &u = m_model->user(row);
    m_username->setText(u.username);
    m_fullName->setText(u.fullName);
    m_role->setCurrentIndex(m_role->findData(u.role));
    m_active->setChecked(u.active);
    m_password->setPlaceholderText(tr("Type a new one, then Reset password"));
}

QJsonObject UsersPage::formBody(bool creating) const
{
    QJsonObject body{
        {Key::Username, m_username->text().trimmed()},
        {Key::FullName, m_fullName->text()},
        {Key::Role, m_role->currentData().toString()},
        {Key::Active, m_active->isChecked()},
    };
    // Save never changes an existing password by accident; Reset password does that.
    if (creating)
        body.insert(Key::Password, m_password->text());
    return body;
}

} // namespace Nextup::Console
