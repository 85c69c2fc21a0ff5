#pragma once

#include <QList>

#include "nextup/client/tokentypes.h"

class QChart;

// Fills the statistics page's bar charts. Each function empties the chart (series and axes) and
// draws it again, so the chart views keep their charts across refreshes. Qt Charts does not
// mirror itself: right to left, the categories (and the hours) run from the right and the value
// axis stands on the right, as an Arabic reader expects.
namespace Nextup::Console::StatsCharts {

// Issued, served and skipped per block (service or counter).
void fillTokens(QChart *chart, const QList<StatsBlock> &blocks, bool rightToLeft = false);
// Average and 90th percentile wait and service time per block, in minutes.
void fillTimes(QChart *chart, const QList<StatsBlock> &blocks, bool rightToLeft = false);
// Tokens issued and served per hour of the day (local time), summed over the days of the range,
// from the first to the last hour that has any.
void fillHours(QChart *chart, const QJsonArray &perHour, bool rightToLeft = false);

// The hour-of-day buckets fillHours() draws: hour (0-23) → {issued, served}.
struct HourCount
{
    int hour = 0;
    qint64 issued = 0;
    qint64 served = 0;
};
QList<HourCount> hourBuckets(const QJsonArray &perHour);

} // namespace Nextup::Console::StatsCharts
