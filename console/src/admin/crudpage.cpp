#include "admin/crudpage.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include "admin/adminmodels.h"
#include "nextup/client/apiclient.h"
#include "nextup/wire/keys.h"

namespace Nextup::Console {

CrudPage::CrudPage(ApiClient *api, QAbstractItemModel *model, const QString &collection,
                   const QString &itemKey, QWidget *parent)
    : QWidget(parent), m_api(api), m_model(model), m_collection(collection), m_itemKey(itemKey),
      m_table(new QTableView(this)), m_formBox(new QGroupBox(this)), m_form(new QFormLayout),
      m_buttons(new QHBoxLayout), m_new(new QPushButton(tr("&New"), this)),
      m_save(new QPushButton(tr("&Save"), this)),
      m_deactivate(new QPushButton(tr("&Deactivate"), this)), m_message(new QLabel(this)),
      m_errors(m_message)
{
    model->setParent(this);
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setObjectName(QStringLiteral("table"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CrudPage::onCurrentRowChanged);

    m_new->setToolTip(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText));
    m_save->setToolTip(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText));
    m_new->setObjectName(QStringLiteral("newButton"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_deactivate->setObjectName(QStringLiteral("deactivateButton"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->hide();
    connect(m_new, &QPushButton::clicked, this, &CrudPage::startNew);
    connect(m_save, &QPushButton::clicked, this, &CrudPage::save);
    connect(m_deactivate, &QPushButton::clicked, this, &CrudPage::deactivate);
    // Page-wide shortcuts, so they work from any field of the form.
    auto *newShortcut = new QShortcut(QKeySequence::New, this, this, &CrudPage::startNew);
    newShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this, this, &CrudPage::save);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *reloadShortcut = new QShortcut(QKeySequence::Refresh, this, this, &CrudPage::reload);
    reloadShortcut->setContext(Qt::WidgetWithChildrenShortcut);

    m_buttons->addWidget(m_new);
    m_buttons->addWidget(m_save);
    m_buttons->addWidget(m_deactivate);
    m_buttons->addStretch();
    auto *formColumn = new QVBoxLayout(m_formBox);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    formColumn->addLayout(m_form);
    formColumn->addLayout(m_buttons);
    formColumn->addWidget(m_message);
    formColumn->addStretch();

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_formBox, 2);
    updateButtons();
}

CrudPage::~CrudPage() = default;

void CrudPage::setFormTitles(const QString &creating, const QString &editing)
{
    m_newTitle = creating;
    m_editTitle = editing;
    updateButtons();
}

void CrudPage::addRow(const QString &label, const QString &field, QWidget *editor)
{
    editor->setObjectName(field);
    if (editor->accessibleName().isEmpty())
        editor->setAccessibleName(QString(label).remove(u'&'));
    auto *caption = new QLabel(label, this);
    caption->setBuddy(editor);
    m_form->addRow(caption, m_errors.addField(field, editor));
    // Tab goes table → fields in form order → buttons, whatever order they were created in.
    setTabOrder(m_lastEditor ? m_lastEditor : static_cast<QWidget *>(m_table), editor);
    setTabOrder(editor, m_new);
    setTabOrder(m_new, m_save);
    setTabOrder(m_save, m_deactivate);
    m_lastEditor = editor;
}

void CrudPage::startNew()
{
    m_table->selectionModel()->clearSelection();
    m_table->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    m_currentId = 0;
    m_errors.clear();
    m_message->hide();
    loadForm(-1);
    updateButtons();
    if (m_form->rowCount() > 0)
        m_form->itemAt(0, QFormLayout::FieldRole)->widget()->setFocus(Qt::ShortcutFocusReason);
}

void CrudPage::selectId(int id)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(IdRole).toInt() == id) {
            // Not QTableView::selectRow(): right to left it looks for the column at x = width,
            // finds none and selects nothing (Qt 6.4).
            const QModelIndex index = m_model->index(row, 0);
            m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
            m_table->scrollTo(index);
            return;
        }
    }
}

void CrudPage::onCurrentRowChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    m_currentId = current.data(IdRole).toInt();
    m_errors.clear();
    loadForm(current.row());
    updateButtons();
}

void CrudPage::rowsReplaced()
{
    // The model was reset: find the row being edited again, or keep the new-row form as typed.
    if (m_currentId != 0) {
        const int id = m_currentId;
        selectId(id);
        if (m_currentId != id || !m_table->selectionModel()->currentIndex().isValid()) {
            // Gone from the list (a deactivated counter is not listed): say so, start afresh.
            const QString message = m_message->text();
            startNew();
            m_errors.showMessage(message, false);
        }
    }
    updateButtons();
    emit reloaded();
}

void CrudPage::save()
{
    if (m_busy || !m_api)
        return;
    const bool creating = m_currentId == 0;
    const QString path =
        creating ? m_collection : QStringLiteral("%1/%2").arg(m_collection).arg(m_currentId);
    runChange(m_api->callJson(creating ? "POST" : "PUT", path, formBody(creating)), tr("Saved."));
}

void CrudPage::deactivate()
{
    if (m_busy || !m_api || m_currentId == 0)
        return;
    runChange(m_api->callJson("DELETE", QStringLiteral("%1/%2").arg(m_collection).arg(m_currentId)),
              tr("Deactivated."));
}

void CrudPage::runChange(ApiJob *job, const QString &doneMessage)
{
    m_busy = true;
    updateButtons();
    auto *json = qobject_cast<JsonJob *>(job);
    job->then(
        this,
        [this, json, doneMessage] {
            m_busy = false;
            const int id =
                json ? json->object().value(m_itemKey).toObject().value(Wire::Key::Id).toInt()
                     : m_currentId;
            if (id)
                m_currentId = id;
            m_errors.clear();
            m_errors.showMessage(doneMessage, false);
            updateButtons();
            emit saved(m_currentId);
            reload();
        },
        [this](const Status &status) {
            m_busy = false;
            m_errors.show(status);
            updateButtons();
            emit saveFailed(status);
        });
}

void CrudPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Only the first time: reloading on every tab switch would overwrite a form being typed.
    // F5 reads the rows again on demand; every save does too.
    if (!m_shownOnce) {
        m_shownOnce = true;
        reload();
    }
}

void CrudPage::updateButtons()
{
    m_save->setEnabled(!m_busy);
    m_deactivate->setEnabled(!m_busy && m_currentId != 0);
    m_formBox->setTitle(m_currentId == 0 ? m_newTitle : m_editTitle);
}

} // namespace Nextup::Console
