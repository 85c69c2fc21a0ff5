#include "operator/counterbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Nextup::Console {

CounterBar::CounterBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("counterBar"));
    auto *label = new QLabel(tr("Cou&nter:"), this);
    m_chooser = new QComboBox(this);
    m_chooser->setObjectName(QStringLiteral("counterChooser"));
    m_chooser->setAccessibleName(tr("Counter"));
    m_chooser->setMinimumWidth(200);
    setFocusProxy(m_chooser);
    label->setBuddy(m_chooser);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("counterStatus"));
    m_status->setAccessibleName(tr("Counter status"));
    m_status->setMinimumWidth(220);
    m_open = new QPushButton(tr("&Open counter"), this);
    m_open->setObjectName(QStringLiteral("openButton"));
    m_pause = new QPushButton(tr("&Pause…"), this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_close = new QPushButton(tr("C&lose counter"), this);
    m_close->setObjectName(QStringLiteral("closeButton"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_chooser);
    layout->addSpacing(12);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_open);
    layout->addWidget(m_pause);
    layout->addWidget(m_close);

    connect(m_chooser, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            emit counterChosen(selectedCounterId());
    });
    connect(m_open, &QPushButton::clicked, this, &CounterBar::openRequested);
    connect(m_pause, &QPushButton::clicked, this, &CounterBar::pauseRequested);
    connect(m_close, &QPushButton::clicked, this, &CounterBar::closeRequested);
}

CounterBar::~CounterBar() = default;

void CounterBar::setCounters(const QList<CounterInfo> &counters, int selectedId)
{
    QList<int> ids;
    for (const CounterInfo &counter : counters)
        ids.append(counter.id);
    QList<int> shown;
    for (int i = 0; i < m_chooser->count(); ++i)
        shown.append(m_chooser->itemData(i).toInt());
    m_filling = true;
    if (ids != shown) {
        m_chooser->clear();
        if (counters.isEmpty())
            m_chooser->addItem(tr("(no counters)"), 0);
        for (const CounterInfo &counter : counters)
            m_chooser->addItem(counter.name, counter.id);
    } else {
        for (int i = 0; i < counters.size(); ++i)
            m_chooser->setItemText(i, counters.at(i).name);
    }
    const int index = m_chooser->findData(selectedId);
    m_chooser->setCurrentIndex(index >= 0 ? index : -1);
    m_filling = false;
}

int CounterBar::selectedCounterId() const
{
    return m_chooser->currentData().toInt();
}

void CounterBar::showCounter(const CounterInfo *counter, bool mine)
{
    QString text;
    QString color = QStringLiteral("#5f6368");
    if (!counter) {
        text = tr("Choose your counter.");
    } else if (counter->hasStatus(Wire::CounterStatus::Open)) {
        text = mine ? tr("Open — you are serving here") : tr("Open — another operator");
        color = mine ? QStringLiteral("#1e7d32") : QStringLiteral("#b3261e");
    } else if (counter->hasStatus(Wire::CounterStatus::Paused)) {
        text = counter->pauseReason.isEmpty() ? tr("Paused")
                                              : tr("Paused: %1").arg(counter->pauseReason);
        if (!mine)
            text += tr(" (another operator)");
        color = QStringLiteral("#a05a00");
    } else {
        text = tr("Closed");
    }
    m_status->setText(text);
    m_status->setStyleSheet(QStringLiteral("font-weight: bold; color: %1;").arg(color));
    m_status->setAccessibleDescription(text);
}

void CounterBar::setActions(const DeskActions &actions, const QString &counterStatus,
                            bool canSwitch)
{
    m_open->setText(counterStatus == Wire::toString(Wire::CounterStatus::Paused)
                        ? tr("&Resume")
                        : tr("&Open counter"));
    m_open->setEnabled(actions.open);
    m_pause->setEnabled(actions.pause);
    m_close->setEnabled(actions.close);
    m_chooser->setEnabled(canSwitch);
}

} // namespace Nextup::Console
