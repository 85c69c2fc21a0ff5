// nextup-console's command line: the parser's answers to good and bad arguments, the real binary's
// --help and --version without any display, and the settings a run's overrides leave alone.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "app/commandline.h"
#include "app/consolesettings.h"

using namespace Nextup::Console;
using Action = CommandLineOptions::Action;

class TestConsoleCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void binary_data();
    void binary();
    void overridesLeaveSavedSettingsAlone();
};

void TestConsoleCommandLine::parse_data()
{
    QTest::addColumn<QStringList>("arguments"); // after the program's name
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("error"); // a part of the message; empty: none expected

    const int run = int(Action::Run);
    const int help = int(Action::ShowHelp);
    const int version = int(Action::ShowVersion);
    const QString none;
    // Good.
    QTest::newRow("nothing") << QStringList{} << run << none << none << none;
    QTest::newRow("--help") << QStringList{"--help"} << help << none << none << none;
    QTest::newRow("-h") << QStringList{"-h"} << help << none << none << none;
    QTest::newRow("--version") << QStringList{"--version"} << version << none << none << none;
    QTest::newRow("help wins over a bad value")
        << QStringList{"--server", "ftp://x", "--help"} << help << none << none << none;
    QTest::newRow("server") << QStringList{"--server", "http://127.0.0.1:8080"} << run
                            << "http://127.0.0.1:8080" << none << none;
    QTest::newRow("server=, https, trailing slash")
        << QStringList{"--server=https://queue.example.org/"} << run << "https://queue.example.org"
        << none << none;
    QTest::newRow("server with a path") << QStringList{"--server", "https://example.org/nextup"}
                                        << run << "https://example.org/nextup" << none << none;
    QTest::newRow("last server wins")
        << QStringList{"--server", "http://a:1", "--server", "http://b:2"} << run << "http://b:2"
        << none << none;
    QTest::newRow("language es") << QStringList{"--language", "es"} << run << none << "es" << none;
    QTest::newRow("language=AR") << QStringList{"--language=AR"} << run << none << "ar" << none;
    QTest::newRow("both") << QStringList{"--language", "en", "--server", "http://10.0.0.5:80"}
                          << run << "http://10.0.0.5:80"
                          << "en" << none;
    QTest::newRow("Qt's own options pass") << QStringList{"-platform", "offscreen", "-style=fusion",
                                                          "-reverse",  "--server",  "http://h:1"}
                                           << run << "http://h:1" << none << none;
    // Bad.
    QTest::newRow("ftp server") << QStringList{"--server", "ftp://files.example.org"} << run << none
                                << none << "http:// or https://";
    QTest::newRow("no scheme") << QStringList{"--server", "127.0.0.1:8080"} << run << none << none
                               << "--server";
    QTest::newRow("no host") << QStringList{"--server", "http://"} << run << none << none
                             << "no host";
    QTest::newRow("empty server") << QStringList{"--server", ""} << run << none << none
                                  << "needs an address";
    QTest::newRow("password in the address")
        << QStringList{"--server", "http://admin:secret@h:1"} << run << none << none << "passwords";
    QTest::newRow("query") << QStringList{"--server", "http://h:1/?x=1"} << run << none << none
                           << "query";
    QTest::newRow("server without a value")
        << QStringList{"--server"} << run << none << none << "server";
    QTest::newRow("unknown language")
        << QStringList{"--language", "fr"} << run << none << none << "\"fr\"";
    QTest::newRow("language without a value")
        << QStringList{"--language"} << run << none << none << "language";
    QTest::newRow("unknown option")
        << QStringList{"--fullscreen"} << run << none << none << "fullscreen";
    QTest::newRow("stray argument")
        << QStringList{"http://127.0.0.1:8080"} << run << none << none << "Unexpected argument";
}

void TestConsoleCommandLine::parse()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, action);
    QFETCH(QString, server);
    QFETCH(QString, language);
    QFETCH(QString, error);

    const CommandLine::Result result =
        CommandLine::parse(QStringList{QStringLiteral("nextup-console")} + arguments);
    if (!error.isEmpty()) {
        QVERIFY2(!result.ok(), "accepted");
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(int(result.options.action), action);
    QCOMPARE(result.options.server.toString(), server);
    QCOMPARE(result.options.language, language);
}

