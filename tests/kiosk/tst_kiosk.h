#pragma once

#include <memory>

#include <QObject>
#include <QTemporaryDir>

#include "httpclient.h"
#include "kiosktest.h"
#include "serverprocess.h"
#include "testservices.h"

// The kiosk board against a real server: calls reach the screen within a second (flash, caption,
// spoken words), a server restart shows the reconnecting mark over the last state and then
// resyncs, calls missed while away arrive silently, filters and the device account work, the
// announcement words are exact in every language, a missing speech engine breaks nothing, the
// PIN-protected settings switch language at run time, and screenshots of landscape, portrait
// and Arabic boards are written for people to look at. The board keeps its last state on disk and
// shows it, marked stale, when started during an outage; every control is named for screen
// readers; es and ar calls are spoken by a voice of their language.
class TestKiosk : public QObject
{
    Q_OBJECT

public:
    Nextup::Kiosk::KioskConfig config(const QString &language = QStringLiteral("en")) const;
    // A new waiting token of that service; its number.
    QString takeToken(int serviceId);
    // Calls the next token at that counter (serving the one it had: a call completes a token
    // being served); its number.
    QString callNext(int counterId);
    static bool waitForData(KioskTest::Board &board);
    // A state file of its own for each board, so no test shows another's saved state.
    QString freshStatePath() const;
    static void privateSpeechDispatcher(const QString &dir);
    // Every service row shows the server's waiting count, and the server's current tokens are on
    // the board (as the current call or among the earlier ones). Empty when all is equal.
    QString mismatchWithServer(KioskTest::Board &board);

private slots:
    void initTestCase();
    void cleanup() { m_server->dumpIfFailed(); }

    // tst_kiosk.cpp: the live board
    void callShowsWithinOneSecond();
    void serverRestartKeepsStateAndResyncs();
    void missedCallsArriveSilently();
    void filters();
    void appStarts();

    // tst_kiosk_settings.cpp: words, voice, settings, screenshots
    void configFile();
    void chimeIsAWav();
    void announcementText_data();
    void announcementText();
    void voice_data();
    void voice();
    void settingsBehindPin();
    void screenshots_data();
    void screenshots();

    // tst_kiosk_offline.cpp: the saved state, accessibility, the voice of each language
    void offlineStartShowsSavedState_data();
    void offlineStartShowsSavedState();
    void badStateFileIgnored_data();
    void badStateFileIgnored();
    void everyControlIsNamed_data();
    void everyControlIsNamed();
    void unnamedControlIsCaught();
    void voicePerLanguage_data();
    void voicePerLanguage();
    void voiceFallsBackToFlite();

private:
    TestServices m_services;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    QTemporaryDir m_stateDir;
    QTemporaryDir m_runtimeDir; // speech-dispatcher's socket: a private daemon, not the user's
    mutable int m_stateFiles = 0;
};
