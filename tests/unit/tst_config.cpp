// Config::load: where each setting comes from (command line > environment > NAME_FILE > INI),
// and the refusals that keep a packaged or containerised server from starting half-configured.
#include <QTemporaryDir>
#include <QTest>

#include "app/config.h"

using namespace Nextup;

class TestConfig : public QObject
{
    Q_OBJECT

private slots:
    void commandLineBeatsEnvironment();
    void databasePasswordReplacesTheUrls();
    void valuesFromFiles_data();
    void valuesFromFiles();
    void unreadableFileIsAnError();
    void emptyRequiredUrlIsAnError_data();
    void emptyRequiredUrlIsAnError();
    void commands_data();
    void commands();
    void sqlDirOfABuildTreeBinaryIsTheSourceTree();

private:
    static Result<Config> load(const QStringList &arguments, const QProcessEnvironment &env)
    {
        return Config::load(QStringList{QStringLiteral("nextup-server")} + arguments, env);
    }
    QString writeFile(const QByteArray &text);

    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestConfig::writeFile(const QByteArray &text)
{
    const QString path = m_dir.filePath(QString::number(++m_files));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

// The packaged unit passes --port %i: an env file's PORT must not move an instance.
void TestConfig::commandLineBeatsEnvironment()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PORT"), QStringLiteral("9999"));
    auto config =
        load({QStringLiteral("migrate"), QStringLiteral("--port"), QStringLiteral("8081")}, env);
    QVERIFY(config.ok());
    QCOMPARE(config->port, quint16(8081));
}

void TestConfig::databasePasswordReplacesTheUrls()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DATABASE_URL"),
               QStringLiteral("postgres://nextup:old@db:5433/queues"));
    auto kept = load({QStringLiteral("migrate")}, env);
    QVERIFY(kept.ok());
    QCOMPARE(kept->database.password, QStringLiteral("old"));

    env.insert(QStringLiteral("DATABASE_PASSWORD_FILE"), writeFile("s3cret/with:odd@chars\n"));
    auto replaced = load({QStringLiteral("migrate")}, env);
    QVERIFY(replaced.ok());
    QCOMPARE(replaced->database.password, QStringLiteral("s3cret/with:odd@chars"));
    QCOMPARE(replaced->database.user, QStringLiteral("nextup"));
    QCOMPARE(replaced->database.host, QStringLiteral("db"));
    QCOMPARE(replaced->database.port, 5433);
    QCOMPARE(replaced->database.database, QStringLiteral("queues"));
}

void TestConfig::valuesFromFiles_data()
{
    QTest::addColumn<QByteArray>("fileText");
    QTest::addColumn<QString>("direct"); // JWT_SECRET itself, or empty for none
    QTest::addColumn<QByteArray>("expected");
    const QByteArray secret(40, 'k');
    QTest::newRow("file, newline dropped") << secret + '\n' << QString() << secret;
    QTest::newRow("file, CRLF dropped") << secret + "\r\n" << QString() << secret;
    QTest::newRow("file, inner spaces kept")
        << QByteArray(20, 'a') + "  " + QByteArray(20, 'b') << QString()
        << QByteArray(20, 'a') + "  " + QByteArray(20, 'b');
    QTest::newRow("the variable beats its file")
        << secret << QString(QByteArray(33, 'v')) << QByteArray(33, 'v');
}

void TestConfig::valuesFromFiles()
{
    QFETCH(QByteArray, fileText);
    QFETCH(QString, direct);
    QFETCH(QByteArray, expected);
    QProcessEnvironment env;
    env.insert(QStringLiteral("JWT_SECRET_FILE"), writeFile(fileText));
    if (!direct.isEmpty())
        env.insert(QStringLiteral("JWT_SECRET"), direct);
    auto config = load({}, env);
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    QCOMPARE(config->jwtSecret, expected);
}

void TestConfig::unreadableFileIsAnError()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("JWT_SECRET_FILE"), m_dir.filePath(QStringLiteral("missing")));
    auto config = load({QStringLiteral("--dev")}, env);
    QVERIFY(!config.ok());
    QVERIFY(config.error().message.contains(u"JWT_SECRET_FILE"));
}

void TestConfig::emptyRequiredUrlIsAnError_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<bool>("viaFile");
    QTest::newRow("DATABASE_URL") << QStringLiteral("DATABASE_URL") << false;
    QTest::newRow("REDIS_URL") << QStringLiteral("REDIS_URL") << false;
    QTest::newRow("DATABASE_URL_FILE, empty file") << QStringLiteral("DATABASE_URL") << true;
}

void TestConfig::emptyRequiredUrlIsAnError()
{
    QFETCH(QString, variable);
    QFETCH(bool, viaFile);
    QProcessEnvironment env;
    if (viaFile)
        env.insert(variable + QStringLiteral("_FILE"), writeFile("\n"));
    else
        env.insert(variable, QString());
    auto config = load({QStringLiteral("migrate")}, env);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().message,
             variable +
                 QStringLiteral(
                     " is empty: set it (for the packaged service in /etc/nextup/nextup.env)."));
    // Unset (not empty) still means the documented default.
    QVERIFY(load({QStringLiteral("migrate")}, QProcessEnvironment()).ok());
}

void TestConfig::commands_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("serve is the default") << QStringList{QStringLiteral("--dev")} << true;
    QTest::newRow("migrate") << QStringList{QStringLiteral("migrate")} << true;
    QTest::newRow("seed alone") << QStringList{QStringLiteral("seed")} << false;
    QTest::newRow("seed --demo") << QStringList{QStringLiteral("seed"), QStringLiteral("--demo")}
                                 << true;
    QTest::newRow("create-admin without a name")
        << QStringList{QStringLiteral("create-admin")} << false;
    QTest::newRow("create-admin --username")
        << QStringList{QStringLiteral("create-admin"), QStringLiteral("--username"),
                       QStringLiteral("root")}
        << true;
    QTest::newRow("healthcheck") << QStringList{QStringLiteral("healthcheck")} << true;
    QTest::newRow("unknown") << QStringList{QStringLiteral("frobnicate")} << false;
}

void TestConfig::commands()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, accepted);
    QCOMPARE(load(arguments, QProcessEnvironment()).ok(), accepted);
}

void TestConfig::sqlDirOfABuildTreeBinaryIsTheSourceTree()
{
    auto config = load({QStringLiteral("migrate")}, QProcessEnvironment());
    QVERIFY(config.ok());
    QCOMPARE(config->sqlDir, QStringLiteral(NEXTUP_SOURCE_SQL_DIR));
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
