// The admin pages' suite: set-up, shared helpers, and the Services / Counters / Users pages
// driven through their widgets, checked against the REST API.

#include <algorithm>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include "admin/adminmodels.h"
#include "admin/adminpages.h"
#include "admin/counterspage.h"
#include "admin/servicespage.h"
#include "admin/userspage.h"
#include "consoleadmintest.h"
#include "nextup/client/authjobs.h"
#include "seededserver.h"

using namespace Nextup;
using namespace Nextup::Console;

void TestConsoleAdmin::initTestCase()
{
    QVERIFY(m_services.start());
    m_server = startSeededServer(m_services, QStringLiteral("t_console_admin"));
    QVERIFY(m_server);
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin = m_http->login(QStringLiteral("admin"), QStringLiteral("admin123"));
    QVERIFY(!m_admin.isEmpty());
    issueAndServeTokens();

    m_api = std::make_unique<ApiClient>(m_server->baseUrl());
    auto *login = m_api->login(QStringLiteral("admin"), QStringLiteral("admin123"));
    QSignalSpy loggedIn(login, &ApiJob::succeeded);
    QVERIFY(loggedIn.wait(10000));
    m_queue = std::make_unique<QueueClient>(m_api.get());
    m_queue->setRooms({QStringLiteral("global"), QStringLiteral("staff")});
    m_queue->start();

    m_tabs = std::make_unique<QTabWidget>();
    addAdminPages(m_tabs.get(), m_api.get(), m_queue.get());
    m_tabs->resize(1280, 720);
    m_tabs->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tabs.get()));
    QCOMPARE(m_tabs->count(), 7);
}

// Today: tokens of every service (one with a customer text CSV must quote), some served, one
// skipped, at two counters; and enough Passbook tokens (55) that history needs a second page.
void TestConsoleAdmin::issueAndServeTokens()
{
    for (int i = 0; i < 6; ++i) {
        QJsonObject body{{QStringLiteral("service_id"), 1 + i % 2}};
        if (i == 0)
            body.insert(QStringLiteral("customer_info"), m_trickyInfo);
        QCOMPARE(m_http->post(QStringLiteral("/api/tokens"), body).status, 201);
    }
    for (int i = 0; i < 55; ++i)
        QCOMPARE(
            m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 3}}).status,
            201);
    auto act = [this](int counter, const char *action) {
        // Service takes a moment, so average service times are not rounded down to 0.
        if (qstrcmp(action, "complete") == 0)
            QTest::qWait(300);
        const HttpReply reply = m_http->post(
            QStringLiteral("/api/counters/%1/%2").arg(counter).arg(QLatin1String(action)), {},
            m_admin);
        if (reply.status != 200)
            qWarning() << action << reply.status << reply.body;
        return reply.status == 200;
    };
    QVERIFY(act(1, "open"));
    QVERIFY(act(3, "open"));
    // Counter A (D, W): serve two. Counter C: serve one, skip one, serve one, and keep one called.
    for (const char *step : {"call", "serve", "complete", "call", "serve", "complete"})
        QVERIFY(act(1, step));
    for (const char *step :
         {"call", "serve", "complete", "call", "skip", "call", "serve", "complete", "call"})
        QVERIFY(act(3, step));
}

void TestConsoleAdmin::cleanup()
{
    m_server->dumpIfFailed();
}

void TestConsoleAdmin::cleanupTestCase()
{
    m_tabs.reset();
    if (m_queue)
        m_queue->stop();
}

