#pragma once

#include <QWidget>

#include "nextup/client/tokentypes.h"

class QDateEdit;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Nextup::Console {

// The days a branch is closed, each with its reason ("Public holiday"): a list in date order, a
// date and a reason to add, and Remove for the selected day. Reasons can be edited in the list.
class ClosedDatesEdit : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClosedDatesEdit)

public:
    explicit ClosedDatesEdit(QWidget *parent = nullptr);
    ~ClosedDatesEdit() override;

    void setDates(const QList<ClosedDate> &dates);
    QList<ClosedDate> dates() const;
    QTableWidget *table() const { return m_table; }
    QDateEdit *newDate() const { return m_date; }
    QLineEdit *newReason() const { return m_reason; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

public slots:
    // Adds the date and reason typed below the list (a date already listed gets the new reason).
    void addTyped();
    void removeSelected();

private:
    void addRow(const ClosedDate &day);

    QTableWidget *m_table;
    QDateEdit *m_date;
    QLineEdit *m_reason;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace Nextup::Console
