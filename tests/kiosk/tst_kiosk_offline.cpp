// The saved state (an offline start shows the last live state, marked stale, and a bad file is
// ignored), accessibility (every control of the board and the settings panel is named) and the
// voice of each language. (Declarations and the suite's summary: tst_kiosk.h.)

#include <QAccessible>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTextToSpeech>

#include "announcementtext.h"
#include "announcer.h"
#include "boardstate.h"
#include "nextup/wire/isotime.h"
#include "tst_kiosk.h"

using namespace Nextup::Kiosk;
using KioskTest::Board;

namespace {

// Where people look at the board's pictures: the build's screenshot folder.
QString saveShot(Board &board, const QString &name)
{
    QDir().mkpath(QStringLiteral(NEXTUP_SCREENSHOT_DIR));
    const QString path = QStringLiteral(NEXTUP_SCREENSHOT_DIR "/%1.png").arg(name);
    return board.view().grabWindow().save(path) ? path : QString();
}

// Each service row's waiting count as the board shows it: "D=3 P=1 W=0".
QString waitingShown(Board &board)
{
    QStringList out;
    for (const QVariant &service : board.controller().services()) {
        const QString code = service.toMap().value(QStringLiteral("code")).toString();
        out << code + u'=' + board.text(QStringLiteral("waiting_") + code);
    }
    return out.join(u' ');
}

QString accessibleName(QQuickItem *item)
{
    QAccessibleInterface *iface = item ? QAccessible::queryAccessibleInterface(item) : nullptr;
    return iface ? iface->text(QAccessible::Name) : QStringLiteral("<no interface>");
}

} // namespace

void TestKiosk::offlineStartShowsSavedState_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("ar") << "ar";
}

void TestKiosk::offlineStartShowsSavedState()
{
    QFETCH(QString, language);
    const KioskConfig c = config(language);
    QString current, waiting, history, scope;
    {
        Board online(c, QSize(1920, 1080));
        QVERIFY2(online.isLoaded(), qPrintable(online.errors()));
        QVERIFY(waitForData(online));
        scope = online.controller().stateScope();
        takeToken(1);
        takeToken(1);
        takeToken(3);
        QVERIFY(!callNext(1).isEmpty());
        current = callNext(2);
        QTRY_COMPARE(online.text(QStringLiteral("currentToken")), current);
        QTRY_COMPARE(mismatchWithServer(online), QString());
        // Saved by itself, within the throttle's second.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QString error;
                const auto saved = BoardState::load(c.statePath, scope, &error);
                return saved && saved->current.tokenNumber == current &&
                       saved->history.size() == online.controller().history()->rowCount();
            }(),
            2500);
        waiting = waitingShown(online);
        history = online.controller().history()->summary().join(u", ");
        QVERIFY(!history.isEmpty());
        m_server->stop();
        QTRY_VERIFY(online.controller().isStale());
    }
    QString error;
    const auto saved = BoardState::load(c.statePath, scope, &error);
    QVERIFY2(saved, qPrintable(error));

    // A new board with the server down: the saved state at once, marked with its time.
    Board offline(c, QSize(1920, 1080));
    QVERIFY2(offline.isLoaded(), qPrintable(offline.errors()));
    QVERIFY(offline.controller().isShowingSaved());
    QVERIFY(!offline.controller().hasData());
    QCOMPARE(offline.text(QStringLiteral("currentToken")), current);
    QVERIFY(offline.isShown(QStringLiteral("currentToken")));
    QCOMPARE(waitingShown(offline), waiting);
    QCOMPARE(offline.controller().history()->summary().join(u", "), history);
    QVERIFY(offline.isShown(QStringLiteral("lastUpdatedMark")));
    QVERIFY(!offline.isShown(QStringLiteral("reconnectingMark")));
    const QString time = saved->savedAt.toLocalTime().toString(QStringLiteral("HH:mm"));
    const QString mark = offline.text(QStringLiteral("lastUpdatedMark"));
    if (language == u"en")
        QCOMPARE(mark, QStringLiteral("Last updated ") + time);
    else
        QVERIFY2(mark.contains(time) && !mark.contains(u"Last updated"), qPrintable(mark));
    QTest::qWait(800); // reconnect attempts fail; the saved state stays, and so does its file
    QVERIFY(offline.controller().isShowingSaved());
    QCOMPARE(offline.text(QStringLiteral("currentToken")), current);
    QCOMPARE(BoardState::load(c.statePath, scope, &error)->savedAt, saved->savedAt);
    QCOMPARE(offline.clippedTexts(), QStringList());
    QVERIFY(!saveShot(offline, QStringLiteral("board-offline-stale-") + language).isEmpty());

    // The server is back: live data replaces the saved state and the mark goes.
    QVERIFY(m_server->start());
    QTRY_VERIFY_WITH_TIMEOUT(offline.controller().hasData(), 5000);
    QVERIFY(!offline.controller().isShowingSaved());
    QTRY_VERIFY(!offline.isShown(QStringLiteral("lastUpdatedMark")));
    QTRY_VERIFY(!offline.isShown(QStringLiteral("reconnectingMark")));
    QTRY_COMPARE(mismatchWithServer(offline), QString());
    QVERIFY(!saveShot(offline, QStringLiteral("board-online-") + language).isEmpty());
}