QString TestConsoleAdmin::todayText() const
{
    // The seed's branch keeps UTC business days.
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

QString TestConsoleAdmin::yesterdayText() const
{
    return QDateTime::currentDateTimeUtc().date().addDays(-1).toString(Qt::ISODate);
}

QJsonObject TestConsoleAdmin::getObject(const QString &path)
{
    const HttpReply reply = m_http->get(path, m_admin);
    if (reply.status != 200)
        qWarning() << path << reply.status << reply.body;
    return reply.status == 200 ? reply.object() : QJsonObject();
}

QJsonArray TestConsoleAdmin::getArray(const QString &path)
{
    const HttpReply reply = m_http->get(path, m_admin);
    if (reply.status != 200)
        qWarning() << path << reply.status << reply.body;
    return reply.status == 200 ? reply.array() : QJsonArray();
}

QJsonArray TestConsoleAdmin::allTokens(const QString &query)
{
    QJsonArray all;
    for (int page = 1;; ++page) {
        const QJsonObject answer =
            getObject(QStringLiteral("/api/tokens?%1&page=%2&page_size=200").arg(query).arg(page));
        const QJsonArray items = answer.value(u"items").toArray();
        for (const QJsonValue &item : items)
            all.append(item);
        if (items.isEmpty() || page * 200 >= answer.value(u"total").toInt())
            return all;
    }
}

namespace {
QList<int> idsOf(const QJsonArray &array)
{
    QList<int> ids;
    for (const QJsonValue &value : array)
        ids.append(value.toInt());
    return ids;
}
} // namespace

void TestConsoleAdmin::createService()
{
    auto *services = page<ServicesPage>();
    QVERIFY(services);
    m_tabs->setCurrentWidget(services);
    QTRY_VERIFY_WITH_TIMEOUT(services->model()->rowCount() >= 3, 10000);

    // Ctrl+N starts a new service, then the form is filled with the keyboard.
    services->codeEdit()->setFocus();
    QTest::keySequence(services, QKeySequence::New);
    QCOMPARE(services->currentId(), 0);
    QVERIFY(services->codeEdit()->text().isEmpty());
    QTest::keyClicks(services->codeEdit(), QStringLiteral("X"));
    QTest::keyClicks(services->nameEdit(), QStringLiteral("Foreign exchange"));
    // Durations are typed as m:ss, like the table shows them.
    services->avgServiceEdit()->selectAll();
    QTest::keyClicks(services->avgServiceEdit(), QStringLiteral("4:00"));
    QCOMPARE(services->avgServiceEdit()->value(), 240);
    QSignalSpy saved(services, &CrudPage::saved);
    QTest::mouseClick(services->saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    const int serviceId = saved.at(0).at(0).toInt();
    QVERIFY(serviceId > 3);

    const QJsonObject created =
        getObject(QStringLiteral("/api/services/%1").arg(serviceId)).value(u"service").toObject();
    QCOMPARE(created.value(u"code").toString(), QStringLiteral("X"));
    QCOMPARE(created.value(u"name").toString(), QStringLiteral("Foreign exchange"));
    QCOMPARE(created.value(u"avg_service_seconds").toInt(), 240);
    QCOMPARE(created.value(u"active").toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(services->model()->rowOf(serviceId) >= 0, 10000);
    m_newServiceId = serviceId;
}

// The Counters page knows the new service without a restart: tick it for Counter A.
void TestConsoleAdmin::attachServiceToCounter()
{
    const int serviceId = m_newServiceId;
    QVERIFY2(serviceId > 0, "createService() made the service");
    auto *counters = page<CountersPage>();
    m_tabs->setCurrentWidget(counters);
    QListWidget *list = counters->servicesList();
    QTRY_VERIFY_WITH_TIMEOUT(counters->model()->rowOf(1) >= 0 && list->count() >= 4, 10000);
    counters->selectId(1);
    QCOMPARE(counters->currentId(), 1);
    QCOMPARE(counters->nameEdit()->text(), QStringLiteral("Counter A"));
    QCOMPARE(counters->checkedServices(), (QList<int>{1, 2}));
    QListWidgetItem *item = nullptr;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(IdRole).toInt() == serviceId)
            item = list->item(i);
    QVERIFY(item);
    QVERIFY(item->text().contains(QStringLiteral("Foreign exchange")));
    list->setFocus();
    list->setCurrentItem(item);
    QTest::keyClick(list, Qt::Key_Space);
    QCOMPARE(item->checkState(), Qt::Checked);
    QSignalSpy counterSaved(counters, &CrudPage::saved);
    QTest::keySequence(counters, QKeySequence::Save);
    QVERIFY(counterSaved.wait(10000));
    QCOMPARE(counterSaved.at(0).at(0).toInt(), 1);

    const QJsonObject counter =
        getObject(QStringLiteral("/api/counters/1")).value(u"counter").toObject();
    QList<int> served = idsOf(counter.value(u"service_ids").toArray());
    std::sort(served.begin(), served.end());
    QCOMPARE(served, (QList<int>{1, 2, serviceId}));
    // The table shows it too once the catalog is read again.
    QTRY_VERIFY_WITH_TIMEOUT(counters->model()
                                 ->index(counters->model()->rowOf(1), CountersModel::ServicesColumn)
                                 .data()
                                 .toString()
                                 .contains(u'X'),
                             10000);
}

void TestConsoleAdmin::renameAndDeactivateService()
{
    const int serviceId = m_newServiceId;
    QVERIFY2(serviceId > 0, "createService() made the service");
    auto *services = page<ServicesPage>();
    m_tabs->setCurrentWidget(services);
    services->selectId(serviceId);
    QCOMPARE(services->currentId(), serviceId);
    QCOMPARE(services->codeEdit()->text(), QStringLiteral("X"));
    services->nameEdit()->selectAll();
    QTest::keyClicks(services->nameEdit(), QStringLiteral("Currency exchange"));
    QSignalSpy saved(services, &CrudPage::saved);
    QTest::keySequence(services, QKeySequence::Save);
    QVERIFY(saved.wait(10000));
    const QString path = QStringLiteral("/api/services/%1").arg(serviceId);
    QCOMPARE(getObject(path).value(u"service").toObject().value(u"name").toString(),
             QStringLiteral("Currency exchange"));

    saved.clear();
    QTest::mouseClick(services->deactivateButton(), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    QCOMPARE(getObject(path).value(u"service").toObject().value(u"active").toBool(true), false);
    // Inactive services stay listed (and can be switched on again).
    QTRY_COMPARE_WITH_TIMEOUT(
        services->model()
            ->index(services->model()->rowOf(serviceId), ServicesModel::ActiveColumn)
            .data()
            .toString(),
        QStringLiteral("No"), 10000);
    QCOMPARE(services->currentId(), serviceId);
    QVERIFY(!services->activeBox()->isChecked());
}

void TestConsoleAdmin::validationErrorShowsNextToField_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("duplicate code") << "D"
                                    << "Second deposit"
                                    << "code"
                                    << "already_exists";
    QTest::newRow("bad code") << "d1"
                              << "Lowercase"
                              << "code"
                              << "validation_failed";
    QTest::newRow("blank name") << "Q"
                                << "   "
                                << "name"
                                << "validation_failed";
}

void TestConsoleAdmin::validationErrorShowsNextToField()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, field);
    QFETCH(QString, errorCode);
    auto *services = page<ServicesPage>();
    m_tabs->setCurrentWidget(services);
    const QJsonArray before = getArray(QStringLiteral("/api/services?all=true"));
    QVERIFY(!before.isEmpty());

    QTest::mouseClick(services->newButton(), Qt::LeftButton);
    QTest::keyClicks(services->codeEdit(), code);
    QTest::keyClicks(services->nameEdit(), name);
    QSignalSpy failed(services, &CrudPage::saveFailed);
    QSignalSpy saved(services, &CrudPage::saved);
    QTest::mouseClick(services->saveButton(), Qt::LeftButton);
    QVERIFY(failed.wait(10000));
    const auto status = failed.at(0).at(0).value<Status>();
    QCOMPARE(status.code, errorCode);
    QCOMPARE(saved.count(), 0);

    // The server's own words, under the field they are about, and nowhere else.
    QLabel *label = services->errors().label(field);
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), status.fieldError(field));
    QVERIFY(!label->text().isEmpty());
    for (const QString &other : {QStringLiteral("code"), QStringLiteral("name")})
        if (other != field)
            QVERIFY(!services->errors().label(other)->isVisible());
    // What was typed stays, so it can be corrected; the server has changed nothing.
    QCOMPARE(services->codeEdit()->text(), code);
    QCOMPARE(services->currentId(), 0);
    QCOMPARE(getArray(QStringLiteral("/api/services?all=true")), before);

    // Correcting the field clears the message on the next save.
    services->codeEdit()->clear();
}

