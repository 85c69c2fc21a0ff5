#pragma once

#include <optional>

#include <QPointer>
#include <QWidget>

#include "nextup/client/queuejobs.h"
#include "nextup/client/types.h"
#include "operator/deskrules.h"

class QLabel;

namespace Nextup {
class ApiClient;
class GetTokenJob;
class QueueClient;
struct Status;
} // namespace Nextup

namespace Nextup::Console {

class AppointmentSlots;
class ConsoleSettings;
class CounterBar;
class MyDayPanel;
class QueuePanel;
class WorkPanel;

// The operator's whole shift: the counter, the token at it and its actions, the live line and
// "my day". Everything it shows comes from the QueueClient's live state (WebSocket events) or
// from the answers of its own calls; nothing here waits for the network.
class OperatorPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperatorPage)

public:
    OperatorPage(ApiClient *api, QueueClient *queue, ConsoleSettings *settings,
                 QWidget *parent = nullptr);
    ~OperatorPage() override;

    int counterId() const { return m_counterId; }
    void chooseCounter(int counterId);
    DeskState deskState() const;
    // Where the keyboard starts: the counter chooser until a counter is chosen, then the line.
    void focusStart();

    CounterBar *counterBar() const { return m_bar; }
    WorkPanel *workPanel() const { return m_work; }
    QueuePanel *queuePanel() const { return m_queuePanel; }
    MyDayPanel *myDayPanel() const { return m_myDay; }
    AppointmentSlots *appointmentSlots() const { return m_slots; }
    QLabel *staleBanner() const { return m_banner; }

    // "Why was that refused?" in the operator's words.
    static QString describeFailure(const Status &status);

signals:
    // An action's answer arrived (either way) and the panel shows it.
    void actionFinished(Nextup::CounterAction action, bool ok);
    // The same for calling a chosen token out of turn.
    void directCallFinished(bool ok);

private:
    const CounterInfo *counter() const;
    void onStateChanged();
    void onEvent(const QString &name, const QJsonObject &data);
    void updateBanner();
    void updateActions();
    void syncCurrentToken();
    void fetchToken(qint64 tokenId);
    void request(CounterAction action, const QString &reason = {}, const QJsonObject &target = {});
    void onActionDone(CounterAction action, const CounterActionJob *job);
    void askPauseReason();
    void askTransfer();
    void askDirectCall(qint64 tokenId, const QString &tokenNumber);
    void callOutOfTurn(qint64 tokenId, const QString &reason);
    void onRefused(const Status &status);

    ApiClient *m_api;
    QueueClient *m_queue;
    ConsoleSettings *m_settings;
    int m_counterId = 0;
    bool m_busy = false;
    std::optional<CurrentToken> m_lastSeen; // the state's current token at the last change
    bool m_adoptState = false;              // after a resync: show the state's token as it is
    QPointer<GetTokenJob> m_tokenJob;
    CounterBar *m_bar = nullptr;
    QLabel *m_banner = nullptr;
    WorkPanel *m_work = nullptr;
    QueuePanel *m_queuePanel = nullptr;
    MyDayPanel *m_myDay = nullptr;
    AppointmentSlots *m_slots = nullptr;
};

} // namespace Nextup::Console
