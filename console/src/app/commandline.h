#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Nextup::Console {

// What a run was asked to do on the command line. Empty values mean "as saved".
struct CommandLineOptions
{
    enum class Action
    {
        Run,
        ShowHelp,
        ShowVersion,
    };
    Action action = Action::Run;
    QUrl server;      // --server: this run's server instead of the saved one
    QString language; // --language: this run's language instead of the saved one
};

// nextup-console's command line. Parsing needs no QCoreApplication, so --help, --version and a
// wrong argument are answered before anything that needs a display; main() builds the
// QApplication afterwards, and Qt's own options (-platform, -style, -reverse …) are let through
// for it. A wrong argument is an error value with a message, never an exception or an exit.
// Its texts go out before any translator can be installed (that needs the application object),
// so they are English; tr() marks them for the catalogues all the same.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(Nextup::Console::CommandLine)

public:
    struct Result
    {
        CommandLineOptions options;
        QString error; // empty when the arguments were good
        bool ok() const { return error.isEmpty(); }
    };

    // The exit code of a run with wrong arguments (as getopt programs do).
    static constexpr int kUsageError = 2;

    // arguments: the program's name first, as in argv.
    static Result parse(const QStringList &arguments);
    static QStringList arguments(int argc, const char *const argv[]);

    static QString helpText();
    // "nextup-console 0.1.0"
    static QString versionText();
    // The server address as given on the command line, or an error: http or https, a host, no
    // user, query or fragment.
    static QString checkServerUrl(const QString &text, QUrl *url);
};

} // namespace Nextup::Console
