#pragma once

#include "admin/crudpage.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace Nextup::Console {

class UsersModel;

// Users: username, full name, role, active; a new password for a new user, or "Reset password"
// for an existing one (PUT /api/users/:id {password}). Deactivate = DELETE (cannot sign in).
class UsersPage : public CrudPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)

public:
    explicit UsersPage(ApiClient *api, QWidget *parent = nullptr);
    ~UsersPage() override;

    UsersModel *model() const { return m_model; }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QComboBox *roleBox() const { return m_role; }

public slots:
    void reload() override;
    void resetPassword();

protected:
    void loadForm(int row) override;
    QJsonObject formBody(bool creating) const override;

private:
    UsersModel *m_model;
    QLineEdit *m_username;
    QLineEdit *m_fullName;
    QComboBox *m_role;
    QLineEdit *m_password;
    QCheckBox *m_active;
    QPushButton *m_reset;
    int m_generation = 0;
};

} // namespace Nextup::Console
