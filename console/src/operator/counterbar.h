#pragma once

#include <QWidget>

#include "nextup/client/types.h"
#include "operator/deskrules.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace Nextup::Console {

// The strip above the work area: which counter, its state, and Open (or Resume) / Pause / Close.
class CounterBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CounterBar)

public:
    explicit CounterBar(QWidget *parent = nullptr);
    ~CounterBar() override;

    // Fills the chooser; keeps the selection when the chosen counter is still there.
    void setCounters(const QList<CounterInfo> &counters, int selectedId);
    int selectedCounterId() const;
    // The chosen counter as it is now, with who opened it (a name, if known).
    void showCounter(const CounterInfo *counter, bool mine);
    // canSwitch: false while a token is at this user's counter (finish it first).
    void setActions(const DeskActions &actions, const QString &counterStatus, bool canSwitch);

signals:
    void counterChosen(int counterId);
    void openRequested();
    void pauseRequested();
    void closeRequested();

private:
    QComboBox *m_chooser = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_close = nullptr;
    bool m_filling = false;
};

} // namespace Nextup::Console
