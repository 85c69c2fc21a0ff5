#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QSpinBox>
#include <QString>

#include "nextup/client/status.h"

class QLabel;
class QTableView;
class QWidget;

namespace Nextup::Console {

// The validation messages of one form. Each field has a label right under its editor (object
// name "<field>Error", e.g. "codeError"); show() puts the server's `details` of a
// validation_failed or already_exists answer under the matching fields, and everything else
// (409 invalid_state, network errors, a field the form does not have) in the general label.
class FormErrors
{
    Q_DECLARE_TR_FUNCTIONS(Nextup::Console::FormErrors)

public:
    explicit FormErrors(QLabel *general);

    // Wraps `editor` and a new, hidden error label for `field` into one widget for a form row.
    QWidget *addField(const QString &field, QWidget *editor);
    QLabel *label(const QString &field) const { return m_labels.value(field); }
    void clear();
    void show(const Status &status);
    // A plain message in the general label (success in the normal colour, errors in red).
    void showMessage(const QString &message, bool error);

private:
    QLabel *m_general;
    QHash<QString, QLabel *> m_labels;
    QHash<QString, QWidget *> m_editors;
};

// A red, word-wrapped, initially hidden label for a message.
QLabel *makeErrorLabel(const QString &objectName, QWidget *parent = nullptr);

// Lets one column take the width the others leave (instead of the last one).
void stretchColumn(QTableView *table, int column);

// A number of seconds typed and shown as m:ss (or h:mm:ss), like the tables show durations;
// plain seconds ("90") are understood too.
class DurationSpinBox : public QSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DurationSpinBox)

public:
    explicit DurationSpinBox(QWidget *parent = nullptr);
    ~DurationSpinBox() override;

    // Seconds, or -1 when `text` is not a duration.
    static int parse(const QString &text);

protected:
    QString textFromValue(int value) const override;
    int valueFromText(const QString &text) const override;
    QValidator::State validate(QString &text, int &pos) const override;
};

// "1:05" (m:ss) or "1:02:05" (h:mm:ss); "—" for a negative (unknown) duration.
QString formatDuration(double seconds);

// Translated names of token statuses and of timeline events.
QString statusText(const QString &status);
QString eventText(const QString &event);
const QStringList &tokenStatuses();

// The status of a failed call as one line for the user.
QString describe(const Status &status);

} // namespace Nextup::Console