void TestKiosk::badStateFileIgnored_data()
{
    QTest::addColumn<QByteArray>("content"); // {SCOPE} is replaced by the board's scope
    QTest::addColumn<bool>("write");
    const QByteArray valid = R"({"version":1,"saved_at":"2026-01-02T10:42:00.000Z",)"
                             R"("scope":"{SCOPE}","history":[],"services":[])";
    QTest::newRow("missing") << QByteArray() << false;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("binary junk") << QByteArray("\x00\xff\xfe junk", 9) << true;
    QTest::newRow("truncated") << valid.left(valid.size() / 2) << true;
    QTest::newRow("an array") << QByteArray("[1, 2, 3]") << true;
    QTest::newRow("other version")
        << QByteArray(valid).replace("\"version\":1", "\"version\":7") + "}" << true;
    QTest::newRow("no time") << QByteArray(valid).replace("2026-01-02T10:42:00.000Z", "yesterday") +
                                    "}"
                             << true;
    QTest::newRow("another board")
        << QByteArray(valid).replace("{SCOPE}", "http://elsewhere:1 branch=0") + "}" << true;
}

void TestKiosk::badStateFileIgnored()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, write);
    KioskConfig c = config();
    {
        BoardController probe(c);
        content.replace("{SCOPE}", probe.stateScope().toUtf8());
    }
    if (write) {
        QFile file(c.statePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    Board board(c, QSize(1280, 720));
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    // Nothing restored: the board says it is connecting, as a board with no file does.
    QVERIFY(!board.controller().isShowingSaved());
    QVERIFY(!board.isShown(QStringLiteral("lastUpdatedMark")));
    QVERIFY(!board.isShown(QStringLiteral("currentToken")));
    QCOMPARE(board.text(QStringLiteral("waitingForCall")),
             QStringLiteral("Connecting to the queue…"));
    QCOMPARE(board.controller().services(), QVariantList());
    QVERIFY(waitForData(board));
    if (QByteArray(QTest::currentDataTag()) != "truncated")
        return; // once is enough (each takes the throttle's second)
    // Live, the board writes a good state over the bad one.
    QString error;
    QTRY_VERIFY_WITH_TIMEOUT(
        BoardState::load(c.statePath, board.controller().stateScope(), &error).has_value(), 2500);
}

void TestKiosk::everyControlIsNamed_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("settingsName");
    QTest::addColumn<QString>("deleteKeyName");
    QTest::newRow("en") << "en"
                        << "Settings"
                        << "Delete the last digit";
    QTest::newRow("es") << "es"
                        << "Ajustes"
                        << "Borrar el último dígito";
    QTest::newRow("ar") << "ar"
                        << "الإعدادات"
                        << "حذف آخر رقم";
}

