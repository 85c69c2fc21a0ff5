#pragma once

#include <array>

#include <QJsonObject>
#include <QWidget>

#include "nextup/client/tokentypes.h"

class QLineEdit;

namespace Nextup::Console {

class FormErrors;

// A branch's week of opening hours: one line per weekday with its ranges, e.g.
// "09:00-12:30, 13:30-17:00" (as many as the day has; empty = closed), each with its error label
// from `errors` (fields "mon" … "sun").
class OpeningHoursEdit : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpeningHoursEdit)

public:
    OpeningHoursEdit(FormErrors &errors, QWidget *parent = nullptr);
    ~OpeningHoursEdit() override;

    void setWeek(const BranchBooking &booking);
    // Puts the typed week into `booking`; the days that are not a list of ranges go into
    // `fieldErrors` ({"mon": "…"}) and leave `booking` as it was for them.
    void readWeek(BranchBooking &booking, QJsonObject &fieldErrors) const;
    // 1 = Monday … 7 = Sunday.
    QLineEdit *dayEdit(int dayOfWeek) const { return m_days.at(std::size_t(dayOfWeek - 1)); }

private:
    void copyMondayToWeekdays();

    std::array<QLineEdit *, 7> m_days{};
};

} // namespace Nextup::Console
