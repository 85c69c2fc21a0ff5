#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include "escposdecoder.h"

class QTcpSocket;

// A receipt printer on a loopback port: keeps what each connection sent, decodes it as the
// printer would, answers DLE EOT status queries as they arrive (after the bytes before them, as
// TCP delivers them), and can misbehave the ways real printers do.
class FakeThermalPrinter : public QObject
{
    Q_OBJECT

public:
    enum class Behaviour
    {
        Ready,
        PaperOut,   // answers the status with "paper end"
        CoverOpen,  // answers the status with "cover open"
        CloseAfter, // takes closeAfterBytes bytes, then drops the connection
        NeverRead,  // accepts, then reads nothing and answers nothing
    };

    explicit FakeThermalPrinter(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void setBehaviour(Behaviour behaviour, int closeAfterBytes = 0);

    // Bytes of each connection, in the order they arrived.
    const QList<QByteArray> &jobs() const { return m_jobs; }
    EscPosDocument lastDocument() const;
    void clear()
    {
        m_jobs.clear();
        m_answered.clear();
    }

signals:
    void jobReceived();

private:
    void accept();
    void read(QTcpSocket *socket, int index);

    QTcpServer m_server;
    Behaviour m_behaviour = Behaviour::Ready;
    int m_closeAfter = 0;
    QList<QByteArray> m_jobs;
    QList<int> m_answered; // status queries answered per connection
};
