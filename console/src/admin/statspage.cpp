#include "admin/statspage.h"

#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "admin/adminwidgets.h"
#include "admin/statscharts.h"
#include "admin/statsmodel.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/tokenjobs.h"

namespace Nextup::Console {

namespace {
const int kDefaultLiveDelayMs = 2000;

QChartView *makeChartView(QChart *chart, const QString &accessibleName, QWidget *parent)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    // Axis numbers in the locale's digits, like the table's.
    chart->setLocalizeNumbers(true);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(accessibleName);
    view->setMinimumHeight(200);
    return view;
}
} // namespace

StatsPage::StatsPage(ApiClient *api, QueueClient *queue, QWidget *parent)
    : QWidget(parent), m_api(api), m_queue(queue), m_model(new StatsTableModel(this))
{
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(kDefaultLiveDelayMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &StatsPage::refresh);
    if (m_queue) {
        connect(m_queue, &QueueClient::eventReceived, this, &StatsPage::onQueueEvent);
        connect(m_queue, &QueueClient::resynced, this, &StatsPage::onQueueEvent);
        connect(m_queue, &QueueClient::staleChanged, this, &StatsPage::updateLiveLabel);
    }

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("statsTable"));
    m_table->setAccessibleName(tr("Statistics table"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    stretchColumn(m_table, StatsTableModel::NameColumn);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setTextFormat(Qt::RichText);
    m_accuracy = new QLabel(this);
    m_accuracy->setObjectName(QStringLiteral("etaAccuracy"));
    m_accuracy->setTextFormat(Qt::RichText);
    m_message = makeErrorLabel(QStringLiteral("message"), this);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildCharts());
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addWidget(m_summary);
    layout->addWidget(m_accuracy);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    updateLiveLabel();
}

StatsPage::~StatsPage()
{
    if (m_job)
        m_job->abandon();
}

QWidget *StatsPage::buildControls()
{
    auto *box = new QWidget(this);
    m_today = new QRadioButton(tr("T&oday (live)"), box);
    m_range = new QRadioButton(tr("&Range:"), box);
    auto *modes = new QButtonGroup(box);
    modes->addButton(m_today);
    modes->addButton(m_range);
    m_today->setChecked(true);
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today.addDays(-6), box);
    m_to = new QDateEdit(today, box);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setEnabled(false);
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    auto *dash = new QLabel(tr("to"), box);
    m_refresh = new QPushButton(tr("Re&fresh"), box);
    m_refresh->setToolTip(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText));
    // A separate shortcut: QAbstractButton::setShortcut() would replace the Alt mnemonic.
    auto *refreshKey = new QShortcut(QKeySequence::Refresh, this, this, &StatsPage::refresh);
    refreshKey->setContext(Qt::WidgetWithChildrenShortcut);
    m_live = new QLabel(box);
    m_live->setObjectName(QStringLiteral("liveLabel"));
    connect(m_today, &QRadioButton::toggled, this, [this](bool today) {
        m_from->setEnabled(!today);
        m_to->setEnabled(!today);
        refresh();
    });
    connect(m_refresh, &QPushButton::clicked, this, &StatsPage::refresh);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_today);
    row->addSpacing(12);
    row->addWidget(m_range);
    row->addWidget(m_from);
    row->addWidget(dash);
    row->addWidget(m_to);
    row->addWidget(m_refresh);
    row->addStretch(1);
    row->addWidget(m_live);
    return box;
}

QWidget *StatsPage::buildCharts()
{
    auto *box = new QWidget(this);
    m_group = new QComboBox(box);
    m_group->setAccessibleName(tr("Compare"));
    m_group->addItem(tr("Per service"), QStringLiteral("service"));
    m_group->addItem(tr("Per counter"), QStringLiteral("counter"));
    connect(m_group, &QComboBox::currentIndexChanged, this, &StatsPage::fillCharts);
    m_tokensChart = new QChart;
    m_tokensChart->setTitle(tr("Tokens"));
    m_timesChart = new QChart;
    m_timesChart->setTitle(tr("Wait and service time (minutes)"));
    m_hoursChart = new QChart;
    m_hoursChart->setTitle(tr("Tokens per hour"));
    auto *tabs = new QTabWidget(box);
    tabs->setObjectName(QStringLiteral("chartTabs"));
    tabs->addTab(makeChartView(m_tokensChart, tr("Tokens chart"), tabs), tr("&Tokens"));
    tabs->addTab(makeChartView(m_timesChart, tr("Times chart"), tabs), tr("T&imes"));
    auto *compare = new QLabel(tr("Co&mpare:"), box);
    compare->setBuddy(m_group);
    auto *groupRow = new QHBoxLayout;
    groupRow->addWidget(compare);
    groupRow->addWidget(m_group);
    groupRow->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addLayout(groupRow);
    left->addWidget(tabs, 1);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addWidget(makeChartView(m_hoursChart, tr("Tokens per hour chart"), box), 1);
    return box;
}

