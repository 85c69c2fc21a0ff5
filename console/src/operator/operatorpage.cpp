#include "operator/operatorpage.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "app/consolesettings.h"
#include "appointments/appointmentslots.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/wire/keys.h"
#include "operator/counterbar.h"
#include "operator/directcalldialog.h"
#include "operator/mydaypanel.h"
#include "operator/queuepanel.h"
#include "operator/transferdialog.h"
#include "operator/waitingtablemodel.h"
#include "operator/workpanel.h"

namespace Nextup::Console {

OperatorPage::OperatorPage(ApiClient *api, QueueClient *queue, ConsoleSettings *settings,
                           QWidget *parent)
    : QWidget(parent), m_api(api), m_queue(queue), m_settings(settings)
{
    setObjectName(QStringLiteral("operatorPage"));
    m_bar = new CounterBar(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("staleBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("background: #fff4ce; color: #5c3c00; border: 1px "
                                           "solid #e0b000; padding: 8px; font-weight: bold;"));
    m_work = new WorkPanel(this);
    m_queuePanel = new QueuePanel(queue, this);
    m_myDay = new MyDayPanel(api, this);
    m_slots = new AppointmentSlots(api, queue, this);
    m_queuePanel->model()->setSlots(m_slots);

    auto *middle = new QHBoxLayout;
    middle->setSpacing(16);
    middle->addWidget(m_work, 3);
    middle->addWidget(m_queuePanel, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_banner);
    layout->addLayout(middle, 1);
    layout->addWidget(m_myDay);

    connect(m_bar, &CounterBar::counterChosen, this, &OperatorPage::chooseCounter);
    connect(m_bar, &CounterBar::openRequested, this, [this] { request(CounterAction::Open); });
    connect(m_bar, &CounterBar::pauseRequested, this, &OperatorPage::askPauseReason);
    connect(m_bar, &CounterBar::closeRequested, this, [this] { request(CounterAction::Close); });
    connect(m_work, &WorkPanel::actionRequested, this, [this](CounterAction action) {
        if (action == CounterAction::Transfer)
            askTransfer();
        else
            request(action);
    });
    connect(m_queuePanel, &QueuePanel::callChosenRequested, this, &OperatorPage::askDirectCall);
    connect(queue, &QueueClient::stateChanged, this, &OperatorPage::onStateChanged);
    // A fresh snapshot is the truth, also where our own answers ran ahead of events we missed.
    connect(queue, &QueueClient::resynced, this, [this] {
        m_adoptState = true;
        onStateChanged();
    });
    connect(queue, &QueueClient::staleChanged, this, &OperatorPage::updateBanner);
    connect(queue, &QueueClient::connectedChanged, this, &OperatorPage::updateBanner);
    connect(queue, &QueueClient::eventReceived, this,
            [this](const QString &name, const QJsonObject &data) { onEvent(name, data); });

    // The counter this user already has open wins over the one remembered on this machine.
    int chosen = settings->counterId(api->baseUrl());
    for (const CounterInfo &counter : queue->counters()) {
        if (!counter.hasStatus(Wire::CounterStatus::Closed) && counter.operatorId == api->user().id)
            chosen = counter.id;
    }
    m_counterId = chosen;
    onStateChanged();
    updateBanner();
}

OperatorPage::~OperatorPage()
{
    if (m_tokenJob)
        m_tokenJob->abandon();
}

const CounterInfo *OperatorPage::counter() const
{
    return m_counterId > 0 ? m_queue->state().counter(m_counterId) : nullptr;
}

void OperatorPage::chooseCounter(int counterId)
{
    if (counterId == m_counterId)
        return;
    m_counterId = counterId;
    m_settings->setCounterId(m_api->baseUrl(), counterId);
    m_lastSeen.reset();
    m_work->setToken(std::nullopt);
    m_work->showMessage({}, false);
    onStateChanged();
}

void OperatorPage::focusStart()
{
    if (counter())
        m_queuePanel->view()->setFocus();
    else
        m_bar->setFocus();
}

DeskState OperatorPage::deskState() const
{
    DeskState state;
    const CounterInfo *c = counter();
    state.busy = m_busy;
    state.stale = m_queue->isStale();
    if (!c)
        return state;
    state.counterStatus = c->status;
    state.mine = c->operatorId == m_api->user().id || m_api->user().isManager();
    // The panel holds the newest of the live state and our own actions' answers (which may
    // arrive before the events that tell the same).
    if (const std::optional<TokenInfo> shown = m_work->token())
        state.tokenStatus = shown->status;
    state.callable = m_queuePanel->model()->rowCount();
    return state;
}

void OperatorPage::onStateChanged()
{
    m_bar->setCounters(m_queue->counters(), m_counterId);
    const CounterInfo *c = counter();
    if (!c && m_counterId > 0 && m_queue->state().hasSnapshot())
        m_counterId = 0; // gone (deactivated) or never existed here
    m_queuePanel->setCounter(m_counterId, c ? c->serviceIds : QList<int>());
    m_myDay->setCounter(m_counterId);
    syncCurrentToken();
    updateActions();
}

void OperatorPage::updateBanner()
{
    const bool stale = m_queue->isStale();
    m_banner->setVisible(stale);
    const QString text =
        !m_queue->isConnected()
            ? tr("Reconnecting to the server… The line and counters shown may be out of date; "
                 "actions still reach the server when it answers.")
            : tr("Updating the queue from the server…");
    m_banner->setText(text);
    m_banner->setAccessibleName(stale ? text : QString());
    updateActions();
}

void OperatorPage::updateActions()
{
    const DeskState state = deskState();
    const DeskActions can = DeskActions::allowed(state);
    const bool tokenHere = state.mine && !state.tokenStatus.isEmpty();
    m_bar->showCounter(counter(), state.mine);
    m_bar->setActions(can, state.counterStatus, !tokenHere && !m_busy);
    m_work->setActions(can);
    m_queuePanel->setCallChosenAllowed(can.callChosen);
}

void OperatorPage::syncCurrentToken()
{
    const CounterInfo *c = counter();
    const std::optional<CurrentToken> now = c ? c->currentToken : std::nullopt;
    // Only a change of the live state moves the panel: an action's own answer may be ahead of
    // the events, and must not be overwritten by the state it left behind.
    if (now == m_lastSeen && !m_adoptState)
        return;
    m_lastSeen = now;
    m_adoptState = false;
    const std::optional<TokenInfo> shown = m_work->token();
    if (!now) {
        if (m_tokenJob)
            m_tokenJob->abandon();
        m_work->setToken(std::nullopt);
        return;
    }
    if (shown && shown->id == now->id && shown->status == now->status)
        return;
    TokenInfo token = shown && shown->id == now->id ? *shown : TokenInfo{};
    token.id = now->id;
    token.tokenNumber = now->tokenNumber;
    token.status = now->status;
    token.serviceId = now->serviceId;
    m_work->setToken(token); // at once; the details (customer, times) follow
    fetchToken(now->id);
}

void OperatorPage::fetchToken(qint64 tokenId)
{
    if (m_tokenJob)
        m_tokenJob->abandon();
    m_tokenJob = m_api->getToken(tokenId);
    m_tokenJob->then(this, [this, job = m_tokenJob.data()] {
        const TokenInfo token = job->token();
        const CounterInfo *c = counter();
        const bool stillHere = c && c->currentToken && c->currentToken->id == token.id;
        if (stillHere && (token.hasStatus(Wire::TokenStatus::Called) ||
                          token.hasStatus(Wire::TokenStatus::Serving)))
            m_work->setToken(token);
    });
}

void OperatorPage::onEvent(const QString &name, const QJsonObject &data)
{
    using Wire::EventType;
    const qint64 tokenId = data.value(Wire::Key::Id).toInteger();
    const int counterId = data.value(Wire::Key::CounterId).toInt();
    const std::optional<TokenInfo> shown = m_work->token();
    const std::optional<EventType> type = Wire::fromString<EventType>(name);
    if (type == EventType::TokenRecalled && shown && shown->id == tokenId)
        fetchToken(tokenId); // the recall count
    if (m_counterId > 0 && (counterId == m_counterId || (shown && shown->id == tokenId)) &&
        (type == EventType::TokenCompleted || type == EventType::TokenSkipped ||
         type == EventType::TokenTransferred))
        m_myDay->refreshSoon();
}

void OperatorPage::request(CounterAction action, const QString &reason, const QJsonObject &target)
{
    if (m_busy || m_counterId <= 0)
        return;
    m_busy = true;
    updateActions();
    CounterActionJob *job = m_api->counterAction(m_counterId, action, reason, target);
    job->then(
        this, [this, action, job] { onActionDone(action, job); },
        [this, action](const Status &status) {
            onRefused(status);
            emit actionFinished(action, false);
        });
}

void OperatorPage::onRefused(const Status &status)
{
    m_busy = false;
    m_work->showMessage(describeFailure(status), true);
    if (status.httpStatus == 409 || status.httpStatus == 403)
        m_queue->resync(); // our view was behind the server's
    updateActions();
}

void OperatorPage::onActionDone(CounterAction action, const CounterActionJob *job)
{
    m_busy = false;
    const TokenInfo token = job->token();
    QString message;
    switch (action) {
    case CounterAction::Open:
        message = tr("The counter is open. Press F5 to call the next token.");
        break;
    case CounterAction::Pause:
        message = tr("The counter is paused. Resume it to call again.");
        break;
    case CounterAction::Close: message = tr("The counter is closed."); break;
    case CounterAction::Call: message = tr("Called %1.").arg(token.tokenNumber); break;
    case CounterAction::Recall: message = tr("Called %1 again.").arg(token.tokenNumber); break;
    case CounterAction::Serve: message = tr("Serving %1.").arg(token.tokenNumber); break;
    case CounterAction::Complete: message = tr("%1 is complete.").arg(token.tokenNumber); break;
    case CounterAction::Skip:
        message = tr("%1 was marked as a no-show.").arg(token.tokenNumber);
        break;
    case CounterAction::Transfer:
        message = tr("%1 was transferred; it keeps its place in line.").arg(token.tokenNumber);
        break;
    }
    if (job->hasToken()) {
        const bool atCounter = token.hasStatus(Wire::TokenStatus::Called) ||
                               token.hasStatus(Wire::TokenStatus::Serving);
        m_work->setToken(atCounter ? std::optional<TokenInfo>(token) : std::nullopt);
        if (!atCounter)
            m_myDay->refreshSoon();
    }
    m_work->showMessage(message, false);
    updateActions();
    emit actionFinished(action, true);
}

void OperatorPage::askPauseReason()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("pauseDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Pause the counter"));
    dialog->setLabelText(tr("Reason for the pause (shown to colleagues):"));
    dialog->setTextValue(tr("Break"));
    dialog->setOkButtonText(tr("&Pause"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString &reason) { request(CounterAction::Pause, reason.trimmed()); });
    dialog->open();
}

