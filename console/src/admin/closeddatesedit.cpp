#include "admin/closeddatesedit.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Nextup::Console {

namespace {
enum Column
{
    DateColumn,
    ReasonColumn,
};
constexpr int kDateRole = Qt::UserRole + 1;
constexpr int kMaxReason = 200; // the server's limit
} // namespace

ClosedDatesEdit::ClosedDatesEdit(QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget(0, 2, this)),
      m_date(new QDateEdit(QDate::currentDate().addDays(1), this)), m_reason(new QLineEdit(this)),
      m_add(new QPushButton(tr("&Add"), this)), m_remove(new QPushButton(tr("Remo&ve"), this))
{
    m_table->setObjectName(QStringLiteral("closedDatesTable"));
    m_table->setAccessibleName(tr("Closed dates"));
    m_table->setHorizontalHeaderLabels({tr("Date"), tr("Reason")});
    m_table->horizontalHeader()->setSectionResizeMode(DateColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_date->setObjectName(QStringLiteral("closedDate"));
    m_date->setAccessibleName(tr("Date to close"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_reason->setObjectName(QStringLiteral("closedReason"));
    m_reason->setAccessibleName(tr("Why it is closed"));
    m_reason->setPlaceholderText(tr("Reason, e.g. public holiday"));
    m_reason->setMaxLength(kMaxReason);
    m_add->setObjectName(QStringLiteral("addClosedDateButton"));
    m_remove->setObjectName(QStringLiteral("removeClosedDateButton"));
    connect(m_add, &QPushButton::clicked, this, &ClosedDatesEdit::addTyped);
    connect(m_reason, &QLineEdit::returnPressed, this, &ClosedDatesEdit::addTyped);
    connect(m_remove, &QPushButton::clicked, this, &ClosedDatesEdit::removeSelected);

    auto *addRowLayout = new QHBoxLayout;
    addRowLayout->addWidget(m_date);
    addRowLayout->addWidget(m_reason, 1);
    addRowLayout->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(addRowLayout);
    layout->addWidget(m_remove, 0, Qt::AlignLeading);
}

ClosedDatesEdit::~ClosedDatesEdit() = default;

void ClosedDatesEdit::setDates(const QList<ClosedDate> &dates)
{
    m_table->setRowCount(0);
    for (const ClosedDate &day : dates)
        addRow(day);
}

QList<ClosedDate> ClosedDatesEdit::dates() const
{
    QList<ClosedDate> out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out.append({m_table->item(row, DateColumn)->data(kDateRole).toDate(),
                    m_table->item(row, ReasonColumn)->text().trimmed().left(kMaxReason)});
    return out;
}

void ClosedDatesEdit::addTyped()
{
    addRow({m_date->date(), m_reason->text().trimmed()});
    m_reason->clear();
}

void ClosedDatesEdit::removeSelected()
{
    const int row = m_table->currentRow();
    if (row >= 0)
        m_table->removeRow(row);
}

void ClosedDatesEdit::addRow(const ClosedDate &day)
{
    if (!day.date.isValid())
        return;
    // In date order; a date listed already keeps its row and takes the new reason.
    int row = 0;
    while (row < m_table->rowCount()) {
        const QDate listed = m_table->item(row, DateColumn)->data(kDateRole).toDate();
        if (listed == day.date) {
            m_table->item(row, ReasonColumn)->setText(day.reason);
            return;
        }
        if (listed > day.date)
            break;
        ++row;
    }
    m_table->insertRow(row);
    auto *date = new QTableWidgetItem(QLocale().toString(day.date, QLocale::ShortFormat));
    date->setData(kDateRole, day.date);
    date->setFlags(date->flags() & ~Qt::ItemIsEditable);
    m_table->setItem(row, DateColumn, date);
    m_table->setItem(row, ReasonColumn, new QTableWidgetItem(day.reason));
}

} // namespace Nextup::Console
