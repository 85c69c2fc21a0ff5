#include "consoletest.h"

#include <algorithm>

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "app/consolesettings.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "nextup/client/types.h"
#include "operator/operatorpage.h"
#include "operator/queuepanel.h"
#include "operator/waitingtablemodel.h"
#include "seededserver.h"
#include "session/credentialstore.h"
#include "signin/signinpage.h"

using namespace Nextup;
using namespace Nextup::Console;

namespace ConsoleTest {

bool Backend::start(const QString &database)
{
    m_database = database;
    if (!m_services.start())
        return false;
    // Restarted in place: the console reconnects to one address.
    m_server = startSeededServer(m_services, database, {}, true);
    if (!m_server)
        return false;
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin = m_http->login(QStringLiteral("admin"), QStringLiteral("admin123"));
    return !m_admin.isEmpty();
}

qint64 Backend::issueToken(int serviceId, int priority, const QJsonObject &customer)
{
    QJsonObject body{{QStringLiteral("service_id"), serviceId},
                     {QStringLiteral("priority"), priority}};
    if (!customer.isEmpty())
        body.insert(QStringLiteral("customer_info"), customer);
    const HttpReply reply = m_http->post(QStringLiteral("/api/tokens"), body, m_admin);
    if (reply.status != 201)
        qWarning("POST /api/tokens: %d %s", reply.status, reply.body.left(300).constData());
    return reply.object().value(u"token_id").toInteger();
}

QJsonObject Backend::queues()
{
    return m_http->get(QStringLiteral("/api/queues")).object();
}

QList<qint64> Backend::callableAt(int counterId)
{
    const QueueSnapshot snapshot = QueueSnapshot::fromJson(queues());
    QList<int> services;
    for (const CounterInfo &counter : snapshot.counters) {
        if (counter.id == counterId)
            services = counter.serviceIds;
    }
    QList<QueueToken> tokens;
    for (const ServiceQueue &service : snapshot.services) {
        if (!services.contains(service.id))
            continue;
        for (const QueueToken &token : service.tokens) {
            if (token.targetCounterId == 0 || token.targetCounterId == counterId)
                tokens.append(token);
        }
    }
    std::sort(tokens.begin(), tokens.end(),
              [](const QueueToken &a, const QueueToken &b) { return a.goesBefore(b); });
    QList<qint64> ids;
    for (const QueueToken &token : tokens)
        ids.append(token.id);
    return ids;
}

int Backend::adminPost(const QString &path, const QJsonObject &body)
{
    return m_http->post(path, body, m_admin).status;
}

Console::Console(const QString &settingsFile)
    : settings(std::make_unique<ConsoleSettings>(settingsFile)),
      translations(std::make_unique<Translations>()),
      keychain(std::make_unique<CredentialStore>(QStringLiteral("nextup-console-test")))
{
    translations->apply(settings->language());
    window = std::make_unique<MainWindow>(settings.get(), translations.get(), keychain.get());
    window->resize(1280, 720);
    window->show();
}

Console::~Console()
{
    window.reset(); // before the objects it uses
}

bool signIn(MainWindow &window, const QUrl &server, const QString &username,
            const QString &password, bool remember, bool byKeyboard)
{
    SignInPage *page = window.signInPage();
    if (!page)
        return false;
    auto *serverField = child<QLineEdit>(page, "serverField");
    auto *userField = child<QLineEdit>(page, "usernameField");
    auto *passwordField = child<QLineEdit>(page, "passwordField");
    auto *rememberBox = child<QCheckBox>(page, "rememberBox");
    auto *button = child<QPushButton>(page, "signInButton");
    if (!serverField || !userField || !passwordField || !rememberBox || !button)
        return false;
    serverField->clear();
    QTest::keyClicks(serverField, server.toString());
    userField->clear();
    QTest::keyClicks(userField, username);
    passwordField->clear();
    QTest::keyClicks(passwordField, password);
    if (rememberBox->isChecked() != remember)
        QTest::mouseClick(rememberBox, Qt::LeftButton, {}, QPoint(8, rememberBox->height() / 2));
    QSignalSpy shown(&window, &MainWindow::workspaceShown);
    if (byKeyboard)
        QTest::keyClick(passwordField, Qt::Key_Return);
    else
        QTest::mouseClick(button, Qt::LeftButton);
    if (!shown.wait(kConverge)) {
        qWarning("sign-in did not reach the workspace: %s",
                 qPrintable(child<QLabel>(page, "signInMessage")
                                ? child<QLabel>(page, "signInMessage")->text()
                                : QString()));
        return false;
    }
    return true;
}

bool chooseCounter(MainWindow &window, int counterId)
{
    OperatorPage *page = window.operatorPage();
    if (!page)
        return false;
    auto *chooser = child<QComboBox>(page, "counterChooser");
    if (!chooser)
        return false;
    // The counters arrive with the first snapshot.
    if (!QTest::qWaitFor([&] { return chooser->findData(counterId) >= 0; }, kConverge))
        return false;
    chooser->setFocus();
    chooser->setCurrentIndex(chooser->findData(counterId));
    return page->counterId() == counterId;
}

QList<qint64> listedTokens(MainWindow &window)
{
    QList<qint64> ids;
    if (!window.operatorPage())
        return ids;
    const WaitingTableModel *model = window.operatorPage()->queuePanel()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->data(model->index(row, 0), WaitingTableModel::TokenIdRole).toLongLong());
    return ids;
}

QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        const bool control =
            qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
            qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget);
        if (!control || widget->isHidden() || widget->parent() == nullptr)
            continue;
        if ((qobject_cast<QLineEdit *>(widget) &&
             (qobject_cast<QComboBox *>(widget->parent()) ||
              qobject_cast<QAbstractSpinBox *>(widget->parent()))) ||
            qobject_cast<QHeaderView *>(widget))
            continue; // parts of a combo box, a spin or date box, or a table, named through it
        const auto *button = qobject_cast<QAbstractButton *>(widget);
        const bool named =
            !widget->accessibleName().isEmpty() || (button && !button->text().isEmpty());
        if (!named)
            unnamed << (widget->objectName().isEmpty()
                            ? QString::fromLatin1(widget->metaObject()->className())
                            : widget->objectName());
    }
    return unnamed;
}

QString saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(NEXTUP_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    const QString path = dir + u'/' + name + QStringLiteral(".png");
    QCoreApplication::processEvents();
    return widget->grab().save(path) ? path : QString();
}

} // namespace ConsoleTest
