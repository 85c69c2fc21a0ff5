#include "operator/queuepanel.h"

#include <QHeaderView>
#include <QLabel>
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
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_counts);
    layout->addWidget(m_view, 1);
    connect(client, &QueueClient::stateChanged, this, &QueuePanel::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::updateCounts);
    updateCounts();
}

QueuePanel::~QueuePanel() = default;

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
