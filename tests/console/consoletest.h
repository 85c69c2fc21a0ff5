#pragma once

// Shared set-up of the console suites: a real nextup-server with Postgres and Redis, the
// console's real MainWindow with its settings in a temporary file, and helpers that drive the
// widgets the way a person would (typing, clicking, function keys).

#include <memory>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include "httpclient.h"
#include "serverprocess.h"
#include "testservices.h"

class QWidget;

namespace Nextup::Console {
class ConsoleSettings;
class CredentialStore;
class MainWindow;
class Translations;
} // namespace Nextup::Console

namespace ConsoleTest {

inline constexpr int kConverge = 10'000; // ms for the console to agree with the server

// The real server and its stores, started once per suite.
class Backend
{
public:
    bool start(const QString &database);
    ServerProcess &server() { return *m_server; }
    HttpClient &http() { return *m_http; }
    QString adminToken() const { return m_admin; }
    QUrl baseUrl() const { return m_server->baseUrl(); }
    QString postgresUrl() const { return m_services.postgresUrl(m_database); }
    QString redisUrl() const { return m_services.redisUrl(); }

    // POST /api/tokens as admin; the token's id (0 on failure, with a qWarning).
    qint64 issueToken(int serviceId, int priority = 0, const QJsonObject &customer = {});
    QJsonObject queues();
    // The waiting token ids the console should list for a counter: GET /api/queues, the
    // counter's services merged in call order, only tokens it may call.
    QList<qint64> callableAt(int counterId);
    // POST as admin, e.g. closing a counter between test functions; the HTTP status.
    int adminPost(const QString &path, const QJsonObject &body = {});

private:
    TestServices m_services;
    QString m_database;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
};

// One console as a user starts it: settings file, translations, keychain, window.
struct Console
{
    explicit Console(const QString &settingsFile);
    ~Console();

    std::unique_ptr<Nextup::Console::ConsoleSettings> settings;
    std::unique_ptr<Nextup::Console::Translations> translations;
    std::unique_ptr<Nextup::Console::CredentialStore> keychain;
    std::unique_ptr<Nextup::Console::MainWindow> window;
};

// Fills the sign-in form by typing and presses the button (or Return in the password field, when
// byKeyboard); true when the workspace shows.
bool signIn(Nextup::Console::MainWindow &window, const QUrl &server, const QString &username,
            const QString &password, bool remember = false, bool byKeyboard = false);
// The buttons, fields, boxes and lists under `root` that a screen reader could not name.
QStringList unnamedControls(QWidget *root);
// Chooses the counter in the chooser; true when the operator page follows it.
bool chooseCounter(Nextup::Console::MainWindow &window, int counterId);
// The token ids in the waiting list, top to bottom.
QList<qint64> listedTokens(Nextup::Console::MainWindow &window);
// Saves widget->grab() as <build>/screenshots/console/<name>.png; its path or empty.
QString saveScreenshot(QWidget *widget, const QString &name);

template <typename T> T *child(QWidget *parent, const char *objectName);

} // namespace ConsoleTest

#include <QWidget>

template <typename T> T *ConsoleTest::child(QWidget *parent, const char *objectName)
{
    T *found = parent ? parent->findChild<T *>(QLatin1String(objectName)) : nullptr;
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), objectName);
    return found;
}
