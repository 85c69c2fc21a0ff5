#include "admin/statscharts.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QValueAxis>

#include "nextup/wire/keys.h"

namespace Nextup::Console::StatsCharts {

namespace {
void clear(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis; // removeAxis() gives the axis back to us
    }
}

QBarSet *makeSet(const QString &label, QBarSeries *series)
{
    auto *set = new QBarSet(label, series);
    series->append(set);
    return set;
}

// "09:00" in the locale's digits (the short time formats of some locales add seconds or AM/PM).
QString hourLabel(int hour)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    const QString zero = locale.zeroDigit();
    return (hour < 10 ? zero : QString()) + locale.toString(hour) + u':' + zero + zero;
}

template <typename T> QList<T> inReadingOrder(QList<T> list, bool rightToLeft)
{
    if (rightToLeft)
        std::reverse(list.begin(), list.end());
    return list;
}

// Puts `series` on the chart with the categories below and a value axis from 0 on the side.
void attach(QChart *chart, QBarSeries *series, const QStringList &categories,
            const QString &valueTitle, bool wholeNumbers, bool rightToLeft)
{
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    series->attachAxis(categoryAxis);
    auto *valueAxis = new QValueAxis;
    valueAxis->setTitleText(valueTitle);
    valueAxis->setMin(0);
    double top = 0;
    for (QBarSet *set : series->barSets())
        for (int i = 0; i < set->count(); ++i)
            top = std::max(top, set->at(i));
    valueAxis->setMax(std::max(wholeNumbers ? 4.0 : 1.0, top * 1.1));
    if (wholeNumbers)
        valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    else
        valueAxis->setLabelFormat(QStringLiteral("%.1f"));
    valueAxis->applyNiceNumbers();
    chart->addAxis(valueAxis, rightToLeft ? Qt::AlignRight : Qt::AlignLeft);
    series->attachAxis(valueAxis);
    chart->legend()->setAlignment(Qt::AlignBottom);
}
// One bar set per label in `setLabels` and one category per item: `name(item)` labels the
// category and `values(item)` gives the item's bar in each set, in the order of the labels.
template <typename Item, typename Name, typename Values>
void fillBars(QChart *chart, const QList<Item> &items, const QStringList &setLabels, Name name,
              Values values, const QString &valueTitle, bool wholeNumbers, bool rightToLeft)
{
    clear(chart);
    auto *series = new QBarSeries;
    QList<QBarSet *> sets;
    for (const QString &label : setLabels)
        sets.append(makeSet(label, series));
    QStringList categories;
    for (const Item &item : inReadingOrder(items, rightToLeft)) {
        categories.append(name(item));
        const QList<double> bars = values(item);
        for (qsizetype i = 0; i < sets.size(); ++i)
            sets.at(i)->append(bars.at(i));
    }
    attach(chart, series, categories, valueTitle, wholeNumbers, rightToLeft);
}
} // namespace

void fillTokens(QChart *chart, const QList<StatsBlock> &blocks, bool rightToLeft)
{
    const QStringList sets{QCoreApplication::translate("Nextup::Console::StatsCharts", "Issued"),
                           QCoreApplication::translate("Nextup::Console::StatsCharts", "Served"),
                           QCoreApplication::translate("Nextup::Console::StatsCharts", "Skipped")};
    fillBars(
        chart, blocks, sets, [](const StatsBlock &b) { return b.name; },
        [](const StatsBlock &b) {
            return QList<double>{double(b.issued), double(b.served), double(b.skipped)};
        },
        QCoreApplication::translate("Nextup::Console::StatsCharts", "Tokens"), true, rightToLeft);
}

void fillTimes(QChart *chart, const QList<StatsBlock> &blocks, bool rightToLeft)
{
    const QStringList sets{
        QCoreApplication::translate("Nextup::Console::StatsCharts", "Avg wait"),
        QCoreApplication::translate("Nextup::Console::StatsCharts", "90% wait"),
        QCoreApplication::translate("Nextup::Console::StatsCharts", "Avg service"),
        QCoreApplication::translate("Nextup::Console::StatsCharts", "90% service")};
    fillBars(
        chart, blocks, sets, [](const StatsBlock &b) { return b.name; },
        [](const StatsBlock &b) {
            return QList<double>{b.avgWaitSeconds / 60.0, b.p90WaitSeconds / 60.0,
                                 b.avgServiceSeconds / 60.0, b.p90ServiceSeconds / 60.0};
        },
        QCoreApplication::translate("Nextup::Console::StatsCharts", "Minutes"), false, rightToLeft);
}

QList<HourCount> hourBuckets(const QJsonArray &perHour)
{
    QList<HourCount> hours(24);
    for (int h = 0; h < 24; ++h)
        hours[h].hour = h;
    int first = 24, last = -1;
    for (const QJsonValue value : perHour) {
        const QJsonObject row = value.toObject();
        const QDateTime at =
            QDateTime::fromString(row.value(Wire::Key::Hour).toString(), Qt::ISODateWithMs);
        if (!at.isValid())
            continue;
        const int h = at.toLocalTime().time().hour();
        hours[h].issued += row.value(Wire::Key::Issued).toInteger();
        hours[h].served += row.value(Wire::Key::Served).toInteger();
        first = std::min(first, h);
        last = std::max(last, h);
    }
    if (last < 0)
        return {};
    return hours.mid(first, last - first + 1);
}

void fillHours(QChart *chart, const QJsonArray &perHour, bool rightToLeft)
{
    const QStringList sets{QCoreApplication::translate("Nextup::Console::StatsCharts", "Issued"),
                           QCoreApplication::translate("Nextup::Console::StatsCharts", "Served")};
    fillBars(
        chart, hourBuckets(perHour), sets, [](const HourCount &h) { return hourLabel(h.hour); },
        [](const HourCount &h) {
            return QList<double>{double(h.issued), double(h.served)};
        },
        QCoreApplication::translate("Nextup::Console::StatsCharts", "Tokens"), true, rightToLeft);
}

} // namespace Nextup::Console::StatsCharts
