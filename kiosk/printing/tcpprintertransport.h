#pragma once

#include <optional>

#include <QString>
#include <QTimer>

#include "printertransport.h"

class QTcpSocket;

namespace Nextup {

struct TcpPrinterOptions
{
    QString host;
    quint16 port = 9100; // the raw ("JetDirect") port of network receipt printers
    int connectTimeoutMs = 3000;
    int statusTimeoutMs = 1500;
    int writeTimeoutMs = 5000;
    // Ask DLE EOT before and after the ticket. A printer that answers tells us about paper and
    // cover, and its answer after the last byte proves it received the whole ticket. Turn off
    // only for printers that never answer: then a ticket counts as printed once the bytes left.
    bool queryStatus = true;
};

// Raw TCP (port 9100) with QTcpSocket, asynchronous throughout. With queryStatus the job is:
// connect, DLE EOT 2 + 4 (two status bytes back: paper end, cover open, error stop), the ticket,
// DLE EOT 2 + 4 again, close.
class TcpPrinterTransport final : public PrinterTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpPrinterTransport)

public:
    explicit TcpPrinterTransport(TcpPrinterOptions options, QObject *parent = nullptr);
    ~TcpPrinterTransport() override;

    void send(const QByteArray &job) override;

private:
    enum class Stage
    {
        Idle,
        Connecting,
        Status,      // waiting for the status before the ticket
        Writing,     // the ticket is leaving
        Acknowledge, // waiting for the status after the ticket
        Closing,
    };

    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onError();
    void onTimeout();
    void writeTicket();
    void succeed();
    void fail(PrintFailure::Reason reason, const QString &detail);
    QString where() const;

    TcpPrinterOptions m_options;
    QTcpSocket *m_socket = nullptr; // one per job, owned by this
    QTimer m_timer;
    Stage m_stage = Stage::Idle;
    QByteArray m_job;
    QByteArray m_reply;
};

// Reads the two bytes of DLE EOT 2 and DLE EOT 4: nothing when the printer is ready.
std::optional<PrintFailure> statusProblem(const QByteArray &reply);

} // namespace Nextup
