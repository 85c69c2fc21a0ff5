#include "admin/adminwidgets.h"

#include <cmath>

#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include "nextup/wire/enums.h"

namespace Nextup::Console {

namespace {
const char *const kErrorStyle = "color: #b00020;";
} // namespace

QLabel *makeErrorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QString::fromLatin1(kErrorStyle));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

FormErrors::FormErrors(QLabel *general) : m_general(general) {}

QWidget *FormErrors::addField(const QString &field, QWidget *editor)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    QLabel *error = makeErrorLabel(field + QStringLiteral("Error"), box);
    error->setAccessibleName(tr("Error for %1").arg(editor->accessibleName()));
    layout->addWidget(error);
    m_labels.insert(field, error);
    m_editors.insert(field, editor);
    return box;
}

void FormErrors::clear()
{
    for (QLabel *label : std::as_const(m_labels)) {
        label->clear();
        label->hide();
    }
    for (QWidget *editor : std::as_const(m_editors))
        editor->setAccessibleDescription({});
    m_general->clear();
}

void FormErrors::show(const Status &status)
{
    clear();
    if (status.isOk())
        return;
    QStringList unplaced;
    const QJsonObject fields = status.fieldErrors();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString message = it.value().toString();
        QLabel *label = m_labels.value(it.key());
        if (!label) {
            unplaced.append(QStringLiteral("%1: %2").arg(it.key(), message));
            continue;
        }
        label->setText(message);
        label->show();
        // Screen readers announce the problem with the field itself.
        m_editors.value(it.key())->setAccessibleDescription(message);
    }
    // The first offending field gets the focus, so the keyboard user lands where the fix is.
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (QWidget *editor = m_editors.value(it.key())) {
            editor->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
    if (fields.isEmpty() || !unplaced.isEmpty())
        showMessage(unplaced.isEmpty() ? describe(status)
                                       : describe(status) + u'\n' + unplaced.join(u'\n'),
                    true);
}

void FormErrors::showMessage(const QString &message, bool error)
{
    m_general->setStyleSheet(error ? QString::fromLatin1(kErrorStyle) : QString());
    m_general->setText(message);
    m_general->setVisible(!message.isEmpty());
}

void stretchColumn(QTableView *table, int column)
{
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
}

DurationSpinBox::DurationSpinBox(QWidget *parent) : QSpinBox(parent)
{
    setRange(1, 86400);
    setSingleStep(15);
    setAccelerated(true);
    setToolTip(tr("Minutes:seconds, e.g. 4:30"));
}

DurationSpinBox::~DurationSpinBox() = default;

int DurationSpinBox::parse(const QString &text)
{
    const QStringList parts = text.trimmed().split(u':');
    if (parts.isEmpty() || parts.size() > 3)
        return -1;
    int total = 0;
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > 5)
            return -1;
        int number = 0;
        // digitValue() reads the locale's digits too (Arabic-Indic ones).
        for (const QChar c : part) {
            if (c.digitValue() < 0)
                return -1;
            number = number * 10 + c.digitValue();
        }
        total = total * 60 + number;
    }
    return total;
}

QString DurationSpinBox::textFromValue(int value) const
{
    return formatDuration(value);
}

int DurationSpinBox::valueFromText(const QString &text) const
{
    return qMax(0, parse(text));
}

QValidator::State DurationSpinBox::validate(QString &text, int &) const
{
    const int seconds = parse(text);
    if (seconds >= minimum() && seconds <= maximum())
        return QValidator::Acceptable;
    for (const QChar c : text)
        if (c != u':' && c.digitValue() < 0 && !c.isSpace())
            return QValidator::Invalid;
    return QValidator::Intermediate;
}

QString formatDuration(double seconds)
{
    if (seconds < 0 || std::isnan(seconds))
        return QStringLiteral("—");
    const qint64 total = qRound64(seconds);
    const qint64 h = total / 3600, m = (total % 3600) / 60, s = total % 60;
    // The locale's digits, as in every other number on screen (Arabic-Indic in Arabic).
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    auto twoDigits = [&locale](qint64 value) {
        return (value < 10 ? locale.zeroDigit() : QString()) + locale.toString(value);
    };
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(locale.toString(h), twoDigits(m), twoDigits(s));
    return QStringLiteral("%1:%2").arg(locale.toString(m), twoDigits(s));
}

const QStringList &tokenStatuses()
{
    static const QStringList statuses = [] {
        QStringList texts;
        for (Wire::TokenStatus status : Wire::allValues<Wire::TokenStatus>())
            texts.append(Wire::toString(status));
        return texts;
    }();
    return statuses;
}

QString statusText(const QString &status)
{
    const std::optional<Wire::TokenStatus> known = Wire::fromString<Wire::TokenStatus>(status);
    if (!known)
        return status;
    switch (*known) {
    case Wire::TokenStatus::Waiting:
        return QCoreApplication::translate("Nextup::Console::Status", "Waiting");
    case Wire::TokenStatus::Called:
        return QCoreApplication::translate("Nextup::Console::Status", "Called");
    case Wire::TokenStatus::Serving:
        return QCoreApplication::translate("Nextup::Console::Status", "Serving");
    case Wire::TokenStatus::Completed:
        return QCoreApplication::translate("Nextup::Console::Status", "Completed");
    case Wire::TokenStatus::Skipped:
        return QCoreApplication::translate("Nextup::Console::Status", "Skipped");
    case Wire::TokenStatus::Cancelled:
        return QCoreApplication::translate("Nextup::Console::Status", "Cancelled");
    case Wire::TokenStatus::Booked:
        return QCoreApplication::translate("Nextup::Console::Status", "Booked");
    case Wire::TokenStatus::Expired:
        return QCoreApplication::translate("Nextup::Console::Status", "No-show");
    }
    return status;
}

QString eventText(const QString &event)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("generated"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Issued")},
        {QStringLiteral("called"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Called")},
        {QStringLiteral("recalled"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Recalled")},
        {QStringLiteral("served"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Service started")},
        {QStringLiteral("completed"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Completed")},
        {QStringLiteral("skipped"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Skipped")},
        {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Cancelled")},
        {QStringLiteral("transferred"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Transferred")},
        {QStringLiteral("assigned"),
         QT_TRANSLATE_NOOP("Nextup::Console::Event", "Called out of turn")},
        {QStringLiteral("booked"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Booked")},
        {QStringLiteral("checked_in"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Checked in")},
        {QStringLiteral("rescheduled"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "Rescheduled")},
        {QStringLiteral("expired"), QT_TRANSLATE_NOOP("Nextup::Console::Event", "No-show")},
    };
    const char *name = names.value(event);
    return name ? QCoreApplication::translate("Nextup::Console::Event", name) : event;
}

QString describe(const Status &status)
{
    if (status.code == Status::NetworkError || status.code == Status::Timeout)
        return QCoreApplication::translate("Nextup::Console::FormErrors",
                                           "The server cannot be reached (%1).")
            .arg(status.message);
    if (status.message.isEmpty())
        return status.code;
    return status.message;
}

} // namespace Nextup::Console
