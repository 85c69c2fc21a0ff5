#pragma once

#include <memory>

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQmlIntegration>

class QSoundEffect;
class QTemporaryDir;
class QTextToSpeech;

namespace Nextup::Kiosk {

// Says each call out loud, one after the other: chime, then the voice, with the words shown as
// a caption meanwhile. Every part is optional and its absence is harmless: no audio device means
// no chime, no speech engine (or no voice for the language, or an engine that fails while
// speaking) means no voice — the board shows a small "voice off" mark, the reason is logged once,
// and calls are still captioned and queued at the same pace.
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
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)

public:
    struct Settings
    {
        bool voice = true;
        bool chime = true;
        QString engine;   // empty: Qt's default; "none": no speech
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
    bool isBusy() const { return m_busy; }
    int queued() const { return int(m_queue.size()); }

    static constexpr int MaxQueued = 4;

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
    void done();
    void setBusy(bool busy);

    Settings m_settings;
    std::unique_ptr<QTextToSpeech> m_tts;
    std::unique_ptr<QSoundEffect> m_chime;
    std::unique_ptr<QTemporaryDir> m_chimeDir;
    QString m_voiceOffReason;
    QString m_loggedReason;
    QList<Item> m_queue;
    Item m_current;
    QString m_caption;
    QString m_lastSpoken;
    bool m_busy = false;
    Phase m_phase = Phase::Idle;
    QTimer m_step; // the chime's length, the voice's safety timeout, the pause after
};

} // namespace Nextup::Kiosk