void TestKiosk::everyControlIsNamed()
{
    QFETCH(QString, language);
    QFETCH(QString, settingsName);
    QFETCH(QString, deleteKeyName);
    KioskConfig c = config(language);
    c.pin = QStringLiteral("1357"); // the settings panel and its hold area exist
    Board board(c, QSize(1920, 1080));
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    QVERIFY(waitForData(board));
    takeToken(1);
    QVERIFY(!callNext(1).isEmpty());
    QTRY_VERIFY(board.isShown(QStringLiteral("currentToken")));
    QQuickItem *panel = board.item(QStringLiteral("settingsPanel"));
    QVERIFY(panel);
    // The whole tree, the panel's PIN pad and options included (open or not).
    QCOMPARE(KioskTest::unnamedControls(board.root()), QStringList());
    QMetaObject::invokeMethod(panel, "open");
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(KioskTest::unnamedControls(board.root()), QStringList());

    // What a screen reader hears, through Qt's accessibility interfaces.
    QCOMPARE(accessibleName(panel), settingsName);
    QCOMPARE(QAccessible::queryAccessibleInterface(panel)->role(), QAccessible::Dialog);
    QStringList keys;
    QList<QQuickItem *> items = panel->childItems(); // Repeater rows are not QObject children
    for (qsizetype i = 0; i < items.size(); ++i)
        items += items.at(i)->childItems();
    for (QQuickItem *item : std::as_const(items)) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
        if (iface && iface->role() == QAccessible::Button)
            keys << iface->text(QAccessible::Name);
    }
    for (const QString &key : {QStringLiteral("0"), QStringLiteral("5"), QStringLiteral("9"),
                               deleteKeyName, QStringLiteral("English"), QStringLiteral("العربية")})
        QVERIFY2(keys.contains(key),
                 qPrintable(key + QStringLiteral(" not in ") + keys.join(u"|")));
    QCOMPARE(keys.size(), 12 + 1 + 3 + 2 + 1); // PIN pad, cancel, languages, voice/chime, close
    for (const QString &block : {QStringLiteral("header"), QStringLiteral("nowServingPanel"),
                                 QStringLiteral("recentPanel"), QStringLiteral("servicesPanel"),
                                 QStringLiteral("captionBar"), QStringLiteral("settingsHold")}) {
        const QString name = accessibleName(board.item(block));
        QVERIFY2(!name.trimmed().isEmpty() && !name.startsWith(u'<'), qPrintable(block));
    }
    QVERIFY2(accessibleName(board.item(QStringLiteral("nowServingPanel")))
                 .contains(board.controller().currentToken()),
             "the current call is read out");
    QMetaObject::invokeMethod(panel, "close");
}

// The check itself fails on what it should: a bare MouseArea, a pointer handler on an unnamed
// item, a name without a role, an interactive Flickable; an ignored input blocker and a
// MouseArea backing a named button pass.
void TestKiosk::unnamedControlIsCaught()
{
    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.setData(R"(
        import QtQuick
        Item {
            objectName: "root"
            MouseArea { objectName: "bareMouseArea" }
            Rectangle {
                objectName: "namedKey"
                Accessible.role: Accessible.Button
                Accessible.name: "Go"
                MouseArea { objectName: "backing"; anchors.fill: parent }
            }
            Rectangle {
                objectName: "nameOnly"
                Accessible.name: "No role"
                MouseArea { objectName: "noRole" }
            }
            Item { objectName: "tapped"; TapHandler {} }
            MouseArea { objectName: "blocker"; Accessible.ignored: true }
            ListView { objectName: "flick"; interactive: true }
            ListView { objectName: "still"; interactive: false }
        })",
                      QUrl());
    std::unique_ptr<QObject> object(component.create());
    QVERIFY2(object, qPrintable(component.errorString()));
    QCOMPARE(KioskTest::unnamedControls(qobject_cast<QQuickItem *>(object.get())),
             QStringList({QStringLiteral("bareMouseArea (in root)"),
                          QStringLiteral("noRole (in nameOnly)"),
                          QStringLiteral("tapped (in root)"), QStringLiteral("flick (in root)")}));
}

void TestKiosk::voicePerLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("voice"); // espeak-ng's voice through speech-dispatcher
    QTest::addColumn<QString>("spokenStart");
    QTest::newRow("es") << "es"
                        << "Spanish (Spain)"
                        << "Turno ";
    QTest::newRow("ar") << "ar"
                        << "Arabic"
                        << "التذكرة ";
}

