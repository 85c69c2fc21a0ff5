#include "ticketprinter.h"

#include <QTimer>
#include <QtConcurrent>

#include "escposencoder.h"
#include "printertransport.h"

namespace Nextup {

namespace {
std::unique_ptr<PrinterTransport> transportFor(const PrinterSettings &settings)
{
    switch (settings.kind) {
    case PrinterSettings::Kind::Tcp: return std::make_unique<TcpPrinterTransport>(settings.tcp);
    case PrinterSettings::Kind::Device:
        return std::make_unique<DevicePrinterTransport>(settings.device);
    case PrinterSettings::Kind::CupsRaw: return std::make_unique<CupsRawTransport>(settings.cups);
    case PrinterSettings::Kind::System: return nullptr;
    }
    return nullptr;
}
} // namespace

TicketPrinter::TicketPrinter(PrinterSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_transport(transportFor(m_settings))
{
    if (!m_transport)
        return;
    connect(m_transport.get(), &PrinterTransport::sent, this, [this] { finish(std::nullopt); });
    connect(m_transport.get(), &PrinterTransport::failed, this,
            [this](const PrintFailure &failure) { finish(failure); });
}

TicketPrinter::~TicketPrinter() = default;

void TicketPrinter::print(const Ticket &ticket)
{
    m_waiting.enqueue(ticket);
    if (!m_busy) {
        m_busy = true;
        // Queued, so that a result never arrives inside print().
        QTimer::singleShot(0, this, &TicketPrinter::startNext);
    }
}

void TicketPrinter::startNext()
{
    if (m_waiting.isEmpty()) {
        m_busy = false;
        return;
    }
    const Ticket ticket = m_waiting.dequeue();
    m_current = ticket.tokenNumber;
    if (m_transport) {
        m_transport->send(EscPosEncoder(m_settings.format).encode(ticket));
        return;
    }
    QtConcurrent::run(&SystemPrinter::print, ticket, m_settings.format, m_settings.system)
        .then(this, [this](const std::optional<PrintFailure> &problem) { finish(problem); });
}

void TicketPrinter::finish(const std::optional<PrintFailure> &problem)
{
    const QString number = m_current;
    m_current.clear();
    if (problem)
        emit failed(number, *problem);
    else
        emit printed(number);
    // Queued: a receiver may delete this printer from its slot.
    QTimer::singleShot(0, this, &TicketPrinter::startNext);
}

} // namespace Nextup
