#pragma once

#include <functional>

#include <QObject>
#include <QString>

namespace Nextup::Console {

// Secrets in the system keychain (Secret Service, KWallet, macOS Keychain, Windows Credential
// Store) through QtKeychain, asynchronously. Nothing is ever written anywhere else: QtKeychain's
// "insecure fallback" to a plain settings file stays off, so where no keychain exists every
// call fails and says why.
class CredentialStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    struct Result
    {
        enum class Outcome
        {
            Ok,
            NotFound,    // the keychain works but holds no such entry
            Unavailable, // no keychain (no D-Bus session, no Secret Service, locked, refused)
        };
        Outcome outcome = Outcome::Unavailable;
        QString secret;  // reads only
        QString message; // the keychain's own words, for Unavailable
        bool ok() const { return outcome == Outcome::Ok; }
    };
    using Callback = std::function<void(const Result &)>;

    explicit CredentialStore(const QString &service = QStringLiteral("nextup-console"),
                             QObject *parent = nullptr);
    ~CredentialStore() override;

    // Each callback runs once, later, from the event loop, unless `context` is gone by then.
    void read(const QString &key, const QObject *context, Callback done);
    void write(const QString &key, const QString &secret, const QObject *context, Callback done);
    void remove(const QString &key, const QObject *context, Callback done);
    // Whether the keychain answers at all (a read of an entry that does not exist).
    void probe(const QObject *context, Callback done);

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace Nextup::Console
