#include "admin/openinghoursedit.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "admin/adminwidgets.h"

namespace Nextup::Console {

OpeningHoursEdit::OpeningHoursEdit(FormErrors &errors, QWidget *parent) : QWidget(parent)
{
    auto *days = new QFormLayout;
    days->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *edit = new QLineEdit(this);
        const QString key = BranchBooking::dayKey(day);
        edit->setObjectName(QStringLiteral("hours_") + key);
        const QString name = locale.dayName(day, QLocale::LongFormat);
        edit->setAccessibleName(tr("Opening hours on %1").arg(name));
        edit->setPlaceholderText(tr("Closed"));
        // Times read left to right in every language.
        edit->setLayoutDirection(Qt::LeftToRight);
        auto *caption = new QLabel(name, this);
        caption->setBuddy(edit);
        days->addRow(caption, errors.addField(key, edit));
        m_days[std::size_t(day - 1)] = edit;
    }
    auto *hint = new QLabel(tr("Several ranges a day are separated by commas, e.g. "
                               "09:00-12:30, 13:30-17:00; 24:00 is midnight; empty is closed."),
                            this);
    hint->setWordWrap(true);
    auto *copy = new QPushButton(tr("Copy &Monday to Tuesday–Friday"), this);
    copy->setObjectName(QStringLiteral("copyMondayButton"));
    connect(copy, &QPushButton::clicked, this, &OpeningHoursEdit::copyMondayToWeekdays);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(days);
    layout->addWidget(hint);
    layout->addWidget(copy, 0, Qt::AlignLeading);
    layout->addStretch(1);
}

OpeningHoursEdit::~OpeningHoursEdit() = default;

void OpeningHoursEdit::setWeek(const BranchBooking &booking)
{
    for (int day = 1; day <= 7; ++day)
        dayEdit(day)->setText(BranchBooking::rangesText(booking.on(day)));
}

void OpeningHoursEdit::readWeek(BranchBooking &booking, QJsonObject &fieldErrors) const
{
    for (int day = 1; day <= 7; ++day) {
        const auto ranges = BranchBooking::parseRanges(dayEdit(day)->text());
        if (ranges)
            booking.on(day) = *ranges;
        else
            fieldErrors.insert(BranchBooking::dayKey(day),
                               tr("Write ranges like 09:00-12:30, 13:30-17:00, each closing "
                                  "after it opens and after the one before."));
    }
}

void OpeningHoursEdit::copyMondayToWeekdays()
{
    for (int day = 2; day <= 5; ++day)
        dayEdit(day)->setText(dayEdit(1)->text());
}

} // namespace Nextup::Console
