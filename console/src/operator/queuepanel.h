#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace Nextup {
class QueueClient;
}

namespace Nextup::Console {

class WaitingTableModel;

// The live line of this counter: how many wait per service (and the estimate for a token taken
// now), and the tokens themselves in call order.
class QueuePanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueuePanel)

public:
    explicit QueuePanel(QueueClient *client, QWidget *parent = nullptr);
    ~QueuePanel() override;

    void setCounter(int counterId, const QList<int> &serviceIds);
    WaitingTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    void updateCounts();

    QueueClient *m_client;
    WaitingTableModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_counts = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace Nextup::Console