// A call on a Spanish or Arabic board is spoken by speech-dispatcher in a voice of that
// language, with that language's words (speech-dispatcher autospawns its daemon; here it runs
// under the test's private XDG_RUNTIME_DIR).
void TestKiosk::voicePerLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, voice);
    QFETCH(QString, spokenStart);
    if (!QTextToSpeech::availableEngines().contains(u"speechd"))
        QSKIP("qt6-speech-speechd-plugin is not installed (scripts/deps.sh installs it)");
    KioskConfig c = config(language);
    c.voice = true;
    Board board(c, QSize(1280, 720));
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    Announcer *announcer = board.controller().announcer();
    QVERIFY2(!announcer->isVoiceOff(), qPrintable(announcer->voiceOffReason()));
    QCOMPARE(announcer->engineName(), QStringLiteral("speechd"));
    QCOMPARE(announcer->voiceName(), voice);
    QCOMPARE(announcer->voiceLocale().language(), QLocale(language).language());
    QCOMPARE(announcer->speech()->locale().language(), QLocale(language).language());
    QVERIFY(!board.isShown(QStringLiteral("voiceOffMark")));

    QVERIFY(waitForData(board));
    QSignalSpy started(announcer, &Announcer::started);
    QSignalSpy finished(announcer, &Announcer::finished);
    takeToken(1);
    const QString number = callNext(3);
    QVERIFY(!number.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 2000);
    const QString spoken = started.first().first().toString();
    QVERIFY2(spoken.startsWith(spokenStart) && spoken.contains(AnnouncementText::spell(number)),
             qPrintable(spoken));
    // The daemon speaks the words to the end (into the null device) and the voice stays on.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.first().first().toString(), spoken);
    QVERIFY2(!announcer->isVoiceOff(), qPrintable(announcer->voiceOffReason()));
    QCOMPARE(announcer->engineName(), QStringLiteral("speechd"));
    QCOMPARE(announcer->voiceLocale().language(), QLocale(language).language());
}

// Without speech-dispatcher's daemon (an address nobody listens on), English falls back to
// Flite, and a Spanish board turns its voice off rather than read Spanish with an English voice.
void TestKiosk::voiceFallsBackToFlite()
{
    if (!QTextToSpeech::availableEngines().contains(u"flite"))
        QSKIP("qt6-speech-flite-plugin is not installed");
    const QByteArray address =
        "unix_socket:" + QFile::encodeName(m_runtimeDir.filePath(QStringLiteral("nobody.sock")));
    qputenv("SPEECHD_ADDRESS", address);
    auto restore = qScopeGuard([] { qunsetenv("SPEECHD_ADDRESS"); });
    Announcer announcer;
    Announcer::Settings settings;
    settings.chime = false;
    settings.language = QStringLiteral("en");
    announcer.configure(settings);
    QVERIFY2(!announcer.isVoiceOff(), qPrintable(announcer.voiceOffReason()));
    QCOMPARE(announcer.engineName(), QStringLiteral("flite"));
    QCOMPARE(announcer.voiceLocale().language(), QLocale::English);

    settings.language = QStringLiteral("es");
    announcer.configure(settings);
    QVERIFY(announcer.isVoiceOff());
    QCOMPARE(announcer.engineName(), QString());
    QVERIFY2(announcer.voiceOffReason().contains(u"speechd failed") &&
                 announcer.voiceOffReason().contains(u"flite has no Spanish voice"),
             qPrintable(announcer.voiceOffReason()));

    // The same choice from the locales alone.
    const QList<QLocale> offered = {
        QLocale(QStringLiteral("es_419")), QLocale(QStringLiteral("es_ES")),
        QLocale(QStringLiteral("ar_MR")), QLocale(QStringLiteral("ar_EG"))};
    QCOMPARE(Announcer::pickLocale(offered, QStringLiteral("es")),
             QLocale(QStringLiteral("es_ES")));
    QCOMPARE(Announcer::pickLocale(offered, QStringLiteral("ar")),
             QLocale(QStringLiteral("ar_EG")));
    QCOMPARE(Announcer::pickLocale({QLocale(QStringLiteral("ar_MR"))}, QStringLiteral("ar")),
             QLocale(QStringLiteral("ar_MR")));
    QCOMPARE(Announcer::pickLocale(offered, QStringLiteral("en")), std::nullopt);
    QCOMPARE(
        Announcer::preferredEngines(
            {QStringLiteral("flite"), QStringLiteral("other"), QStringLiteral("speechd")}),
        QStringList({QStringLiteral("speechd"), QStringLiteral("flite"), QStringLiteral("other")}));
}
