#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace Nextup {

// Why a ticket did not print. The dispenser shows "please ask staff" for every reason and sends
// `code()` in its device report so that staff know whether to bring paper or check a cable.
struct PrintFailure
{
    Q_GADGET

public:
    enum class Reason
    {
        NotReachable, // nothing answers: switched off, unplugged, wrong address or queue
        PaperOut,     // the printer says its roll is empty
        CoverOpen,    // the printer says its cover is open
        PrinterError, // the printer reports an error of its own (cutter jam, head too hot…)
        WriteFailed,  // the connection broke or the device refused the bytes mid-ticket
        Timeout,      // the printer took the connection but stopped answering or reading
    };
    Q_ENUM(Reason)

    Reason reason = Reason::NotReachable;
    QString detail; // for logs and the staff alert (English, technical)

    // Stable identifiers for the device report: "not_reachable", "paper_out", …
    QString code() const;
};

} // namespace Nextup

Q_DECLARE_METATYPE(Nextup::PrintFailure)
