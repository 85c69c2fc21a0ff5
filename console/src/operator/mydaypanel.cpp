#include "operator/mydaypanel.h"

#include <cmath>

#include <QHBoxLayout>
#include <QLabel>

#include "nextup/client/apiclient.h"
#include "nextup/client/tokenjobs.h"

namespace Nextup::Console {

MyDayPanel::MyDayPanel(ApiClient *api, QWidget *parent) : QWidget(parent), m_api(api)
{
    setObjectName(QStringLiteral("myDayPanel"));
    auto *title = new QLabel(tr("My day at this counter:"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_servedLabel = new QLabel(this);
    m_servedLabel->setObjectName(QStringLiteral("servedToday"));
    m_averageLabel = new QLabel(this);
    m_averageLabel->setObjectName(QStringLiteral("averageService"));
    m_skippedLabel = new QLabel(this);
    m_skippedLabel->setObjectName(QStringLiteral("skippedToday"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(24);
    layout->addWidget(title);
    layout->addWidget(m_servedLabel);
    layout->addWidget(m_averageLabel);
    layout->addWidget(m_skippedLabel);
    layout->addStretch(1);

    m_soon.setSingleShot(true);
    m_soon.setInterval(400);
    connect(&m_soon, &QTimer::timeout, this, &MyDayPanel::refresh);
    m_periodic.setInterval(60'000);
    connect(&m_periodic, &QTimer::timeout, this, &MyDayPanel::refresh);
    m_periodic.start();
    m_servedLabel->setText(tr("Served: –"));
    m_averageLabel->setText(tr("Average service time: –"));
    m_skippedLabel->setText(tr("No-shows: –"));
}

MyDayPanel::~MyDayPanel()
{
    if (m_job)
        m_job->abandon();
}

void MyDayPanel::setCounter(int counterId)
{
    if (counterId == m_counterId)
        return;
    m_counterId = counterId;
    m_served = -1;
    m_servedLabel->setText(tr("Served: –"));
    m_averageLabel->setText(tr("Average service time: –"));
    m_skippedLabel->setText(tr("No-shows: –"));
    if (counterId > 0)
        refreshSoon();
}

void MyDayPanel::refreshSoon()
{
    m_soon.start();
}

void MyDayPanel::refresh()
{
    if (m_counterId <= 0 || !m_api->isLoggedIn())
        return;
    if (m_job)
        m_job->abandon();
    m_job = m_api->stats();
    const int counterId = m_counterId;
    m_job->then(this, [this, job = m_job.data(), counterId] {
        if (counterId != m_counterId)
            return;
        StatsBlock mine;
        for (const StatsBlock &block : job->report().perCounter) {
            if (block.id == counterId)
                mine = block;
        }
        m_served = int(mine.served);
        const int average = int(std::lround(mine.avgServiceSeconds));
        m_servedLabel->setText(tr("Served: %1").arg(m_served));
        m_averageLabel->setText(mine.served > 0 ? tr("Average service time: %1:%2")
                                                      .arg(average / 60)
                                                      .arg(average % 60, 2, 10, QLatin1Char('0'))
                                                : tr("Average service time: –"));
        m_skippedLabel->setText(tr("No-shows: %1").arg(mine.skipped));
        emit refreshed();
    });
}

} // namespace Nextup::Console
