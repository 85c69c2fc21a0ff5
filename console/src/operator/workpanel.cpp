#include "operator/workpanel.h"

#include <QFrame>
#include <QGridLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Nextup::Console {

namespace {

QLabel *line(QWidget *parent, const QString &objectName, qreal scale = 1.0, bool bold = false)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

QString customerName(const QJsonValue &info)
{
    if (info.isString())
        return info.toString();
    const QJsonObject object = info.toObject();
    for (const char *key : {"name", "full_name", "customer_name"}) {
        QString value = object.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

} // namespace

QKeySequence WorkPanel::shortcutFor(CounterAction action)
{
    switch (action) {
    case CounterAction::Call: return QKeySequence(Qt::Key_F5);
    case CounterAction::Recall: return QKeySequence(Qt::Key_F6);
    case CounterAction::Serve: return QKeySequence(Qt::Key_F7);
    case CounterAction::Complete: return QKeySequence(Qt::Key_F8);
    case CounterAction::Skip: return QKeySequence(Qt::Key_F9);
    case CounterAction::Transfer: return QKeySequence(Qt::Key_F10);
    default: return {};
    }
}

WorkPanel::WorkPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("workPanel"));
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("currentTokenCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setAccessibleName(tr("Current token"));
    m_number = line(card, QStringLiteral("currentNumber"), 4.5, true);
    m_number->setAccessibleName(tr("Current token number"));
    m_number->setLayoutDirection(Qt::LeftToRight); // "D007" is not text to mirror
    m_state = line(card, QStringLiteral("currentState"), 1.4, true);
    m_service = line(card, QStringLiteral("currentService"), 1.3);
    m_times = line(card, QStringLiteral("currentTimes"), 1.1);
    m_customer = line(card, QStringLiteral("currentCustomer"), 1.2, true);
    m_recalls = line(card, QStringLiteral("currentRecalls"), 1.1);
    // A white card that stands out from the window, its lines grouped in the middle.
    card->setStyleSheet(QStringLiteral("QFrame#currentTokenCard { background: palette(base); "
                                       "border: 1px solid palette(mid); border-radius: 8px; }"));
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setSpacing(10);
    cardLayout->addStretch(1);
    for (QLabel *label : {m_number, m_state, m_service, m_times, m_customer, m_recalls})
        cardLayout->addWidget(label);
    cardLayout->addStretch(1);

    auto *buttons = new QGridLayout;
    buttons->setSpacing(8);
    addButton(CounterAction::Call, tr("Call next"), QStringLiteral("callButton"),
              tr("Calls the next waiting token to this counter."));
    addButton(CounterAction::Recall, tr("Recall"), QStringLiteral("recallButton"),
              tr("Announces the called token again."));
    addButton(CounterAction::Serve, tr("Start serving"), QStringLiteral("serveButton"),
              tr("The customer has arrived at the counter."));
    addButton(CounterAction::Complete, tr("Complete"), QStringLiteral("completeButton"),
              tr("The customer has been served."));
    addButton(CounterAction::Skip, tr("Skip (no-show)"), QStringLiteral("skipButton"),
              tr("The customer did not come."));
    addButton(CounterAction::Transfer, tr("Transfer…"), QStringLiteral("transferButton"),
              tr("Sends the token to another service or counter; it keeps its place in line."));
    const QList<CounterAction> order = {CounterAction::Call,  CounterAction::Recall,
                                        CounterAction::Serve, CounterAction::Complete,
                                        CounterAction::Skip,  CounterAction::Transfer};
    for (int i = 0; i < order.size(); ++i)
        buttons->addWidget(m_buttons.value(order.at(i)), i / 3, i % 3);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("workMessage"));
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(m_message->fontMetrics().height() * 2 + 8);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(card, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &WorkPanel::refreshTimes);
    setToken(std::nullopt);
}

WorkPanel::~WorkPanel() = default;

void WorkPanel::addButton(CounterAction action, const QString &text, const QString &objectName,
                          const QString &description)
{
    const QKeySequence key = shortcutFor(action);
    auto *button = new QPushButton(
        QStringLiteral("%1  [%2]").arg(text, key.toString(QKeySequence::NativeText)), this);
    button->setObjectName(objectName);
    button->setShortcut(key);
    button->setAccessibleName(text);
    button->setAccessibleDescription(description);
    button->setToolTip(description);
    button->setMinimumHeight(52);
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(action == CounterAction::Call);
    button->setFont(font);
    connect(button, &QPushButton::clicked, this, [this, action] { emit actionRequested(action); });
    m_buttons.insert(action, button);
}

void WorkPanel::setToken(const std::optional<TokenInfo> &token)
{
    m_token = token;
    if (!token) {
        m_clock.stop();
        m_number->setText(QStringLiteral("—"));
        m_state->setText(tr("No token at the counter"));
        m_state->setStyleSheet(QStringLiteral("color: #5f6368;"));
        for (QLabel *label : {m_service, m_times, m_customer, m_recalls})
            label->clear();
        m_number->setAccessibleDescription(tr("none"));
        return;
    }
    m_number->setText(token->tokenNumber);
    m_number->setAccessibleDescription(token->tokenNumber);
    const bool serving = token->hasStatus(Wire::TokenStatus::Serving);
    m_state->setText(serving ? tr("Serving") : tr("Called — waiting for the customer"));
    m_state->setStyleSheet(serving ? QStringLiteral("color: #1e7d32;")
                                   : QStringLiteral("color: #0b57d0;"));
    m_service->setText(token->serviceName.isEmpty()
                           ? QString()
                           : tr("Service: %1 (%2)").arg(token->serviceName, token->serviceCode));
    const QString name = customerName(token->customerInfo);
    m_customer->setText(name.isEmpty() ? QString() : tr("Customer: %1").arg(name));
    m_recalls->setText(token->recallCount > 0
                           ? tr("Recalled %n time(s)", nullptr, token->recallCount)
                           : QString());
    refreshTimes();
    m_clock.start();
}

void WorkPanel::refreshTimes()
{
    if (!m_token)
        return;
    const auto minutes = [](qint64 seconds) { return int(qMax<qint64>(0, seconds) / 60); };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime called = m_token->calledAt.isValid() ? m_token->calledAt : now;
    QStringList parts;
    if (m_token->arrivalAt.isValid())
        parts << tr("Waited %n min", nullptr, minutes(m_token->arrivalAt.secsTo(called)));
    const QDateTime since =
        m_token->hasStatus(Wire::TokenStatus::Serving) && m_token->servingAt.isValid()
            ? m_token->servingAt
            : called;
    const qint64 at = since.secsTo(now);
    parts << tr("at the counter for %1:%2")
                 .arg(at / 60)
                 .arg(qMax<qint64>(0, at) % 60, 2, 10, QLatin1Char('0'));
    m_times->setText(parts.join(QStringLiteral(" · ")));
}

void WorkPanel::setActions(const DeskActions &actions)
{
    const QHash<CounterAction, bool> enabled = {
        {CounterAction::Call, actions.call},   {CounterAction::Recall, actions.recall},
        {CounterAction::Serve, actions.serve}, {CounterAction::Complete, actions.complete},
        {CounterAction::Skip, actions.skip},   {CounterAction::Transfer, actions.transfer},
    };
    for (auto it = enabled.cbegin(); it != enabled.cend(); ++it)
        m_buttons.value(it.key())->setEnabled(it.value());
}

void WorkPanel::showMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setAccessibleName(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                   : QStringLiteral("color: #1e7d32;"));
}

QString WorkPanel::message() const
{
    return m_message->text();
}

} // namespace Nextup::Console
