#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/status.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/client/tokentypes.h"

class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QRadioButton;
class QTableView;

namespace Nextup::Console {

class StatsTableModel;

// Statistics of today or of a chosen range (GET /api/stats): issued, served, skipped, average and
// 90th percentile wait and service time per service and per counter, appointments (booked,
// checked in, no-shows, punctuality), tokens per hour, as bar charts and a table, and how well
// the estimated waits matched the real ones. Today's figures are live: every queue event
// (QueueClient::eventReceived) asks for a refresh, at most one per liveDelay, so a busy branch does
// not flood the server.
class StatsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPage)

public:
    StatsPage(ApiClient *api, QueueClient *queue, QWidget *parent = nullptr);
    ~StatsPage() override;

    StatsTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QChart *tokensChart() const { return m_tokensChart; }
    QChart *timesChart() const { return m_timesChart; }
    QChart *hoursChart() const { return m_hoursChart; }
    QRadioButton *todayButton() const { return m_today; }
    QRadioButton *rangeButton() const { return m_range; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    // "service" or "counter": what the charts compare.
    QComboBox *groupBox() const { return m_group; }
    // How well the estimated waits matched (eta_accuracy).
    QLabel *accuracyLabel() const { return m_accuracy; }
    bool isLive() const;
    int liveDelay() const { return m_liveTimer.interval(); }
    void setLiveDelay(int milliseconds) { m_liveTimer.setInterval(milliseconds); }

public slots:
    void refresh();
    void showToday();
    void showRange(const QDate &from, const QDate &to);

signals:
    void refreshed();
    void refreshFailed(const Nextup::Status &status);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildControls();
    QWidget *buildCharts();
    void onQueueEvent();
    void onReport(const StatsReport &report);
    void fillCharts();
    void updateSummary();
    void updateLiveLabel();

    QPointer<ApiClient> m_api;
    QPointer<QueueClient> m_queue;
    StatsTableModel *m_model;
    QTimer m_liveTimer;
    QPointer<StatsJob> m_job;
    bool m_refreshAgain = false;
    QRadioButton *m_today = nullptr;
    QRadioButton *m_range = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_live = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_accuracy = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_group = nullptr;
    QChart *m_tokensChart = nullptr;
    QChart *m_timesChart = nullptr;
    QChart *m_hoursChart = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace Nextup::Console