bool StatsPage::isLive() const
{
    return m_today->isChecked() && m_queue;
}

void StatsPage::showToday()
{
    m_today->setChecked(true);
}

void StatsPage::showRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
    if (m_range->isChecked())
        refresh();
    else
        m_range->setChecked(true);
}

void StatsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void StatsPage::onQueueEvent()
{
    // Throttle, not debounce: a steady stream of events still refreshes once per interval.
    if (isLive() && !m_liveTimer.isActive())
        m_liveTimer.start();
}

void StatsPage::refresh()
{
    if (!m_api)
        return;
    if (m_job) {
        m_refreshAgain = true; // answered after the running one, with the newest choice
        return;
    }
    m_liveTimer.stop();
    const bool today = m_today->isChecked();
    m_job = today ? m_api->stats() : m_api->stats(m_from->date(), m_to->date());
    StatsJob *job = m_job;
    job->then(
        this, [this, job] { onReport(job->report()); },
        [this](const Status &status) {
            m_message->setText(describe(status));
            m_message->show();
            emit refreshFailed(status);
        });
    connect(job, &ApiJob::finished, this, [this] {
        m_job = nullptr; // the job deletes itself a little later
        if (m_refreshAgain) {
            m_refreshAgain = false;
            QMetaObject::invokeMethod(this, &StatsPage::refresh, Qt::QueuedConnection);
        }
    });
}

void StatsPage::onReport(const StatsReport &report)
{
    m_message->hide();
    m_model->setReport(report);
    fillCharts();
    updateSummary();
    updateLiveLabel();
    emit refreshed();
}

void StatsPage::fillCharts()
{
    const StatsReport &report = m_model->report();
    const bool byCounter = m_group->currentData().toString() == u"counter";
    const QList<StatsBlock> &blocks = byCounter ? report.perCounter : report.perService;
    const bool rtl = isRightToLeft();
    StatsCharts::fillTokens(m_tokensChart, blocks, rtl);
    StatsCharts::fillTimes(m_timesChart, blocks, rtl);
    StatsCharts::fillHours(m_hoursChart, report.perHour, rtl);
    m_hoursChart->setTitle(report.from == report.to ? tr("Tokens per hour")
                                                    : tr("Tokens per hour of the day, all days"));
}

void StatsPage::updateSummary()
{
    const StatsReport &r = m_model->report();
    const StatsBlock &t = r.totals;
    const QLocale locale;
    const QString period = r.from == r.to ? locale.toString(r.from, QLocale::ShortFormat)
                                          : tr("%1 to %2")
                                                .arg(locale.toString(r.from, QLocale::ShortFormat),
                                                     locale.toString(r.to, QLocale::ShortFormat));
    m_summary->setText(
        tr("<b>%1</b>: issued <b>%2</b> · served <b>%3</b> · skipped <b>%4</b> · "
           "waiting <b>%5</b> · average wait <b>%6</b> (90%: %7) · "
           "average service <b>%8</b> (90%: %9)")
            .arg(period.toHtmlEscaped(), locale.toString(t.issued), locale.toString(t.served),
                 locale.toString(t.skipped), locale.toString(t.waiting),
                 formatDuration(t.avgWaitSeconds), formatDuration(t.p90WaitSeconds),
                 formatDuration(t.avgServiceSeconds), formatDuration(t.p90ServiceSeconds)));
    // eta_accuracy: predicted against real waits of walk-ins called in the period. The mean error
    // is the real wait minus the prediction: positive when customers waited longer than told.
    QString accuracy;
    if (r.etaSamples == 0) {
        accuracy = tr("Estimated waits: no called walk-in tokens to compare yet.");
    } else {
        const double bias = r.etaMeanErrorSeconds;
        const QString tendency =
            bias >= 0 ? tr("customers waited %1 longer than told").arg(formatDuration(bias))
                      : tr("customers waited %1 less than told").arg(formatDuration(-bias));
        accuracy = tr("Estimated waits (%Ln token(s) compared): off by <b>%1</b> on average; "
                      "overall %2.",
                      nullptr, int(r.etaSamples))
                       .arg(formatDuration(r.etaMeanAbsErrorSeconds), tendency);
    }
    m_accuracy->setText(accuracy);
    m_accuracy->setAccessibleName(
        QString(accuracy).remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>")));
}

void StatsPage::updateLiveLabel()
{
    if (!m_today->isChecked()) {
        m_live->setText(tr("Range: refresh by hand"));
        m_live->setStyleSheet({});
    } else if (!m_queue) {
        m_live->setText(tr("Not live: press Refresh"));
        m_live->setStyleSheet({});
    } else if (m_queue->isStale()) {
        m_live->setText(tr("Reconnecting — figures may be behind"));
        m_live->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    } else {
        m_live->setText(tr("● Live"));
        m_live->setStyleSheet(QStringLiteral("color: #1b7f3b; font-weight: bold;"));
    }
    m_live->setAccessibleName(m_live->text());
}

} // namespace Nextup::Console
