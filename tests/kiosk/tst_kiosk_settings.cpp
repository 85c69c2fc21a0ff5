// Words, voice, settings and screenshots of the board (the suite: tst_kiosk.h).

#include <QCommandLineParser>
#include <QDir>
#include <QQuickItem>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include "announcementtext.h"
#include "announcer.h"
#include "callhistorymodel.h"
#include "chimewav.h"
#include "tst_kiosk.h"

using namespace Nextup::Kiosk;
using KioskTest::Board;

void TestKiosk::configFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kiosk.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[server]\nurl=http://10.0.0.5:9000\nusername=kiosk\npassword=kiosk123\n"
               "[board]\nbranch=1\nbranch_name=Lobby East\nservices=1, 3\ncounters=2\n"
               "history=4\nfullscreen=false\n"
               "[voice]\nlanguage=es\nchime_only=true\nengine=flite\n"
               "[settings]\npin=2468\n[spoken_names]\n2=ventanilla de pasaportes\n");
    file.close();
    KioskConfig c;
    QString error;
    QVERIFY2(c.loadFile(path, &error), qPrintable(error));
    QCOMPARE(c.serverUrl, QUrl(QStringLiteral("http://10.0.0.5:9000")));
    QCOMPARE(c.username, QStringLiteral("kiosk"));
    QCOMPARE(c.branchId, 1);
    QCOMPARE(c.branchName, QStringLiteral("Lobby East"));
    QCOMPARE(c.serviceIds, (QList<int>{1, 3}));
    QCOMPARE(c.counterIds, (QList<int>{2}));
    QCOMPARE(c.historySize, 4);
    QVERIFY(!c.fullScreen);
    QCOMPARE(c.language, QStringLiteral("es"));
    QVERIFY(c.chimeOnly());
    QCOMPARE(c.spokenNames.value(2), QStringLiteral("ventanilla de pasaportes"));

    // The annotated example of kiosk/README.md is valid as it is.
    KioskConfig example;
    QVERIFY2(example.loadFile(QStringLiteral(NEXTUP_KIOSK_EXAMPLE), &error), qPrintable(error));
    QCOMPARE(example.username, QStringLiteral("kiosk"));
    QCOMPARE(example.branchId, 1);

    // The command line wins over the file.
    QCommandLineParser parser;
    KioskConfig::addOptions(parser);
    QVERIFY(parser.parse({QStringLiteral("nextup-kiosk"), QStringLiteral("--config"), path,
                          QStringLiteral("--language"), QStringLiteral("ar"),
                          QStringLiteral("--public"), QStringLiteral("--voice")}));
    KioskConfig fromArgs;
    QVERIFY2(fromArgs.applyArguments(parser, &error), qPrintable(error));
    QCOMPARE(fromArgs.language, QStringLiteral("ar"));
    QVERIFY(fromArgs.isPublic());
    QVERIFY(fromArgs.voice);

    // A bad value is an error that names the key, not a silently different board.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("[voice]\nlanguage=fr\n");
    file.close();
    KioskConfig bad;
    QVERIFY(!bad.loadFile(path, &error));
    QVERIFY2(error.contains(u"language"), qPrintable(error));
}

void TestKiosk::chimeIsAWav()
{
    const QByteArray wav = ChimeWav::generate();
    QVERIFY(wav.startsWith("RIFF"));
    QCOMPARE(wav.mid(8, 8), QByteArray("WAVEfmt "));
    QCOMPARE(wav.size(), 44 + ChimeWav::SampleRate * ChimeWav::DurationMs / 1000 * 2);
    qint16 peak = 0;
    for (int i = 44; i + 1 < wav.size(); i += 2)
        peak = std::max<qint16>(peak, qAbs(qFromLittleEndian<qint16>(wav.constData() + i)));
    QVERIFY2(peak > 8000 && peak < 32767, "audible, and not clipped");
}

void TestKiosk::announcementText_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("counterName");
    QTest::addColumn<QString>("spokenName");
    QTest::addColumn<QString>("spoken");
    QTest::addColumn<QString>("caption");
    QTest::newRow("en") << "en"
                        << "Counter B"
                        << ""
                        << "Token D 0 0 7, counter B"
                        << "Token D007, counter B";
    QTest::newRow("es") << "es"
                        << "Counter B"
                        << ""
                        << "Turno D 0 0 7, ventanilla B"
                        << "Turno D007, ventanilla B";
    QTest::newRow("ar") << "ar"
                        << "Counter B"
                        << ""
                        << "التذكرة D 0 0 7، الشباك B"
                        << "التذكرة D007، الشباك B";
    QTest::newRow("en own name") << "en"
                                 << "Passports"
                                 << ""
                                 << "Token D 0 0 7, Passports"
                                 << "Token D007, Passports";
    QTest::newRow("es spoken name") << "es"
                                    << "Counter B"
                                    << "caja dos"
                                    << "Turno D 0 0 7, caja dos"
                                    << "Turno D007, caja dos";
}

