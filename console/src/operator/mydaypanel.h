#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace Nextup {
class ApiClient;
class StatsJob;
} // namespace Nextup

namespace Nextup::Console {

// "My day": tokens served today at this counter and their average service time, from
// GET /api/stats (today in the branch's time zone, so midnight is the server's, not this PC's).
class MyDayPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MyDayPanel)

public:
    explicit MyDayPanel(ApiClient *api, QWidget *parent = nullptr);
    ~MyDayPanel() override;

    void setCounter(int counterId);
    // Soon (several finishes in a row make one request).
    void refreshSoon();
    int servedToday() const { return m_served; }

signals:
    void refreshed();

private:
    void refresh();

    ApiClient *m_api;
    int m_counterId = 0;
    int m_served = -1;
    QPointer<StatsJob> m_job;
    QLabel *m_servedLabel = nullptr;
    QLabel *m_averageLabel = nullptr;
    QLabel *m_skippedLabel = nullptr;
    QTimer m_soon;
    QTimer m_periodic;
};

} // namespace Nextup::Console
