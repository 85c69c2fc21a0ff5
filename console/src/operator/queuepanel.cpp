#include "operator/queuepanel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

#include "nextup/client/queueclient.h"
#include "operator/waitingtablemodel.h"

namespace Nextup::Console {

QueuePanel::QueuePanel(QueueClient *client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("queuePanel"));
    m_model = new WaitingTableModel(client, this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("serviceCounts"));
    m_counts->setWordWrap(true);
    m_counts->setTextFormat(Qt::RichText);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("waitingList"));
    m_view->setAccessibleName(tr("Waiting tokens"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(WaitingTableModel::ServiceColumn,
                                                     QHeaderView::Stretch);
    const QKeySequence key = callChosenShortcut();
    m_callChosen = new QPushButton(
        tr("Call selected out of turn…  [%1]").arg(key.toString(QKeySequence::NativeText)), this);
    m_callChosen->setObjectName(QStringLiteral("callChosenButton"));
    m_callChosen->setShortcut(key);
    m_callChosen->setAccessibleName(tr("Call selected out of turn"));
    m_callChosen->setToolTip(tr("Calls the token chosen in the list to this counter now, ahead "
                                "of the line; asks for the reason."));
    connect(m_callChosen, &QPushButton::clicked, this, &QueuePanel::requestCallChosen);
    connect(m_view, &QTableView::doubleClicked, this, &QueuePanel::requestCallChosen);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueuePanel::updateCallChosen);
    // The line is rebuilt on every change: the operator's choice stays while its token waits.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keptChoice = chosenToken(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        for (int row = 0; m_keptChoice > 0 && row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, 0);
            if (index.data(WaitingTableModel::TokenIdRole).toLongLong() == m_keptChoice)
                m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
        }
        updateCallChosen();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_counts);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_callChosen);
    connect(client, &QueueClient::stateChanged, this, &QueuePanel::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::updateCounts);
    updateCounts();
    updateCallChosen();
}

QueuePanel::~QueuePanel() = default;

QKeySequence QueuePanel::callChosenShortcut()
{
    return QKeySequence(Qt::SHIFT | Qt::Key_F5);
}

void QueuePanel::setCallChosenAllowed(bool allowed)
{
    m_callChosenAllowed = allowed;
    updateCallChosen();
}

qint64 QueuePanel::chosenToken() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(WaitingTableModel::TokenIdRole).toLongLong();
}

void QueuePanel::updateCallChosen()
{
    m_callChosen->setEnabled(m_callChosenAllowed && chosenToken() > 0);
}

void QueuePanel::requestCallChosen()
{
    const qint64 id = chosenToken();
    if (!m_callChosenAllowed || id <= 0)
        return;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    emit callChosenRequested(id, rows.first().data().toString());
}

void QueuePanel::setCounter(int counterId, const QList<int> &serviceIds)
{
    m_model->setCounter(counterId, serviceIds);
    updateCounts();
}

void QueuePanel::updateCounts()
{
    const int total = m_model->rowCount();
    m_title->setText(tr("Waiting for this counter: %1").arg(total));
    m_title->setAccessibleName(m_title->text());
    QStringList parts;
    for (int id : m_model->serviceIds()) {
        const ServiceQueue *service = m_client->state().service(id);
        if (!service)
            continue;
        const QString eta =
            service->waiting > 0
                ? tr(", new token ~%1").arg(WaitingTableModel::formatMinutes(service->eta))
                : QString();
        parts << tr("<b>%1</b> %2: %3 waiting%4")
                     .arg(service->code.toHtmlEscaped(), service->name.toHtmlEscaped())
                     .arg(service->waiting)
                     .arg(eta);
    }
    m_counts->setText(parts.isEmpty() ? tr("Choose a counter to see its line.")
                                      : parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_counts->setAccessibleName(QString(m_counts->text())
                                    .remove(QRegularExpression(QStringLiteral("<[^>]*>")))
                                    .replace(QStringLiteral("&nbsp;"), QStringLiteral(" ")));
}

} // namespace Nextup::Console
