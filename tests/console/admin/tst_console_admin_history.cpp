// History: the search, its paging and the timeline against GET /api/tokens(/:id), and the CSV
// export parsed back and compared with every page of the API.

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include "admin/adminmodels.h"
#include "admin/csvexport.h"
#include "admin/historymodels.h"
#include "admin/historypage.h"
#include "consoleadmintest.h"

using namespace Nextup;
using namespace Nextup::Console;

namespace {
struct Filter
{
    QString from;
    QString to;
    int serviceId = 0;
    int counterId = 0;
    QString status;
    QString number;
};

Filter filterOf(const QString &from, const QString &to, int serviceId = 0, int counterId = 0,
                const QString &status = {}, const QString &number = {})
{
    return Filter{from, to, serviceId, counterId, status, number};
}

// Sets the page's widgets to `f` (through their items, as a user picking them would).
bool applyFilter(TokenHistoryPage *page, const Filter &f)
{
    page->fromEdit()->setDate(QDate::fromString(f.from, Qt::ISODate));
    page->toEdit()->setDate(QDate::fromString(f.to, Qt::ISODate));
    const int service = page->serviceBox()->findData(f.serviceId);
    const int counter = page->counterBox()->findData(f.counterId);
    const int status = page->statusBox()->findData(f.status);
    if (service < 0 || counter < 0 || status < 0)
        return false;
    page->serviceBox()->setCurrentIndex(service);
    page->counterBox()->setCurrentIndex(counter);
    page->statusBox()->setCurrentIndex(status);
    page->numberEdit()->setText(f.number);
    return true;
}

QString query(const Filter &f, int page, int pageSize)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), f.from);
    q.addQueryItem(QStringLiteral("to"), f.to);
    if (f.serviceId)
        q.addQueryItem(QStringLiteral("service_id"), QString::number(f.serviceId));
    if (f.counterId)
        q.addQueryItem(QStringLiteral("counter_id"), QString::number(f.counterId));
    if (!f.status.isEmpty())
        q.addQueryItem(QStringLiteral("status"), f.status);
    if (!f.number.isEmpty())
        q.addQueryItem(QStringLiteral("number"), f.number);
    q.addQueryItem(QStringLiteral("page"), QString::number(page));
    q.addQueryItem(QStringLiteral("page_size"), QString::number(pageSize));
    return QStringLiteral("/api/tokens?") + q.toString(QUrl::FullyEncoded);
}

QList<qint64> modelIds(const HistoryModel *model)
{
    QList<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row, 0).data(IdRole).toLongLong());
    return ids;
}

QList<qint64> itemIds(const QJsonArray &items)
{
    QList<qint64> ids;
    for (const QJsonValue &value : items)
        ids.append(value.toObject().value(u"id").toInteger());
    return ids;
}

// RFC 4180, strictly: quoted fields may hold commas, doubled quotes and line breaks; records
// end with CRLF. Returns no records at all when the text breaks the rules.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field.append(u'"');
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field.append(c);
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            ++i;
        } else if (c == u'"' || c == u'\n' || c == u'\r') {
            return {}; // a bare quote or line break outside quotes
        } else {
            field.append(c);
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        return {}; // the last record must end with CRLF
    return records;
}
} // namespace

Q_DECLARE_METATYPE(Filter)

void TestConsoleAdmin::historySearchMatchesApi_data()
{
    QTest::addColumn<Filter>("filter");
    const QString today = todayText(), yesterday = yesterdayText();
    QTest::newRow("today") << filterOf(today, today);
    QTest::newRow("two days, Deposit") << filterOf(yesterday, today, 1);
    QTest::newRow("yesterday, Counter B") << filterOf(yesterday, yesterday, 0, 2);
    QTest::newRow("completed at Counter C") << filterOf(yesterday, today, 0, 3, "completed");
    QTest::newRow("skipped") << filterOf(yesterday, today, 0, 0, "skipped");
    QTest::newRow("number 1") << filterOf(yesterday, today, 0, 0, QString(), "1");
    QTest::newRow("number D001, today") << filterOf(today, today, 0, 0, QString(), "D001");
}

