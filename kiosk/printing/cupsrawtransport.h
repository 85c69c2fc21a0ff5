#pragma once

#include <QString>
#include <QTimer>

#include "printertransport.h"

class QProcess;

namespace Nextup {

struct CupsRawOptions
{
    QString queue;
    QString server; // host[:port] of the CUPS server; empty: libcups's default (CUPS_SERVER)
    int timeoutMs = 10000;
    QString program = QStringLiteral("lp");
};

// Hands the job to a CUPS queue as raw bytes through `lp -d <queue> -o raw` (a QProcess, so
// nothing blocks). "Sent" means CUPS accepted the job: CUPS then owns retries, and a printer
// problem after that shows in CUPS (lpstat), not here. We use lp rather than libcups so that
// the kiosk needs no extra library and the same command works by hand when setting up.
class CupsRawTransport final : public PrinterTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CupsRawTransport)

public:
    explicit CupsRawTransport(CupsRawOptions options, QObject *parent = nullptr);
    ~CupsRawTransport() override;

    void send(const QByteArray &job) override;

private:
    void finish(const std::optional<PrintFailure> &problem);

    CupsRawOptions m_options;
    QProcess *m_process = nullptr; // one per job, owned by this
    QTimer m_timer;
};

} // namespace Nextup
