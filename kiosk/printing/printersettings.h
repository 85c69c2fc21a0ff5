#pragma once

#include <optional>

#include <QString>

#include "cupsrawtransport.h"
#include "deviceprintertransport.h"
#include "systemprinter.h"
#include "tcpprintertransport.h"
#include "ticketlayout.h"

namespace Nextup {

// Where and how tickets print, written as one string (the kiosk's settings keep it as text):
//   tcp://192.168.1.50[:9100]          raw TCP
//   device:/dev/usb/lp0                a USB printer's device file
//   cups:queue  or  cups://host:631/queue   a CUPS raw queue (-o raw)
//   system:  or  system:Office_A4      Qt Print Support (default printer, or by name)
//   pdf:/path/ticket.pdf               a PDF file (checks, archives)
// and for thermal printers the query ?paper=58|80&qr=native|raster&text=font|raster&number=2|4
// &status=on|off (DLE EOT answers; TCP only) &timeout=<ms>.
struct PrinterSettings
{
    enum class Kind
    {
        Tcp,
        Device,
        CupsRaw,
        System,
    };

    Kind kind = Kind::System;
    TicketFormat format;
    TcpPrinterOptions tcp;
    DevicePrinterOptions device;
    CupsRawOptions cups;
    SystemPrinterOptions system;

    // Nothing when the text is not one of the forms above.
    static std::optional<PrinterSettings> fromUrl(const QString &text);
};

} // namespace Nextup
