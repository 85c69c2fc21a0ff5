#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include "admin/adminwidgets.h"
#include "nextup/client/apiclient.h"

class QAbstractItemModel;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace Nextup::Console {

// The shape shared by the Services, Counters and Users pages: a table of rows on one side, the
// selected row's form on the other, and New / Save / Deactivate. Save sends POST <collection>
// for a new row and PUT <collection>/:id otherwise; the server validates, and its field
// messages appear under the fields (FormErrors). A refused request changes nothing, so the form
// keeps what the user typed.
class CrudPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrudPage)

public:
    ~CrudPage() override;

    // 0 while the form describes a new row.
    int currentId() const { return m_currentId; }
    QTableView *table() const { return m_table; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *deactivateButton() const { return m_deactivate; }
    QLabel *messageLabel() const { return m_message; }
    const FormErrors &errors() const { return m_errors; }

public slots:
    void startNew();
    void save();
    void deactivate();
    // Reads the rows again (selection kept).
    virtual void reload() = 0;
    // Shows the row with that id in the form.
    void selectId(int id);

signals:
    void saved(int id);
    void saveFailed(const Nextup::Status &status);
    // The rows have been read again.
    void reloaded();

protected:
    CrudPage(ApiClient *api, QAbstractItemModel *model, const QString &collection,
             const QString &itemKey, QWidget *parent);

    ApiClient *api() const { return m_api; }
    FormErrors &formErrors() { return m_errors; }
    QHBoxLayout *buttonRow() const { return m_buttons; }
    // The form's caption while it describes a new row, and while it edits one.
    void setFormTitles(const QString &creating, const QString &editing);
    // Adds a labelled editor with its error label; `field` is the JSON key the server names.
    void addRow(const QString &label, const QString &field, QWidget *editor);
    // Fills the editors from a row, or clears them for a new row (row -1).
    virtual void loadForm(int row) = 0;
    virtual QJsonObject formBody(bool creating) const = 0;
    // Subclasses call this once their rows have been replaced.
    void rowsReplaced();
    // Runs a call that changes the current row; on success the rows are read again.
    void runChange(ApiJob *job, const QString &doneMessage);
    void showEvent(QShowEvent *event) override;

private:
    void onCurrentRowChanged();
    void updateButtons();

    QPointer<ApiClient> m_api;
    QAbstractItemModel *m_model;
    QString m_collection;
    QString m_itemKey;
    QString m_newTitle;
    QString m_editTitle;
    QTableView *m_table;
    QGroupBox *m_formBox;
    QFormLayout *m_form;
    QHBoxLayout *m_buttons;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_deactivate;
    QLabel *m_message;
    QWidget *m_lastEditor = nullptr;
    FormErrors m_errors;
    int m_currentId = 0;
    bool m_busy = false;
    bool m_shownOnce = false;
};

} // namespace Nextup::Console