void TestConsoleAdmin::historySearchMatchesApi()
{
    QFETCH(Filter, filter);
    auto *history = page<TokenHistoryPage>();
    m_tabs->setCurrentWidget(history);
    QTRY_VERIFY_WITH_TIMEOUT(history->counterBox()->count() >= 4, 10000);
    QVERIFY(applyFilter(history, filter));
    QSignalSpy finished(history, &TokenHistoryPage::searchFinished);
    QTest::mouseClick(history->searchButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));

    const QJsonObject api = getObject(query(filter, 1, 50));
    const QJsonArray items = api.value(u"items").toArray();
    QVERIFY2(!items.isEmpty(), "each filter must find something, or the comparison proves little");
    QCOMPARE(modelIds(history->model()), itemIds(items));
    QCOMPARE(history->model()->page().total, api.value(u"total").toInt());
    for (int row = 0; row < items.size(); ++row)
        QCOMPARE(history->model()->index(row, HistoryModel::NumberColumn).data().toString(),
                 items.at(row).toObject().value(u"token_number").toString());
}

void TestConsoleAdmin::historyPagingMatchesApi()
{
    auto *history = page<TokenHistoryPage>();
    m_tabs->setCurrentWidget(history);
    const Filter passbook = filterOf(todayText(), todayText(), 3);
    QVERIFY(applyFilter(history, passbook));
    QSignalSpy finished(history, &TokenHistoryPage::searchFinished);
    // Return in the number field searches, like the button.
    QTest::keyClick(history->numberEdit(), Qt::Key_Return);
    QVERIFY(finished.wait(10000));
    QCOMPARE(history->model()->rowCount(), 50);
    QVERIFY(history->model()->page().total > 50);

    auto *next = history->findChildren<QPushButton *>().at(0);
    for (QPushButton *button : history->findChildren<QPushButton *>())
        if (button->text().contains(QStringLiteral("ext page")))
            next = button;
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    const QJsonObject api = getObject(query(passbook, 2, 50));
    QCOMPARE(history->model()->page().page, 2);
    QCOMPARE(modelIds(history->model()), itemIds(api.value(u"items").toArray()));
    QVERIFY(!next->isEnabled());
}

void TestConsoleAdmin::historyBadNumberShowsNextToField()
{
    auto *history = page<TokenHistoryPage>();
    m_tabs->setCurrentWidget(history);
    QVERIFY(applyFilter(history, filterOf(todayText(), todayText())));
    QSignalSpy finished(history, &TokenHistoryPage::searchFinished);
    QTest::mouseClick(history->searchButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    const QList<qint64> shown = modelIds(history->model());
    QVERIFY(!shown.isEmpty());

    history->numberEdit()->setText(QStringLiteral("7D?"));
    QSignalSpy failed(history, &TokenHistoryPage::searchFailed);
    QTest::keyClick(history->numberEdit(), Qt::Key_Return);
    QVERIFY(failed.wait(10000));
    const auto status = failed.at(0).at(0).value<Status>();
    QCOMPARE(status.code, QStringLiteral("validation_failed"));
    QLabel *label = history->errors().label(QStringLiteral("number"));
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), status.fieldError(QStringLiteral("number")));
    QVERIFY(!label->text().isEmpty());
    // The rows of the last good search stay; the next good search clears the message.
    QCOMPARE(modelIds(history->model()), shown);
    history->numberEdit()->clear();
    QTest::keyClick(history->numberEdit(), Qt::Key_Return);
    QVERIFY(finished.wait(10000));
    QVERIFY(!label->isVisible());
}

