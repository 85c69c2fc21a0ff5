#include "printfailure.h"

namespace Nextup {

QString PrintFailure::code() const
{
    switch (reason) {
    case Reason::NotReachable: return QStringLiteral("not_reachable");
    case Reason::PaperOut: return QStringLiteral("paper_out");
    case Reason::CoverOpen: return QStringLiteral("cover_open");
    case Reason::PrinterError: return QStringLiteral("printer_error");
    case Reason::WriteFailed: return QStringLiteral("write_failed");
    case Reason::Timeout: return QStringLiteral("timeout");
    }
    return QStringLiteral("unknown");
}

} // namespace Nextup
