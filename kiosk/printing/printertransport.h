#pragma once

#include <QByteArray>
#include <QObject>

#include "printfailure.h"

namespace Nextup {

// Carries one ESC/POS job to a printer. Contract: after send(), exactly one of sent() or failed()
// is emitted, later (never from inside send()), on the transport's thread; send() is not called
// again before that. Nothing here blocks the calling thread for more than a moment.
class PrinterTransport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrinterTransport)

public:
    using QObject::QObject;
    ~PrinterTransport() override = default;

    virtual void send(const QByteArray &job) = 0;

signals:
    void sent();
    void failed(const Nextup::PrintFailure &failure);
};

} // namespace Nextup