void TestConsoleAdmin::createUserAndResetPassword()
{
    auto *users = page<UsersPage>();
    m_tabs->setCurrentWidget(users);
    QTRY_VERIFY_WITH_TIMEOUT(users->model()->rowCount() >= 4, 10000);
    QTest::mouseClick(users->newButton(), Qt::LeftButton);
    QTest::keyClicks(users->usernameEdit(), QStringLiteral("operator9"));
    QTest::keyClicks(users->passwordEdit(), QStringLiteral("first-pass-123"));
    users->roleBox()->setCurrentIndex(users->roleBox()->findData(QStringLiteral("operator")));
    QSignalSpy saved(users, &CrudPage::saved);
    QTest::mouseClick(users->saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    const int userId = saved.at(0).at(0).toInt();
    QVERIFY(
        !m_http->login(QStringLiteral("operator9"), QStringLiteral("first-pass-123")).isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(users->currentId(), userId, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(users->model()->rowOf(userId) >= 0, 10000);

    // Save on an existing user changes its fields, never its password.
    users->findChild<QLineEdit *>(QStringLiteral("full_name"))->setText(QStringLiteral("Nine"));
    saved.clear();
    QTest::mouseClick(users->saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    const QJsonObject edited =
        getObject(QStringLiteral("/api/users/%1").arg(userId)).value(u"user").toObject();
    QCOMPARE(edited.value(u"full_name").toString(), QStringLiteral("Nine"));
    QCOMPARE(edited.value(u"role").toString(), QStringLiteral("operator"));
    QTRY_COMPARE_WITH_TIMEOUT(users->currentId(), userId, 10000);
    users->passwordEdit()->clear();
    QTest::keyClicks(users->passwordEdit(), QStringLiteral("second-pass-456"));
    auto *reset = users->findChild<QPushButton *>(QStringLiteral("resetPasswordButton"));
    QVERIFY(reset && reset->isEnabled());
    saved.clear();
    QTest::mouseClick(reset, Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    QVERIFY(
        !m_http->login(QStringLiteral("operator9"), QStringLiteral("second-pass-456")).isEmpty());
    QCOMPARE(m_http
                 ->post(QStringLiteral("/api/auth/login"),
                        {{QStringLiteral("username"), QStringLiteral("operator9")},
                         {QStringLiteral("password"), QStringLiteral("first-pass-123")}})
                 .status,
             401);

    // Deactivate: the account can no longer sign in.
    saved.clear();
    QTest::mouseClick(users->deactivateButton(), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    QCOMPARE(getObject(QStringLiteral("/api/users/%1").arg(userId))
                 .value(u"user")
                 .toObject()
                 .value(u"active")
                 .toBool(true),
             false);
}

QTEST_MAIN(TestConsoleAdmin)
