#include "fakethermalprinter.h"

#include <QHostAddress>
#include <QTcpSocket>

FakeThermalPrinter::FakeThermalPrinter(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeThermalPrinter::accept);
}

bool FakeThermalPrinter::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FakeThermalPrinter::setBehaviour(Behaviour behaviour, int closeAfterBytes)
{
    m_behaviour = behaviour;
    m_closeAfter = closeAfterBytes;
}

EscPosDocument FakeThermalPrinter::lastDocument() const
{
    return m_jobs.isEmpty() ? EscPosDocument{} : decodeEscPos(m_jobs.last());
}

void FakeThermalPrinter::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        const int index = int(m_jobs.size());
        m_jobs.append(QByteArray());
        m_answered.append(0);
        if (m_behaviour == Behaviour::NeverRead) {
            // Qt would keep reading into its own buffer; a 1-byte limit leaves the bytes in the
            // kernel, so the sender's window fills as with a jammed printer.
            socket->setReadBufferSize(1);
            continue;
        }
        connect(socket, &QTcpSocket::readyRead, this,
                [this, socket, index] { read(socket, index); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            socket->deleteLater();
            emit jobReceived();
        });
    }
}

void FakeThermalPrinter::read(QTcpSocket *socket, int index)
{
    QByteArray &job = m_jobs[index];
    job += socket->readAll();
    if (m_behaviour == Behaviour::CloseAfter && job.size() >= m_closeAfter) {
        job.truncate(m_closeAfter);
        socket->abort();
        return;
    }
    const EscPosDocument document = decodeEscPos(job);
    // Status bytes: bits 1 and 4 always set; DLE EOT 2 bit 2 cover open, bit 5 stopped by paper
    // end; DLE EOT 4 bits 5-6 paper end.
    const bool paperOut = m_behaviour == Behaviour::PaperOut;
    const bool coverOpen = m_behaviour == Behaviour::CoverOpen;
    while (m_answered[index] < document.statusQueries.size()) {
        char reply = 0x12;
        if (document.statusQueries[m_answered[index]] == 2)
            reply |= char((paperOut ? 0x20 : 0) | (coverOpen ? 0x04 : 0));
        else
            reply |= char(paperOut ? 0x60 : 0);
        socket->write(&reply, 1);
        ++m_answered[index];
    }
}
