#pragma once

#include <QByteArray>
#include <QDate>

namespace Nextup {

// Names of every Redis key the live queue uses, all under one prefix so that installations (and
// test cases) can share a Redis without seeing each other.
class QueueKeys
{
public:
    explicit QueueKeys(QByteArray prefix) : m_prefix(std::move(prefix)) {}

    const QByteArray &prefix() const { return m_prefix; }

    // Present while the active queue in Redis is complete; missing after a flush or restart.
    QByteArray ready() const { return m_prefix + "ready"; }
    // ZSET of tokens waiting for a service.
    QByteArray serviceQueue(int serviceId) const { return m_prefix + "q:" + num(serviceId); }
    // ZSET of tokens transferred to one counter.
    QByteArray counterQueue(int counterId) const { return m_prefix + "cq:" + num(counterId); }
    // The counter's current token id (decimal).
    QByteArray current(int counterId) const { return m_prefix + "cur:" + num(counterId); }
    // A day's token number sequence; it outlives its day a little (time zones, late tokens).
    static constexpr int numberLifetimeSeconds = 3 * 24 * 3600;
    QByteArray number(int serviceId, QDate businessDate) const
    {
        return m_prefix + "num:" + num(serviceId) + ':' +
               businessDate.toString(QStringLiteral("yyyyMMdd")).toLatin1();
    }
    QByteArray eventSeq() const { return m_prefix + "evseq"; }
    QByteArray rebuildLock() const { return m_prefix + "lock:rebuild"; }

    // SCAN MATCH pattern for keys that start with prefix + `kind` (e.g. "q:"), with the glob
    // characters of the prefix escaped.
    QByteArray scanPattern(const QByteArray &kind) const
    {
        QByteArray escaped;
        for (const char c : m_prefix + kind) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
                escaped += '\\';
            escaped += c;
        }
        return escaped + '*';
    }

    // Queue members are token ids padded to 15 digits so that equal scores order by id.
    static QByteArray member(qint64 tokenId)
    {
        return QByteArray::number(tokenId).rightJustified(15, '0');
    }

private:
    static QByteArray num(int id) { return QByteArray::number(id); }

    QByteArray m_prefix;
};

} // namespace Nextup
