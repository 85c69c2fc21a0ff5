#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Nextup {
class QueueClient;
}

namespace Nextup::Console {

class WaitingTableModel;

// The live line of this counter: how many wait per service (and the estimate for a token taken
// now), and the tokens themselves in call order. A chosen token may be called out of turn
// (button, double-click or Shift+F5) while the page allows it.
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
    QPushButton *callChosenButton() const { return m_callChosen; }
    // Whether the counter could call a chosen token now (open, the operator's, nobody at it).
    void setCallChosenAllowed(bool allowed);
    // The selected token's id, or 0.
    qint64 chosenToken() const;
    static QKeySequence callChosenShortcut();

signals:
    void callChosenRequested(qint64 tokenId, const QString &tokenNumber);

private:
    void updateCounts();
    void updateCallChosen();
    void requestCallChosen();

    QueueClient *m_client;
    WaitingTableModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_counts = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_callChosen = nullptr;
    bool m_callChosenAllowed = false;
    qint64 m_keptChoice = 0; // the chosen token, chosen again after the list is rebuilt
};

} // namespace Nextup::Console