void TestConsoleAdmin::historyTimelineMatchesApi()
{
    auto *history = page<TokenHistoryPage>();
    m_tabs->setCurrentWidget(history);
    const Filter completed = filterOf(todayText(), todayText(), 0, 3, "completed");
    QVERIFY(applyFilter(history, completed));
    QSignalSpy finished(history, &TokenHistoryPage::searchFinished);
    QTest::mouseClick(history->searchButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(history->model()->rowCount() > 0);

    // Keyboard: focus the table and move onto the first row.
    QSignalSpy shown(history, &TokenHistoryPage::timelineShown);
    history->table()->setFocus();
    history->table()->setCurrentIndex(history->model()->index(0, 0));
    QVERIFY(shown.wait(10000));
    const qint64 id = shown.at(0).at(0).toLongLong();
    QCOMPARE(id, history->model()->token(0).id);

    const QJsonArray events = getObject(QStringLiteral("/api/tokens/%1").arg(id))
                                  .value(u"token")
                                  .toObject()
                                  .value(u"events")
                                  .toArray();
    QVERIFY(events.size() >= 4); // generated, called, served, completed
    const TokenEventsModel *timeline = history->eventsModel();
    QCOMPARE(timeline->rowCount(), int(events.size()));
    for (int row = 0; row < events.size(); ++row) {
        const QJsonObject event = events.at(row).toObject();
        QCOMPARE(timeline->events().at(row).event, event.value(u"event").toString());
        QCOMPARE(timeline->events().at(row).at, parseTime(event.value(u"at")));
    }
    QCOMPARE(timeline->events().last().event, QStringLiteral("completed"));
}

void TestConsoleAdmin::csvQuoting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "D007"
                           << "D007";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "Doe, J"
                           << "\"Doe, J\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("line break") << "a\nb"
                                << "\"a\nb\"";
    QTest::newRow("carriage return") << "a\rb"
                                     << "\"a\rb\"";
    QTest::newRow("edge space") << " x"
                                << "\" x\"";
    QTest::newRow("arabic") << "إيداع"
                            << "إيداع";
}

void TestConsoleAdmin::csvQuoting()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(CsvExport::quoted(field), expected);
    const QList<QStringList> parsed = parseCsv(CsvExport::line({field, QStringLiteral("z")}));
    QCOMPARE(parsed, (QList<QStringList>{{field, QStringLiteral("z")}}));
}

void TestConsoleAdmin::csvExportMatchesApi()
{
    auto *history = page<TokenHistoryPage>();
    m_tabs->setCurrentWidget(history);
    const Filter twoDays = filterOf(yesterdayText(), todayText());
    QVERIFY(applyFilter(history, twoDays));
    QSignalSpy searched(history, &TokenHistoryPage::searchFinished);
    QTest::mouseClick(history->searchButton(), Qt::LeftButton);
    QVERIFY(searched.wait(10000));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tokens.csv"));
    history->setExportPageSize(7); // many pages out of a few dozen tokens
    QSignalSpy exported(history, &TokenHistoryPage::exportFinished);
    history->exportCsv(path);
    QVERIFY(exported.wait(20000));
    QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(1).toString()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> records = parseCsv(QString::fromUtf8(file.readAll()));
    QVERIFY(!records.isEmpty());
    const QStringList header = records.first();
    QCOMPARE(header, CsvExport::header());

    // Every page of the API, read independently.
    const QJsonArray expected =
        allTokens(QStringLiteral("from=%1&to=%2").arg(twoDays.from, twoDays.to));
    QVERIFY(expected.size() > 7 * 3);
    QCOMPARE(records.size() - 1, expected.size());
    QCOMPARE(exported.at(0).at(2).toInt(), int(expected.size()));

    bool sawTricky = false;
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject token = expected.at(i).toObject();
        const QStringList &row = records.at(i + 1);
        QCOMPARE(row.size(), header.size());
        auto cell = [&](const char *name) { return row.at(header.indexOf(QLatin1String(name))); };
        QCOMPARE(cell("id").toLongLong(), token.value(u"id").toInteger());
        for (const char *name : {"token_number", "service_code", "service_name", "status",
                                 "business_date", "counter_name"})
            QCOMPARE(cell(name), token.value(QLatin1String(name)).toString());
        QCOMPARE(cell("recall_count").toInt(), token.value(u"recall_count").toInt());
        QCOMPARE(cell("counter_id").toInt(), token.value(u"counter_id").toInt());
        for (const char *name :
             {"created_at", "arrival_at", "called_at", "serving_at", "finished_at"})
            QCOMPARE(parseTime(QJsonValue(cell(name))),
                     parseTime(token.value(QLatin1String(name))));
        // The server keeps a customer's text as {"name": text}; the file holds the JSON.
        const QJsonValue info = token.value(u"customer_info");
        QCOMPARE(
            cell("customer_info"),
            info.isObject()
                ? QString::fromUtf8(QJsonDocument(info.toObject()).toJson(QJsonDocument::Compact))
                : QString());
        sawTricky = sawTricky || info.toObject().value(u"name").toString() == m_trickyInfo;
    }
    QVERIFY2(sawTricky, "the customer text with a comma and quotes came back intact");
}
