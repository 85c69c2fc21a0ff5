#pragma once

#include <atomic>

#include <QObject>
#include <QTimer>

#include "domain/appointmentdesk.h"

namespace Nextup {

class WorkerPool;

// Every interval, turns the booked tokens whose check-in window has closed into no-shows
// (AppointmentDesk::expireNoShows) on a worker thread. Every instance runs one; the statement
// expires each token once however many sweep at the same moment.
class NoShowSweep : public QObject
{
    Q_OBJECT

public:
    NoShowSweep(QueueDeps deps, WorkerPool &pool, int intervalMs, QObject *parent = nullptr);

private:
    void sweep();

    AppointmentDesk m_desk;
    WorkerPool &m_pool;
    QTimer m_timer;
    std::atomic<bool> m_running = false; // one sweep at a time: a slow database piles none up
};

} // namespace Nextup
