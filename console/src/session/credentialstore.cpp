#include "session/credentialstore.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace Nextup::Console {

namespace {

CredentialStore::Result resultOf(QKeychain::Job *job)
{
    CredentialStore::Result result;
    switch (job->error()) {
    case QKeychain::NoError:
        result.outcome = CredentialStore::Result::Outcome::Ok;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            result.secret = read->textData();
        break;
    case QKeychain::EntryNotFound:
        result.outcome = CredentialStore::Result::Outcome::NotFound;
        break;
    default:
        // Without a backend QtKeychain mostly says OtherError with the D-Bus error ("Could not
        // connect", "Cannot autolaunch D-Bus"): whatever the code, the secret is not kept.
        result.outcome = CredentialStore::Result::Outcome::Unavailable;
        result.message = job->errorString();
        break;
    }
    return result;
}

void runJob(QKeychain::Job *job, const QString &key, const QObject *context,
            CredentialStore::Callback done)
{
    job->setKey(key);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file
    QPointer<const QObject> guard(context);
    QObject::connect(
        job, &QKeychain::Job::finished, job,
        [guard, hasContext = context != nullptr, done = std::move(done)](QKeychain::Job *finished) {
            if (hasContext && !guard)
                return;
            if (done)
                done(resultOf(finished));
        });
    job->start(); // QtKeychain reports from the event loop
}

} // namespace

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service)
{
}

CredentialStore::~CredentialStore() = default;

void CredentialStore::read(const QString &key, const QObject *context, Callback done)
{
    runJob(new QKeychain::ReadPasswordJob(m_service, this), key, context, std::move(done));
}

void CredentialStore::write(const QString &key, const QString &secret, const QObject *context,
                            Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setTextData(secret);
    runJob(job, key, context, std::move(done));
}

void CredentialStore::remove(const QString &key, const QObject *context, Callback done)
{
    runJob(new QKeychain::DeletePasswordJob(m_service, this), key, context, std::move(done));
}

void CredentialStore::probe(const QObject *context, Callback done)
{
    read(QStringLiteral("probe"), context, [done = std::move(done)](const Result &result) {
        Result answer = result;
        if (answer.outcome == Result::Outcome::NotFound) // the keychain answered: it works
            answer.outcome = Result::Outcome::Ok;
        if (done)
            done(answer);
    });
}

} // namespace Nextup::Console