void TestKiosk::announcementText()
{
    QFETCH(QString, language);
    QFETCH(QString, counterName);
    QFETCH(QString, spokenName);
    QFETCH(QString, spoken);
    QFETCH(QString, caption);
    Localizer localizer;
    QVERIFY(localizer.setLanguage(language));
    Call call;
    call.tokenId = 7;
    call.tokenNumber = QStringLiteral("D007");
    call.counterName = counterName;
    QCOMPARE(AnnouncementText::spoken(call, spokenName), spoken);
    QCOMPARE(AnnouncementText::caption(call, spokenName), caption);
}

void TestKiosk::voice_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<bool>("mustBeOff"); // otherwise: on or off, depending on the machine
    QTest::newRow("no such engine") << "no-such-engine" << true;
    QTest::newRow("engine none") << "none" << true;
    // Per language: speechd (espeak-ng; here into the test's null audio device), else flite.
    QTest::newRow("default engine") << "" << false;
}

void TestKiosk::voice()
{
    QFETCH(QString, engine);
    QFETCH(bool, mustBeOff);
    KioskConfig c = config();
    c.voice = true;
    c.chime = true;
    c.speechEngine = engine;
    Board board(c, QSize(1920, 1080));
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    QVERIFY(waitForData(board));
    Announcer *announcer = board.controller().announcer();
    if (mustBeOff)
        QVERIFY(announcer->isVoiceOff());
    QCOMPARE(board.isShown(QStringLiteral("voiceOffMark")), announcer->isVoiceOff());

    takeToken(1);
    const QString number = callNext(3);
    QTRY_COMPARE_WITH_TIMEOUT(board.text(QStringLiteral("currentToken")), number, 1000);
    QTRY_COMPARE(board.text(QStringLiteral("captionText")),
                 QStringLiteral("Token ") + number + QStringLiteral(", counter C"));
    // The queue moves on whatever the voice does (the engine's own timeout is 15 s).
    QTRY_VERIFY_WITH_TIMEOUT(!announcer->isBusy(), 20000);
    QTRY_COMPARE(board.isShown(QStringLiteral("voiceOffMark")), announcer->isVoiceOff());

    // Voice switched off on purpose: no mark, calls still captioned.
    board.controller().applySettings(QStringLiteral("en"), false, false);
    QVERIFY(!announcer->isVoiceOff());
    QTRY_VERIFY(!board.isShown(QStringLiteral("voiceOffMark")));
    takeToken(1);
    const QString next = callNext(3);
    QTRY_COMPARE(board.text(QStringLiteral("captionText")),
                 QStringLiteral("Token ") + next + QStringLiteral(", counter C"));
    QTRY_VERIFY(!announcer->isBusy());
}

void TestKiosk::settingsBehindPin()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kiosk.ini"));
    {
        QSettings file(path, QSettings::IniFormat);
        file.setValue(QStringLiteral("voice/language"), QStringLiteral("en"));
    }
    KioskConfig c = config();
    QString error;
    QVERIFY2(c.loadFile(path, &error), qPrintable(error));
    c.serverUrl = m_server->baseUrl();
    c.pin = QStringLiteral("2468");
    Board board(c, QSize(1920, 1080));
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    QVERIFY(waitForData(board));
    QVERIFY(!board.controller().isSettingsLocked());
    QVERIFY(!board.controller().unlock(QStringLiteral("0000")));
    QVERIFY(!board.controller().unlock(QString()));
    QVERIFY(board.controller().unlock(QStringLiteral("2468")));
    QCOMPARE(board.text(QStringLiteral("tokenHeading")), QStringLiteral("Token"));

    // The panel as staff see it after the PIN (a screenshot to look at).
    QQuickItem *panel = board.item(QStringLiteral("settingsPanel"));
    QVERIFY(panel);
    QVERIFY(!panel->isVisible());
    QMetaObject::invokeMethod(panel, "open");
    panel->setProperty("unlocked", true);
    QTRY_VERIFY(panel->isVisible());
    QVERIFY(QDir().mkpath(QStringLiteral(NEXTUP_SCREENSHOT_DIR)));
    QVERIFY(board.view().grabWindow().save(
        QStringLiteral(NEXTUP_SCREENSHOT_DIR "/board-settings.png")));
    QMetaObject::invokeMethod(panel, "close");
    QTRY_VERIFY(!panel->isVisible());

    // Spanish at run time: every qsTr is re-read, and the choice is saved to the file.
    board.controller().applySettings(QStringLiteral("es"), true, false);
    QTRY_COMPARE(board.text(QStringLiteral("tokenHeading")), QStringLiteral("Turno"));
    QVERIFY(!board.controller().isRightToLeft());
    board.controller().applySettings(QStringLiteral("ar"), false, true);
    QTRY_COMPARE(board.text(QStringLiteral("tokenHeading")), QStringLiteral("التذكرة"));
    QVERIFY(board.controller().isRightToLeft());
    QSettings saved(path, QSettings::IniFormat);
    QCOMPARE(saved.value(QStringLiteral("voice/language")).toString(), QStringLiteral("ar"));
    QCOMPARE(saved.value(QStringLiteral("voice/enabled")).toBool(), false);
    QCOMPARE(saved.value(QStringLiteral("voice/chime")).toBool(), true);

    // Without a PIN there is no panel at all.
    KioskConfig open = config();
    Board unlocked(open, QSize(800, 450));
    QVERIFY(unlocked.controller().isSettingsLocked());
    QVERIFY(!unlocked.controller().unlock(QString()));
}

