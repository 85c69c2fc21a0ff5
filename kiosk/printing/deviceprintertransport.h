#pragma once

#include <optional>

#include <QString>

#include "printertransport.h"

namespace Nextup {

struct DevicePrinterOptions
{
    QString path; // a USB printer's character device, /dev/usb/lp0
    int writeTimeoutMs = 5000;
};

// Writes the job to a printer's device file on a worker thread (QtConcurrent), so that a
// printer that stops taking bytes never holds up the GUI. The device is opened non-blocking and
// each write waits in poll() for at most what is left of the timeout, so the worker itself comes
// back in time too. The file must exist: a missing /dev/usb/lp0 is an unplugged printer, not a
// file to create.
class DevicePrinterTransport final : public PrinterTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DevicePrinterTransport)

public:
    explicit DevicePrinterTransport(DevicePrinterOptions options, QObject *parent = nullptr);
    ~DevicePrinterTransport() override;

    void send(const QByteArray &job) override;

    // The blocking write itself (any thread): nothing when every byte was taken.
    static std::optional<PrintFailure> write(const QString &path, const QByteArray &job,
                                             int timeoutMs);

private:
    DevicePrinterOptions m_options;
};

} // namespace Nextup
