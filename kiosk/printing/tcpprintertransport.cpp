#include "tcpprintertransport.h"

#include <QTcpSocket>

#include "escposencoder.h"

namespace Nextup {

namespace {
// Every ESC/POS status byte has bit 1 and bit 4 set and bits 0 and 7 clear.
bool isStatusByte(char byte)
{
    return (uchar(byte) & 0x93) == 0x12;
}
} // namespace

std::optional<PrintFailure> statusProblem(const QByteArray &reply)
{
    using Reason = PrintFailure::Reason;
    if (reply.size() < EscPosEncoder::kStatusReplyBytes || !isStatusByte(reply[0]) ||
        !isStatusByte(reply[1]))
        return PrintFailure{Reason::PrinterError,
                            QStringLiteral("unexpected status reply %1").arg(reply.toHex(' '))};
    const uchar offline = uchar(reply[0]); // DLE EOT 2
    const uchar paper = uchar(reply[1]);   // DLE EOT 4
    if ((paper & 0x60) || (offline & 0x20))
        return PrintFailure{Reason::PaperOut, QStringLiteral("the printer reports paper out")};
    if (offline & 0x04)
        return PrintFailure{Reason::CoverOpen,
                            QStringLiteral("the printer reports its cover open")};
    if (offline & 0x40)
        return PrintFailure{Reason::PrinterError, QStringLiteral("the printer reports an error")};
    return std::nullopt;
}

TcpPrinterTransport::TcpPrinterTransport(TcpPrinterOptions options, QObject *parent)
    : PrinterTransport(parent), m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TcpPrinterTransport::onTimeout);
}

TcpPrinterTransport::~TcpPrinterTransport() = default;

QString TcpPrinterTransport::where() const
{
    return m_options.host + QLatin1Char(':') + QString::number(m_options.port);
}

void TcpPrinterTransport::send(const QByteArray &job)
{
    Q_ASSERT(m_stage == Stage::Idle);
    m_job = job;
    m_reply.clear();
    m_stage = Stage::Connecting;
    // A fresh socket per job: a printer that was switched off in between leaves no stale state.
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, &TcpPrinterTransport::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &TcpPrinterTransport::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &TcpPrinterTransport::onBytesWritten);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpPrinterTransport::onError);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_stage == Stage::Closing)
            succeed();
        else if (m_stage != Stage::Idle)
            fail(PrintFailure::Reason::WriteFailed,
                 QStringLiteral("%1 closed the connection mid-ticket").arg(where()));
    });
    m_timer.start(m_options.connectTimeoutMs);
    m_socket->connectToHost(m_options.host, m_options.port);
}

void TcpPrinterTransport::onConnected()
{
    if (!m_options.queryStatus) {
        writeTicket();
        return;
    }
    m_stage = Stage::Status;
    m_timer.start(m_options.statusTimeoutMs);
    m_socket->write(EscPosEncoder::statusQuery());
}

void TcpPrinterTransport::writeTicket()
{
    m_stage = Stage::Writing;
    m_timer.start(m_options.writeTimeoutMs);
    m_socket->write(m_options.queryStatus ? m_job + EscPosEncoder::statusQuery() : m_job);
}

void TcpPrinterTransport::onReadyRead()
{
    m_reply += m_socket->readAll();
    if (m_reply.size() < EscPosEncoder::kStatusReplyBytes)
        return;
    const QByteArray status = m_reply.left(EscPosEncoder::kStatusReplyBytes);
    m_reply.remove(0, EscPosEncoder::kStatusReplyBytes);
    if (const auto problem = statusProblem(status)) {
        fail(problem->reason, problem->detail);
        return;
    }
    if (m_stage == Stage::Status) {
        writeTicket();
    } else if (m_stage == Stage::Writing || m_stage == Stage::Acknowledge) {
        // The answer to the query sent after the last byte: the printer has the whole ticket.
        m_stage = Stage::Closing;
        m_socket->disconnectFromHost();
    }
}

void TcpPrinterTransport::onBytesWritten()
{
    if (m_stage != Stage::Writing || m_socket->bytesToWrite() > 0)
        return;
    if (m_options.queryStatus) {
        m_stage = Stage::Acknowledge; // the write timeout keeps running for the answer
        return;
    }
    m_stage = Stage::Closing;
    m_socket->disconnectFromHost();
}

void TcpPrinterTransport::onError()
{
    if (m_stage == Stage::Idle || m_stage == Stage::Closing)
        return; // the printer closing after the job is how raw printing ends
    const QString error = m_socket->errorString();
    if (m_stage == Stage::Connecting)
        fail(PrintFailure::Reason::NotReachable,
             QStringLiteral("cannot connect to %1: %2").arg(where(), error));
    else
        fail(PrintFailure::Reason::WriteFailed,
             QStringLiteral("connection to %1 lost: %2").arg(where(), error));
}

void TcpPrinterTransport::onTimeout()
{
    switch (m_stage) {
    case Stage::Idle: return;
    case Stage::Connecting:
        fail(PrintFailure::Reason::NotReachable, QStringLiteral("no answer from %1 within %2 ms")
                                                     .arg(where())
                                                     .arg(m_options.connectTimeoutMs));
        return;
    case Stage::Status:
        fail(PrintFailure::Reason::Timeout,
             QStringLiteral("%1 did not answer the status query within %2 ms")
                 .arg(where())
                 .arg(m_options.statusTimeoutMs));
        return;
    case Stage::Writing:
    case Stage::Acknowledge:
    case Stage::Closing:
        fail(PrintFailure::Reason::Timeout,
             QStringLiteral("%1 did not take the ticket within %2 ms")
                 .arg(where())
                 .arg(m_options.writeTimeoutMs));
        return;
    }
}

void TcpPrinterTransport::succeed()
{
    m_stage = Stage::Idle;
    m_timer.stop();
    m_socket->deleteLater();
    m_socket = nullptr;
    emit sent();
}

void TcpPrinterTransport::fail(PrintFailure::Reason reason, const QString &detail)
{
    m_stage = Stage::Idle; // first, so that the signals abort() emits are ignored
    m_timer.stop();
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    emit failed(PrintFailure{reason, detail});
}

} // namespace Nextup