void TestKiosk::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("marks"); // reconnecting and voice off
    QTest::newRow("landscape") << "en" << QSize(1920, 1080) << false;
    QTest::newRow("portrait") << "en" << QSize(1080, 1920) << false;
    QTest::newRow("arabic") << "ar" << QSize(1920, 1080) << false;
    QTest::newRow("spanish-portrait") << "es" << QSize(1080, 1920) << false;
    QTest::newRow("arabic-marks") << "ar" << QSize(1920, 1080) << true;
    QTest::newRow("hd-marks") << "en" << QSize(1280, 720) << true;
}

void TestKiosk::screenshots()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QFETCH(bool, marks);
    KioskConfig c = config(language);
    if (marks) {
        c.voice = true;
        c.speechEngine = QStringLiteral("none");
    }
    Board board(c, size);
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    QVERIFY(waitForData(board));
    // A busy morning: people waiting in every service, calls at every counter.
    for (int service = 1; service <= 3; ++service) {
        takeToken(service);
        takeToken(service);
    }
    QString last;
    for (int counter : {1, 2, 3, 1})
        last = callNext(counter);
    QTRY_COMPARE(board.text(QStringLiteral("currentToken")), last);
    QTRY_VERIFY(board.controller().history()->rowCount() >= 3);
    QTRY_COMPARE(mismatchWithServer(board), QString());
    if (marks) {
        board.controller().queueClient()->stop();
        QTRY_VERIFY(board.isShown(QStringLiteral("reconnectingMark")));
        QVERIFY(board.isShown(QStringLiteral("voiceOffMark")));
    }
    QTest::qWait(3000); // the flash and the list animations end

    QCOMPARE(board.clippedTexts(), QStringList());
    QCOMPARE(board.fadedRows(), QStringList());
    // The blocks of the board lie inside the window and never on top of each other.
    const QStringList blocks = {QStringLiteral("header"), QStringLiteral("nowServingPanel"),
                                QStringLiteral("recentPanel"), QStringLiteral("servicesPanel"),
                                QStringLiteral("captionBar")};
    QList<QRectF> rects;
    for (const QString &name : blocks) {
        QQuickItem *block = board.item(name);
        QVERIFY2(block, qPrintable(name));
        const QRectF rect = block->mapRectToScene(block->boundingRect());
        QVERIFY2(QRectF(QPointF(0, 0), QSizeF(size)).contains(rect), qPrintable(name));
        QVERIFY2(rect.height() > qMin(size.width(), size.height()) * 0.05,
                 qPrintable(name + QStringLiteral(" is too small")));
        for (int i = 0; i < rects.size(); ++i) {
            const QRectF overlap = rects.at(i).intersected(rect);
            QVERIFY2(overlap.width() < 1 || overlap.height() < 1,
                     qPrintable(name + QStringLiteral(" overlaps ") + blocks.at(i)));
        }
        rects.append(rect);
    }
    QQuickItem *now = board.item(QStringLiteral("nowServingPanel"));
    QQuickItem *recent = board.item(QStringLiteral("recentPanel"));
    const double nowX = now->mapToScene({0, 0}).x(), recentX = recent->mapToScene({0, 0}).x();
    if (size.width() > size.height()) // the current call on the reading side's start
        QVERIFY2(language == u"ar" ? nowX > recentX : nowX < recentX, "layout direction");

    const QImage image = board.view().grabWindow();
    QCOMPARE(image.size(), size);
    QVERIFY(QDir().mkpath(QStringLiteral(NEXTUP_SCREENSHOT_DIR)));
    const QString path = QStringLiteral(NEXTUP_SCREENSHOT_DIR "/board-%1.png")
                             .arg(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(image.save(path));
    qInfo().noquote() << "screenshot:" << path;
}