void OperatorPage::askTransfer()
{
    const std::optional<TokenInfo> token = m_work->token();
    if (!token)
        return;
    auto *dialog = new TransferDialog(token->tokenNumber, m_queue->services(), m_queue->counters(),
                                      m_counterId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        request(CounterAction::Transfer, dialog->reason(), dialog->target());
    });
    dialog->open();
}

void OperatorPage::askDirectCall(qint64 tokenId, const QString &tokenNumber)
{
    const CounterInfo *c = counter();
    if (!c || m_busy)
        return;
    auto *dialog = new DirectCallDialog(tokenNumber, c->name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, tokenId] { callOutOfTurn(tokenId, dialog->reason()); });
    dialog->open();
}

void OperatorPage::callOutOfTurn(qint64 tokenId, const QString &reason)
{
    if (m_busy || m_counterId <= 0 || reason.isEmpty())
        return;
    m_busy = true;
    updateActions();
    AssignTokenJob *job = m_api->assignToken(tokenId, m_counterId, reason);
    job->then(
        this,
        [this, job] {
            m_busy = false;
            const TokenInfo token = job->token();
            m_work->setToken(token);
            m_work->showMessage(tr("Called %1 out of turn.").arg(token.tokenNumber), false);
            updateActions();
            emit directCallFinished(true);
        },
        [this](const Status &status) {
            onRefused(status);
            emit directCallFinished(false);
        });
}

