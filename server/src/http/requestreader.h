#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Nextup {

// The client's half of an HTTP/1.1 connection, read as RFC 9112 says before QtHttpServer's parser
// sees a byte of it. Qt 6.4's parser takes bare LF line ends, any version ("HTTP/9.9",
// "HTTP/1.x"), header lines without a colon, NUL and other control characters, obsolete line
// folding and "+16" as a Content-Length. Where two parsers read one request differently (a proxy
// in front, this server behind), a request can be smuggled past the proxy; so each request head
// is read whole and checked here, and only a valid one, then its body, goes on.
//
// A head is a request line (method SP request-target SP "HTTP/1.0" or "HTTP/1.1"), header fields
// (token ":" OWS value OWS, the value of visible characters, spaces, tabs and bytes above 0x7F),
// CRLF line ends only, and an empty line; empty lines before a request line are skipped (§2.2).
// Refused, each with the status a client can act on:
//   400  any other syntax; Content-Length not digits or given twice; Host missing or given twice
//        in HTTP/1.1; Transfer-Encoding together with Content-Length
//   411  Transfer-Encoding: chunked (send a Content-Length instead)
//   413  a Content-Length above the body limit (refused from the header; the body is not read)
//   431  a head above the header limit
//   501  any other Transfer-Encoding
//   505  a well-formed version other than 1.0 and 1.1
// Nothing passes after a refusal, nor after a request that asked to close the connection. After a
// WebSocket upgrade request the bytes are no longer HTTP: takeRest() hands them over.
//
// Pure: no sockets, no clock, any thread.
class RequestReader
{
public:
    struct Limits
    {
        qint64 maxHeaderBytes = qint64(16) * 1024;
        qint64 maxBodyBytes = qint64(64) * 1024;
    };
    struct Refusal
    {
        int status = 400;
        QString code;
        QString message;
    };

    explicit RequestReader(Limits limits) : m_limits(limits) {}

    // Takes the next bytes from the client; returns those the HTTP parser may have now: whole
    // request heads once checked, body bytes as they come.
    QByteArray read(QByteArrayView bytes);

    const std::optional<Refusal> &refusal() const { return m_refusal; }
    // Part of a request head has arrived, not all of it (the header deadline runs meanwhile).
    bool inHead() const { return !stopped() && m_bodyLeft == 0 && !m_pending.isEmpty(); }
    // The last request asked for a WebSocket and is complete: what followed it is not HTTP.
    bool upgraded() const { return m_upgrade && m_bodyLeft == 0; }
    QByteArray takeRest() { return std::exchange(m_pending, {}); }
    // The last request asked to close the connection ("Connection: close"): nothing after it
    // passes.
    bool closing() const { return m_close && m_bodyLeft == 0; }

private:
    bool stopped() const { return m_refusal || upgraded() || closing(); }
    // The head at the start of `input` if it is complete: how many bytes it took (empty lines
    // before it included), 0 when more must come or it was refused.
    qsizetype readHead(QByteArrayView input, QByteArray &passed);
    // Checks a complete head (without its final empty line); false when refused.
    bool checkHead(QByteArrayView head);
    bool checkRequestLine(QByteArrayView line);
    bool refuse(int status, const char *code, const QString &message);

    Limits m_limits;
    QByteArray m_pending;        // read, not passed yet: a partial head
    qsizetype m_headChecked = 0; // bytes of the partial head already checked for line ends
    qint64 m_bodyLeft = 0;
    bool m_upgrade = false;
    bool m_close = false;
    std::optional<Refusal> m_refusal;
};

} // namespace Nextup
