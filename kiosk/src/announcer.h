#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQmlIntegration>

class QSoundEffect;
class QTemporaryDir;
class QTextToSpeech;

namespace Nextup::Kiosk {

// Says each call out loud, one after the other: chime, then the voice, with the words shown as
// a caption meanwhile. The voice is picked per language: speech-dispatcher (espeak-ng speaks en,
// es and ar, offline) first, Flite (English only) as the fallback when speech-dispatcher is not
// installed or its daemon cannot start; an engine is used only with a voice of the board's
// language, never an English voice reading Spanish words. Every part is optional and its absence is
// harmless: no audio device means no chime, no speech engine (or no voice for the language, or an
// engine that fails while speaking) means no voice — the board shows a small "voice off" mark, the
// reason is logged once, and calls are still captioned and queued at the same pace.
class Announcer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the BoardController")
    Q_DISABLE_COPY_MOVE(Announcer)
    Q_PROPERTY(QString caption READ caption NOTIFY captionChanged)
    Q_PROPERTY(bool voiceWanted READ isVoiceWanted NOTIFY voiceStateChanged)
    Q_PROPERTY(bool voiceAvailable READ isVoiceAvailable NOTIFY voiceStateChanged)
    Q_PROPERTY(bool voiceOff READ isVoiceOff NOTIFY voiceStateChanged)
    Q_PROPERTY(QString voiceOffReason READ voiceOffReason NOTIFY voiceStateChanged)
    Q_PROPERTY(bool chimeAvailable READ isChimeAvailable NOTIFY voiceStateChanged)
    Q_PROPERTY(QString engineName READ engineName NOTIFY voiceStateChanged)
    Q_PROPERTY(QString voiceName READ voiceName NOTIFY voiceStateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)

public:
    struct Settings
    {
        bool voice = true;
        bool chime = true;
        QString engine;   // empty: the first of preferredEngines() with a voice; "none": no speech
        QString language; // en, es, ar
    };

    explicit Announcer(QObject *parent = nullptr);
    ~Announcer() override;

    // Re-evaluates the chime and the voice; cheap to call again when the settings change.
    void configure(const Settings &settings);
    // Queues one announcement; at most MaxQueued wait (a burst of calls keeps only the latest).
    void announce(const QString &spoken, const QString &caption);
    void clearCaption();

    QString caption() const { return m_caption; }
    QString lastSpoken() const { return m_lastSpoken; }
    bool isVoiceWanted() const { return m_settings.voice; }
    bool isVoiceAvailable() const { return m_tts != nullptr; }
    // The voice was asked for but cannot be had: the board shows the mark.
    bool isVoiceOff() const { return m_settings.voice && !m_tts; }
    QString voiceOffReason() const { return m_voiceOffReason; }
    bool isChimeAvailable() const { return m_chime != nullptr; }
    // The engine and voice that speak (empty when the voice is off).
    QString engineName() const;
    QString voiceName() const;
    QLocale voiceLocale() const;
    const QTextToSpeech *speech() const { return m_tts.get(); }

    // The engines tried, in order, when none is configured: the installed ones of
    // PreferredEngines first, then any other Qt finds.
    static QStringList preferredEngines(const QStringList &installed);
    // Of the locales an engine offers, the one for `language`: the language's main locale
    // (es_ES, ar_EG, en_US) when offered, else the first of that language; nullopt when none.
    static std::optional<QLocale> pickLocale(const QList<QLocale> &offered,
                                             const QString &language);
    bool isBusy() const { return m_busy; }
    int queued() const { return int(m_queue.size()); }

    static constexpr int MaxQueued = 4;
    // How long a voice may take for `text` before the engine counts as stuck: a generous reading
    // pace plus a margin, at most VoiceTimeoutMaxMs.
    static int voiceTimeoutMs(const QString &text);
    static constexpr int VoiceTimeoutMaxMs = 15'000;

signals:
    void captionChanged();
    void voiceStateChanged();
    void busyChanged();
    // An announcement began (caption shown, chime started) / ended (voice done or skipped).
    void started(const QString &spoken);
    void finished(const QString &spoken);

private:
    struct Item
    {
        QString spoken;
        QString caption;
    };

    void setupChime();
    void setupVoice();
    // An engine ready to speak `language`, or nullptr with the reason in `reason`.
    std::unique_ptr<QTextToSpeech> openEngine(const QString &engine, QString *reason) const;
    void turnVoiceOff(const QString &reason);
    enum class Phase
    {
        Idle,
        Chime,
        Voice,
        Pause
    };

    void next();
    void onStep();
    void speak();
    void voiceStuck();
    void done();
    void setBusy(bool busy);

    Settings m_settings;
    std::unique_ptr<QTextToSpeech> m_tts;
    std::unique_ptr<QSoundEffect> m_chime;
    std::unique_ptr<QTemporaryDir> m_chimeDir;
    QString m_voiceOffReason;
    QString m_loggedReason;
    QString m_loggedVoice;
    // Engines that hung while speaking (speech-dispatcher wedged by a broken audio output): a new
    // connection to them could block the board, so they are not tried again in this run.
    QStringList m_stuckEngines;
    QList<Item> m_queue;
    Item m_current;
    QString m_caption;
    QString m_lastSpoken;
    bool m_busy = false;
    Phase m_phase = Phase::Idle;
    QTimer m_step; // the chime's length, the voice's safety timeout, the pause after
};

} // namespace Nextup::Kiosk
