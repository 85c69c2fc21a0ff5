#include "cupsrawtransport.h"

#include <QProcess>

namespace Nextup {

CupsRawTransport::CupsRawTransport(CupsRawOptions options, QObject *parent)
    : PrinterTransport(parent), m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(PrintFailure{PrintFailure::Reason::Timeout,
                            QStringLiteral("CUPS did not take the job for %1 within %2 ms")
                                .arg(m_options.queue)
                                .arg(m_options.timeoutMs)});
    });
}

CupsRawTransport::~CupsRawTransport()
{
    if (m_process)
        m_process->kill();
}

void CupsRawTransport::send(const QByteArray &job)
{
    Q_ASSERT(!m_process);
    m_process = new QProcess(this);
    QStringList arguments;
    if (!m_options.server.isEmpty())
        arguments << QStringLiteral("-h") << m_options.server;
    // -o raw: CUPS passes the bytes through untouched (no filter would understand ESC/POS).
    arguments << QStringLiteral("-d") << m_options.queue << QStringLiteral("-o")
              << QStringLiteral("raw") << QStringLiteral("-t") << QStringLiteral("Nextup ticket");
    // Queued: QProcess may report a failed start from inside start(), and the contract says
    // the result never comes from inside send().
    connect(
        m_process, &QProcess::errorOccurred, this,
        [this](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart && m_process)
                finish(PrintFailure{PrintFailure::Reason::NotReachable,
                                    QStringLiteral("cannot run %1: %2")
                                        .arg(m_options.program, m_process->errorString())});
        },
        Qt::QueuedConnection);
    connect(
        m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
            if (status == QProcess::NormalExit && exitCode == 0) {
                finish(std::nullopt);
                return;
            }
            // lp says why on stderr ("The printer or class does not exist.", "Unable to connect").
            const QString why = QString::fromLocal8Bit(m_process->readAllStandardError()).trimmed();
            finish(PrintFailure{
                PrintFailure::Reason::NotReachable,
                QStringLiteral("CUPS refused the job for %1: %2")
                    .arg(m_options.queue, why.isEmpty() ? QStringLiteral("lp failed") : why)});
        });
    m_timer.start(m_options.timeoutMs);
    m_process->start(m_options.program, arguments);
    if (m_process->state() == QProcess::NotRunning)
        return; // failed to start: errorOccurred reports it
    m_process->write(job);
    m_process->closeWriteChannel();
}

void CupsRawTransport::finish(const std::optional<PrintFailure> &problem)
{
    if (!m_process)
        return;
    m_timer.stop();
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning)
        m_process->kill();
    m_process->deleteLater();
    m_process = nullptr;
    if (problem)
        emit failed(*problem);
    else
        emit sent();
}

} // namespace Nextup
