#pragma once

#include <optional>

#include <QHash>
#include <QTimer>
#include <QWidget>

#include "nextup/client/queuejobs.h"
#include "nextup/client/tokentypes.h"
#include "operator/deskrules.h"

class QLabel;
class QPushButton;

namespace Nextup::Console {

// The large current-token panel and the six token actions, each with its key (F5…F10) on the
// button, plus the line where answers and refusals are explained.
class WorkPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkPanel)

public:
    explicit WorkPanel(QWidget *parent = nullptr);
    ~WorkPanel() override;

    // The token at the counter (called or serving), or none.
    void setToken(const std::optional<TokenInfo> &token);
    std::optional<TokenInfo> token() const { return m_token; }
    void setActions(const DeskActions &actions);
    // A refusal or failure (error), or what just happened (info). Empty clears it.
    void showMessage(const QString &message, bool error);
    QString message() const;
    QPushButton *button(CounterAction action) const { return m_buttons.value(action); }
    static QKeySequence shortcutFor(CounterAction action);

signals:
    void actionRequested(Nextup::CounterAction action);

private:
    void addButton(CounterAction action, const QString &text, const QString &objectName,
                   const QString &description);
    void refreshTimes();

    QLabel *m_number = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_service = nullptr;
    QLabel *m_times = nullptr;
    QLabel *m_customer = nullptr;
    QLabel *m_recalls = nullptr;
    QLabel *m_message = nullptr;
    QHash<CounterAction, QPushButton *> m_buttons;
    std::optional<TokenInfo> m_token;
    QTimer m_clock;
};

} // namespace Nextup::Console
