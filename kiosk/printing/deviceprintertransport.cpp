#include "deviceprintertransport.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <linux/lp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QtConcurrent>

namespace Nextup {

namespace {
QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Closes the descriptor on every return path.
struct Descriptor
{
    int fd = -1;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

// usblp and the parallel port driver answer LPGETSTATUS with the printer's status lines; other
// files (and printers that do not say) give nothing to act on.
std::optional<PrintFailure> deviceStatus(int fd)
{
    struct stat info = {};
    if (::fstat(fd, &info) != 0 || !S_ISCHR(info.st_mode))
        return std::nullopt;
    int status = 0;
    if (::ioctl(fd, LPGETSTATUS, &status) != 0)
        return std::nullopt;
    if (status & LP_POUTPA)
        return PrintFailure{PrintFailure::Reason::PaperOut,
                            QStringLiteral("the printer reports paper out")};
    return std::nullopt;
}
} // namespace

DevicePrinterTransport::DevicePrinterTransport(DevicePrinterOptions options, QObject *parent)
    : PrinterTransport(parent), m_options(std::move(options))
{
}

DevicePrinterTransport::~DevicePrinterTransport() = default;

std::optional<PrintFailure> DevicePrinterTransport::write(const QString &path,
                                                          const QByteArray &job, int timeoutMs)
{
    using Reason = PrintFailure::Reason;
    const QDeadlineTimer deadline(timeoutMs);
    Descriptor device{
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
    if (device.fd < 0) {
        const int error = errno;
        return PrintFailure{Reason::NotReachable,
                            QStringLiteral("cannot open %1: %2").arg(path, systemError(error))};
    }
    if (auto problem = deviceStatus(device.fd))
        return problem;
    qsizetype done = 0;
    while (done < job.size()) {
        const ssize_t written = ::write(device.fd, job.constData() + done, job.size() - done);
        if (written >= 0) {
            done += written;
            continue;
        }
        const int error = errno;
        if (error == EINTR)
            continue;
        if (error != EAGAIN)
            return PrintFailure{
                Reason::WriteFailed,
                QStringLiteral("writing to %1 failed: %2").arg(path, systemError(error))};
        pollfd waitFor{device.fd, POLLOUT, 0};
        const int ready = ::poll(&waitFor, 1, int(deadline.remainingTime()));
        if (ready == 0 || deadline.hasExpired())
            return PrintFailure{Reason::Timeout, QStringLiteral("%1 took %2 of %3 bytes in %4 ms")
                                                     .arg(path)
                                                     .arg(done)
                                                     .arg(job.size())
                                                     .arg(timeoutMs)};
    }
    return std::nullopt;
}

void DevicePrinterTransport::send(const QByteArray &job)
{
    // `this` as the continuation's context: if the transport is gone, the result is dropped.
    QtConcurrent::run(&DevicePrinterTransport::write, m_options.path, job, m_options.writeTimeoutMs)
        .then(this, [this](const std::optional<PrintFailure> &problem) {
            if (problem)
                emit failed(*problem);
            else
                emit sent();
        });
}

} // namespace Nextup
