#include "app/mainwindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

#include "admin/adminpages.h"
#include "app/consolesettings.h"
#include "app/translations.h"
#include "appointments/appointmentspage.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "operator/operatorpage.h"
#include "session/credentialstore.h"
#include "session/serverprobe.h"
#include "session/sessioncontroller.h"
#include "signin/signinpage.h"

namespace Nextup::Console {

MainWindow::MainWindow(ConsoleSettings *settings, Translations *translations,
                       CredentialStore *keychain, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_translations(translations), m_keychain(keychain)
{
    setObjectName(QStringLiteral("consoleWindow"));
    m_api = new ApiClient(settings->serverUrl(), this);
    m_session = new SessionController(m_api, keychain, settings, this);
    m_probe = new ServerProbe(m_api, this);
    m_stack = new QStackedWidget(this);
    setCentralWidget(m_stack);
    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addPermanentWidget(m_connection);
    setMinimumSize(1024, 640);
    resize(1280, 720);

    connect(m_session, &SessionController::signedIn, this, &MainWindow::onSignedIn);
    connect(m_session, &SessionController::signedOut, this, &MainWindow::onSignedOut);
    // The server did not answer: the probe waits and asks again, and its panel on the sign-in page
    // says so (with the reason), in place of the plain error.
    connect(m_session, &SessionController::serverUnreachable, m_probe, &ServerProbe::retryAfter);
    connect(m_session, &SessionController::signInFailed, this, [this](const QString &message) {
        if (!m_probe->isRetrying())
            m_restorePending = false; // refused, not unanswered: nothing to try again by itself
        showSignIn(m_probe->isRetrying() ? QString() : message, true);
    });
    connect(m_probe, &ServerProbe::stateChanged, this, &MainWindow::updateServerRetry);
    connect(m_probe, &ServerProbe::countdownChanged, this, &MainWindow::updateServerRetry);
    connect(m_probe, &ServerProbe::reachable, this, &MainWindow::onServerReachable);
    connect(m_session, &SessionController::busyChanged, this, [this](bool busy) {
        if (busy)
            m_probe->stop(); // the sign-in under way is the attempt now
        if (m_signIn)
            m_signIn->setBusy(busy, busy ? tr("Signing in to %1…").arg(m_api->baseUrl().toString())
                                         : QString());
    });
    connect(m_session, &SessionController::rememberFailed, this, [this](const QString &message) {
        m_keychainChecked = true;
        m_keychainAvailable = false;
        statusBar()->showMessage(message);
        if (m_signIn)
            m_signIn->setKeychainAvailable(false, message);
    });
    connect(m_session, &SessionController::keychainChecked, this,
            [this](bool available, const QString &reason) {
                m_keychainChecked = true;
                m_keychainAvailable = available;
                m_keychainReason = reason;
                if (m_signIn)
                    m_signIn->setKeychainAvailable(available, reason);
            });
    buildMenus();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The pages use the queue client: they go first.
    delete m_workspace;
    m_queue.reset();
}

SignInPage *MainWindow::signInPage() const
{
    return m_signIn;
}

QTabWidget *MainWindow::workspace() const
{
    return m_workspace;
}

OperatorPage *MainWindow::operatorPage() const
{
    return m_operator;
}

AppointmentsPage *MainWindow::appointmentsPage() const
{
    return m_appointments;
}

void MainWindow::start()
{
    if (beginRestore())
        return;
    showSignIn({}, false);
    // Before anyone types a password: is the server there at all?
    m_probe->start();
}

bool MainWindow::beginRestore()
{
    if (!m_session->restoreRemembered())
        return false;
    m_restorePending = true;
    showSignIn({}, false);
    m_signIn->setUsername(m_settings->rememberedUsername());
    m_signIn->setBusy(
        true,
        tr("Signing in as %1 with the remembered session…").arg(m_settings->rememberedUsername()));
    return true;
}

void MainWindow::updateServerRetry()
{
    if (!m_signIn)
        return;
    // The first check at start says nothing until it fails: no flicker when all is well.
    if (!m_probe->isRetrying() || m_probe->failures() == 0) {
        m_signIn->showServerRetry({});
        return;
    }
    const QString server = m_probe->server().toString();
    const int seconds = m_probe->secondsUntilRetry();
    QString message;
    if (m_probe->state() == ServerProbe::State::Checking)
        message = tr("Cannot reach the server at %1 — trying again now…").arg(server);
    else if (m_probe->lastFailureAnswered())
        message =
            tr("The server at %1 is not ready — retrying in %n s.", nullptr, seconds).arg(server);
    else
        message =
            tr("Cannot reach the server at %1 — retrying in %n s.", nullptr, seconds).arg(server);
    m_signIn->showServerRetry(message, tr("Last attempt: %1").arg(m_probe->lastError()));
}

void MainWindow::onServerReachable(int failedAttempts)
{
    updateServerRetry();
    if (!m_signIn || m_workspace || m_session->isBusy() || m_api->isLoggedIn())
        return;
    // The remembered session could not be restored only because the server was away.
    if (m_restorePending && beginRestore())
        return;
    if (failedAttempts > 0)
        m_signIn->showNotice(tr("The server at %1 answers again. You can sign in.")
                                 .arg(m_probe->server().toString()));
}

void MainWindow::buildMenus()
{
    menuBar()->clear();
    QMenu *console = menuBar()->addMenu(tr("&Console"));
    QMenu *language = console->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    const QString current = m_settings->language();
    const auto addLanguage = [&](const QString &code, const QString &name) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { setLanguage(code); });
    };
    addLanguage(QString(), tr("Follow the system"));
    for (const QString &code : Translations::languages())
        addLanguage(code, Translations::nativeName(code));
    console->addSeparator();
    QAction *signOut = console->addAction(tr("Sign &out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    signOut->setEnabled(m_api->isLoggedIn());
    connect(signOut, &QAction::triggered, m_session, &SessionController::signOut);
    connect(m_api, &ApiClient::sessionChanged, signOut,
            [this, signOut] { signOut->setEnabled(m_api->isLoggedIn()); });
    QAction *quit = console->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::setLanguage(const QString &override)
{
    m_settings->setLanguage(override);
    m_translations->apply(override);
    buildMenus();
    rebuildPages();
    updateTitle();
    updateConnection();
}

void MainWindow::rebuildPages()
{
    if (m_workspace) {
        const int tab = m_workspace->currentIndex();
        delete m_workspace;
        showWorkspace();
        m_workspace->setCurrentIndex(tab);
    } else {
        delete m_signIn; // built again in the new language (a QPointer: null once gone)
        showSignIn({}, false);
    }
}

void MainWindow::showSignIn(const QString &message, bool error)
{
    if (m_workspace) {
        // We may be inside one of its calls' signals: it goes once they return.
        m_workspace->hide();
        m_workspace->deleteLater();
        m_workspace = nullptr;
        m_operator = nullptr;
        m_appointments = nullptr;
    }
    if (!m_signIn) {
        m_signIn = new SignInPage(m_stack);
        m_stack->addWidget(m_signIn);
        connect(m_signIn, &SignInPage::signInRequested, this, [this] { m_restorePending = false; });
        connect(m_signIn, &SignInPage::signInRequested, m_session, &SessionController::signIn);
        connect(m_signIn, &SignInPage::retryRequested, m_probe, &ServerProbe::retryNow);
        connect(m_signIn, &SignInPage::rememberChecked, m_session,
                &SessionController::checkKeychain);
        if (m_keychainChecked)
            m_signIn->setKeychainAvailable(m_keychainAvailable, m_keychainReason);
    }
    m_signIn->setServer(m_settings->serverUrl());
    m_signIn->setUsername(m_settings->lastUsername());
    m_signIn->clearPassword();
    m_signIn->setBusy(m_session->isBusy());
    if (error)
        m_signIn->showError(message);
    else
        m_signIn->showNotice(message);
    m_stack->setCurrentWidget(m_signIn);
    m_signIn->focusFirstEmptyField();
    updateServerRetry();
    updateTitle();
    emit signInShown();
}

void MainWindow::showWorkspace()
{
    if (m_signIn) {
        m_signIn->deleteLater(); // we may be inside its signal
        m_signIn = nullptr;
    }
    m_workspace = new QTabWidget(m_stack);
    m_workspace->setObjectName(QStringLiteral("workspace"));
    m_workspace->setDocumentMode(true);
    m_operator = new OperatorPage(m_api, m_queue.get(), m_settings, m_workspace);
    m_workspace->addTab(m_operator, tr("Counter"));
    m_appointments = new AppointmentsPage(m_api, m_queue.get(), m_workspace);
    m_workspace->addTab(m_appointments, tr("Appointments"));
    if (m_api->user().isManager())
        addAdminPages(m_workspace, m_api, m_queue.get());
    m_stack->addWidget(m_workspace);
    m_stack->setCurrentWidget(m_workspace);
    m_operator->focusStart();
    updateTitle();
    emit workspaceShown();
}

void MainWindow::onSignedIn()
{
    m_probe->stop();
    m_restorePending = false;
    m_queue = std::make_unique<QueueClient>(m_api);
    // Every event, in order (gaps are noticed); admins also hear of the lobby devices.
    QStringList rooms{Wire::roomName(Wire::RoomKind::Global)};
    if (m_api->user().isManager())
        rooms.append(Wire::roomName(Wire::RoomKind::Staff));
    m_queue->setRooms(rooms);
    connect(m_queue.get(), &QueueClient::staleChanged, this, &MainWindow::updateConnection);
    connect(m_queue.get(), &QueueClient::connectedChanged, this, &MainWindow::updateConnection);
    updateConnection();
    m_queue->start();
    showWorkspace();
}

void MainWindow::onSignedOut(const QString &reason)
{
    showSignIn(reason, !reason.isEmpty());
    if (m_queue) {
        m_queue->stop();
        m_queue.release()->deleteLater(); // after the pages that use it
    }
    m_connection->clear();
}

void MainWindow::updateConnection()
{
    if (!m_queue) {
        m_connection->clear();
        return;
    }
    m_connection->setText(!m_queue->isConnected() ? tr("● Offline — reconnecting")
                          : m_queue->isStale()    ? tr("● Updating")
                                                  : tr("● Live"));
    m_connection->setStyleSheet(m_queue->isStale() ? QStringLiteral("color: #a05a00;")
                                                   : QStringLiteral("color: #1e7d32;"));
}

void MainWindow::updateTitle()
{
    if (m_api->isLoggedIn() && m_workspace)
        setWindowTitle(tr("Nextup console — %1 (%2) at %3")
                           .arg(m_api->username(), m_api->role(), m_api->baseUrl().host()));
    else
        setWindowTitle(tr("Nextup console"));
}

} // namespace Nextup::Console