QString OperatorPage::describeFailure(const Status &status)
{
    QString detail = status.message.isEmpty() ? status.code : status.message;
    if (status.code == u"queue_empty")
        return tr("Nobody is waiting for this counter's services.");
    if (status.code == u"invalid_state")
        return tr("Not possible right now: %1").arg(detail);
    if (status.code == u"counter_not_open")
        return tr("The counter is not open: %1").arg(detail);
    if (status.code == u"counter_busy")
        return tr("Another operator already has this counter open.");
    if (status.httpStatus == 403)
        return tr("Not allowed: %1").arg(detail);
    if (status.httpStatus == 404)
        return tr("Not found: %1").arg(detail);
    if (status.code == u"validation_failed") {
        QStringList fields;
        const QJsonObject errors = status.fieldErrors();
        for (auto it = errors.begin(); it != errors.end(); ++it)
            fields << QStringLiteral("%1: %2").arg(it.key(), it.value().toString());
        return tr("Refused: %1").arg(fields.isEmpty() ? detail : fields.join(u"; "));
    }
    if (status.code == Status::NetworkError || status.code == Status::Timeout)
        return tr("The server did not answer (%1). Check the banner above; when the connection "
                  "is back, look at the counter and try again.")
            .arg(detail);
    if (status.httpStatus == 503)
        return tr("The server is temporarily unavailable (%1). Try again in a moment.").arg(detail);
    return detail;
}

} // namespace Nextup::Console