void TestConsoleCommandLine::binary_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out"); // start of stdout ("" : stdout empty)
    QTest::addColumn<QString>("err"); // a part of stderr ("" : stderr empty)

    QTest::newRow("--help") << QStringList{"--help"} << 0 << "Usage: nextup-console [options]\n"
                            << QString();
    QTest::newRow("-h") << QStringList{"-h"} << 0 << "Usage: nextup-console" << QString();
    QTest::newRow("--version") << QStringList{"--version"} << 0
                               << "nextup-console " NEXTUP_VERSION "\n"
                               << QString();
    QTest::newRow("bad server") << QStringList{"--server", "ftp://x"} << 2 << QString()
                                << "nextup-console: --server: \"ftp://x\"";
    QTest::newRow("bad language") << QStringList{"--language", "de"} << 2 << QString()
                                  << "Try 'nextup-console --help'.";
}

void TestConsoleCommandLine::binary()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);

    // No display of any kind: these answers must come before the QApplication.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"})
        environment.remove(QString::fromLatin1(name));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(NEXTUP_CONSOLE_BIN), arguments);
    QVERIFY2(process.waitForFinished(10'000), qPrintable(process.errorString()));
    const QString stdoutText = QString::fromUtf8(process.readAllStandardOutput());
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(
        process.exitCode() == exitCode,
        qPrintable(QStringLiteral("exit %1, stderr: %2").arg(process.exitCode()).arg(stderrText)));
    if (out.isEmpty())
        QCOMPARE(stdoutText, QString());
    else
        QVERIFY2(stdoutText.startsWith(out), qPrintable(stdoutText));
    if (out.endsWith(u'\n') && arguments == QStringList{QStringLiteral("--version")})
        QCOMPARE(stdoutText, out); // exactly one line
    if (err.isEmpty())
        QCOMPARE(stderrText, QString());
    else
        QVERIFY2(stderrText.contains(err), qPrintable(stderrText));
    if (arguments.first() == u"--help") {
        for (const char *option : {"--version", "--server URL", "--language LANG", "en, es, ar"})
            QVERIFY2(stdoutText.contains(QLatin1String(option)), option);
    }
}

void TestConsoleCommandLine::overridesLeaveSavedSettingsAlone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("console.ini"));
    const QUrl saved(QStringLiteral("http://saved.example:8080"));
    const QUrl other(QStringLiteral("http://other.example:9090"));
    {
        ConsoleSettings settings(file);
        settings.setServerUrl(saved);
        settings.setLanguage(QStringLiteral("es"));
        settings.setRememberedUsername(QStringLiteral("operator1"));
    }
    {
        // nextup-console --server http://other.example:9090 --language ar
        ConsoleSettings settings(file);
        settings.overrideServerUrl(other);
        settings.overrideLanguage(QStringLiteral("ar"));
        QCOMPARE(settings.serverUrl(), other);
        QCOMPARE(settings.language(), QStringLiteral("ar"));
        // The remembered sign-in is the saved server's: not this run's, and not replaced by it.
        QCOMPARE(settings.rememberedUsername(), QString());
        settings.setRememberedUsername(QStringLiteral("admin"));
        QCOMPARE(settings.rememberedUsername(), QStringLiteral("admin"));
        // What the run changes stays in the run.
        settings.setLanguage(QStringLiteral("en"));
        QCOMPARE(settings.language(), QStringLiteral("en"));
        settings.setServerUrl(QUrl(QStringLiteral("http://third.example")));
        QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("http://third.example")));
    }
    {
        ConsoleSettings settings(file);
        QCOMPARE(settings.serverUrl(), saved);
        QCOMPARE(settings.language(), QStringLiteral("es"));
        QCOMPARE(settings.rememberedUsername(), QStringLiteral("operator1"));
        // --server naming the saved server: its remembered sign-in applies as usual.
        settings.overrideServerUrl(QUrl(QStringLiteral("http://saved.example:8080/")));
        QCOMPARE(settings.rememberedUsername(), QStringLiteral("operator1"));
    }
}

QTEST_GUILESS_MAIN(TestConsoleCommandLine)
#include "tst_console_commandline.moc"
