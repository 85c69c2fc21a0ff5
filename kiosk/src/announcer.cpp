#include "announcer.h"

#include <QAudioDevice>
#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QTemporaryDir>
#include <QTextToSpeech>

#include "chimewav.h"

Q_LOGGING_CATEGORY(lcAnnouncer, "nextup.kiosk.announcer")

namespace Nextup::Kiosk {

namespace {
constexpr int PauseBetweenMs = 600;
constexpr int VoiceTimeoutMs = 15'000; // an engine that never says it finished
} // namespace

Announcer::Announcer(QObject *parent) : QObject(parent)
{
    m_step.setSingleShot(true);
    connect(&m_step, &QTimer::timeout, this, &Announcer::onStep);
}

Announcer::~Announcer() = default;

void Announcer::configure(const Settings &settings)
{
    m_settings = settings;
    setupChime();
    setupVoice();
    emit voiceStateChanged();
}

void Announcer::setupChime()
{
    if (!m_settings.chime) {
        m_chime.reset();
        return;
    }
    if (m_chime)
        return;
    // QSoundEffect without any output device only prints warnings; skip it quietly.
    if (QMediaDevices::audioOutputs().isEmpty()) {
        qCInfo(lcAnnouncer) << "no audio output device: calls are shown without the chime";
        return;
    }
    m_chimeDir = std::make_unique<QTemporaryDir>();
    const QString path = m_chimeDir->filePath(QStringLiteral("chime.wav"));
    QFile file(path);
    if (!m_chimeDir->isValid() || !file.open(QIODevice::WriteOnly) ||
        file.write(ChimeWav::generate()) < 0) {
        qCWarning(lcAnnouncer) << "cannot write the chime to" << path;
        return;
    }
    file.close();
    m_chime = std::make_unique<QSoundEffect>();
    m_chime->setSource(QUrl::fromLocalFile(path));
    m_chime->setVolume(0.8);
}

void Announcer::setupVoice()
{
    m_tts.reset();
    m_voiceOffReason.clear();
    if (m_phase == Phase::Voice) // the engine that was speaking is gone: do not wait for it
        done();
    if (!m_settings.voice)
        return;
    const QStringList engines = QTextToSpeech::availableEngines();
    const QString engine = m_settings.engine.trimmed();
    if (engine == u"none")
        return turnVoiceOff(QStringLiteral("speech engine set to none"));
    if (engines.isEmpty())
        return turnVoiceOff(QStringLiteral("no Qt TextToSpeech engine is installed"));
    if (!engine.isEmpty() && !engines.contains(engine))
        return turnVoiceOff(QStringLiteral("no speech engine \"%1\" (installed: %2)")
                                .arg(engine, engines.join(u", ")));
    auto tts = std::make_unique<QTextToSpeech>(engine.isEmpty() ? engines.first() : engine);
    if (tts->state() == QTextToSpeech::Error)
        return turnVoiceOff(QStringLiteral("speech engine failed: %1").arg(tts->errorString()));
    const QLocale::Language wanted = QLocale(m_settings.language).language();
    const QList<QLocale> locales = tts->availableLocales();
    const auto match = std::find_if(locales.cbegin(), locales.cend(),
                                    [wanted](const QLocale &l) { return l.language() == wanted; });
    if (match == locales.cend())
        return turnVoiceOff(QStringLiteral("engine %1 has no %2 voice")
                                .arg(tts->engine(), QLocale::languageToString(wanted)));
    tts->setLocale(*match);
    connect(tts.get(), &QTextToSpeech::stateChanged, this, [this](QTextToSpeech::State state) {
        if (m_phase == Phase::Voice &&
            (state == QTextToSpeech::Ready || state == QTextToSpeech::Error))
            done();
    });
    connect(tts.get(), &QTextToSpeech::errorOccurred, this,
            [this](QTextToSpeech::ErrorReason, const QString &message) {
                // Later announcements would fail the same way (e.g. no audio device).
                QMetaObject::invokeMethod(
                    this,
                    [this, message] {
                        if (!m_tts) // an earlier error already turned it off
                            return;
                        turnVoiceOff(QStringLiteral("speech failed: %1").arg(message));
                        emit voiceStateChanged();
                    },
                    Qt::QueuedConnection);
            });
    m_tts = std::move(tts);
}

void Announcer::turnVoiceOff(const QString &reason)
{
    m_tts.reset();
    m_voiceOffReason = reason;
    if (m_loggedReason != reason) { // once, not at every call
        qCWarning(lcAnnouncer).noquote() << "voice off:" << reason;
        m_loggedReason = reason;
    }
    if (m_phase == Phase::Voice)
        done();
}

void Announcer::announce(const QString &spoken, const QString &caption)
{
    while (m_queue.size() >= MaxQueued)
        m_queue.removeFirst();
    m_queue.append({spoken, caption});
    if (!m_busy)
        next();
}

void Announcer::clearCaption()
{
    if (m_caption.isEmpty())
        return;
    m_caption.clear();
    emit captionChanged();
}

void Announcer::next()
{
    if (m_queue.isEmpty()) {
        m_phase = Phase::Idle;
        setBusy(false);
        return;
    }
    setBusy(true);
    m_current = m_queue.takeFirst();
    m_lastSpoken = m_current.spoken;
    m_caption = m_current.caption;
    emit captionChanged();
    emit started(m_current.spoken);
    m_phase = Phase::Chime;
    if (m_chime) {
        m_chime->play();
        m_step.start(ChimeWav::DurationMs - 300); // the voice enters as the bell fades
    } else {
        m_step.start(0);
    }
}

void Announcer::onStep()
{
    switch (m_phase) {
    case Phase::Chime: return speak();
    case Phase::Voice: return done(); // the engine never said it finished
    case Phase::Pause: return next();
    case Phase::Idle: return;
    }
}

void Announcer::speak()
{
    if (!m_tts || !m_settings.voice)
        return done();
    m_phase = Phase::Voice;
    m_step.start(VoiceTimeoutMs);
    m_tts->say(m_current.spoken);
}

void Announcer::done()
{
    m_phase = Phase::Pause;
    emit finished(m_current.spoken);
    m_step.start(PauseBetweenMs);
}

void Announcer::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

} // namespace Nextup::Kiosk
