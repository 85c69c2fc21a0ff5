#include "printersettings.h"

#include <QUrl>
#include <QUrlQuery>

namespace Nextup {

namespace {
// The thermal options of the query; false on an unknown value, so a typo is not silently ignored.
bool readFormat(const QUrlQuery &query, PrinterSettings &settings)
{
    const auto value = [&](const char *key) { return query.queryItemValue(QLatin1String(key)); };
    const QString paper = value("paper"), qr = value("qr"), text = value("text"),
                  number = value("number"), status = value("status"), timeout = value("timeout");
    TicketFormat &format = settings.format;
    if (!paper.isEmpty() && paper != QLatin1String("58") && paper != QLatin1String("80"))
        return false;
    if (!qr.isEmpty() && qr != QLatin1String("native") && qr != QLatin1String("raster"))
        return false;
    if (!text.isEmpty() && text != QLatin1String("font") && text != QLatin1String("raster"))
        return false;
    if (!number.isEmpty() && number != QLatin1String("2") && number != QLatin1String("4"))
        return false;
    if (!status.isEmpty() && status != QLatin1String("on") && status != QLatin1String("off"))
        return false;
    format.paper = paper == QLatin1String("58") ? PaperWidth::Mm58 : PaperWidth::Mm80;
    format.qr =
        qr == QLatin1String("raster") ? TicketFormat::QrMode::Raster : TicketFormat::QrMode::Native;
    format.text = text == QLatin1String("raster") ? TicketFormat::TextMode::Raster
                                                  : TicketFormat::TextMode::PrinterFont;
    format.numberScale = number == QLatin1String("2") ? 2 : 4;
    settings.tcp.queryStatus = status != QLatin1String("off");
    if (!timeout.isEmpty()) {
        bool ok = false;
        const int ms = timeout.toInt(&ok);
        if (!ok || ms <= 0)
            return false;
        settings.tcp.writeTimeoutMs = settings.device.writeTimeoutMs = settings.cups.timeoutMs = ms;
    }
    return true;
}
} // namespace

std::optional<PrinterSettings> PrinterSettings::fromUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return std::nullopt;
    PrinterSettings settings;
    if (!readFormat(QUrlQuery(url), settings))
        return std::nullopt;
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("tcp") && !url.host().isEmpty()) {
        settings.kind = Kind::Tcp;
        settings.tcp.host = url.host();
        settings.tcp.port = quint16(url.port(settings.tcp.port));
    } else if (scheme == QLatin1String("device") && url.path().startsWith(QLatin1Char('/'))) {
        settings.kind = Kind::Device;
        settings.device.path = url.path();
    } else if (scheme == QLatin1String("cups")) {
        settings.kind = Kind::CupsRaw;
        const QString path = url.path();
        settings.cups.queue = path.startsWith(QLatin1Char('/')) ? path.mid(1) : path;
        if (!url.host().isEmpty())
            settings.cups.server = url.port() > 0
                                       ? url.host() + QLatin1Char(':') + QString::number(url.port())
                                       : url.host();
        if (settings.cups.queue.isEmpty() || settings.cups.queue.contains(QLatin1Char('/')))
            return std::nullopt;
    } else if (scheme == QLatin1String("system")) {
        settings.kind = Kind::System;
        settings.system.printerName = url.path();
    } else if (scheme == QLatin1String("pdf") && url.path().startsWith(QLatin1Char('/'))) {
        settings.kind = Kind::System;
        settings.system.pdfFile = url.path();
    } else {
        return std::nullopt;
    }
    return settings;
}

} // namespace Nextup
