#pragma once

#include <optional>

#include <QString>

namespace Nextup {

// A token's display number: the service's letter code and the day's sequence, zero-padded to at
// least three digits ("D007", "D1234").
QString formatTokenNumber(const QString &serviceCode, qint64 number);

struct ParsedTokenNumber
{
    QString serviceCode; // empty when only digits were given
    qint64 number = 0;
};

// Accepts "D007", "d7", "7": what a user types into a search field.
std::optional<ParsedTokenNumber> parseTokenNumber(const QString &text);

} // namespace Nextup
