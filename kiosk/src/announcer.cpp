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

QStringList Announcer::preferredEngines(const QStringList &installed)
{
    // speechd: espeak-ng voices for ~100 languages; flite: English only.
    static const QStringList preferred = {QStringLiteral("speechd"), QStringLiteral("flite")};
    QStringList out;
    for (const QString &engine : preferred) {
        if (installed.contains(engine))
            out << engine;
    }
    for (const QString &engine : installed) {
        if (!out.contains(engine))
            out << engine;
    }
    return out;
}

std::optional<QLocale> Announcer::pickLocale(const QList<QLocale> &offered, const QString &language)
{
    const QLocale main(language); // "es" -> es_ES, "ar" -> ar_EG, "en" -> en_US
    std::optional<QLocale> sameLanguage;
    for (const QLocale &locale : offered) {
        if (locale.language() != main.language())
            continue;
        if (locale.territory() == main.territory())
            return locale;
        if (!sameLanguage)
            sameLanguage = locale;
    }
    return sameLanguage;
}

int Announcer::voiceTimeoutMs(const QString &text)
{
    // Spelled tokens are read slowly: ~8 characters a second, and 3 s for the engine to start.
    return std::min<int>(VoiceTimeoutMaxMs, 3000 + int(text.size()) * 125);
}

QString Announcer::engineName() const
{
    return m_tts ? m_tts->engine() : QString();
}

QString Announcer::voiceName() const
{
    return m_tts ? m_tts->voice().name() : QString();
}

QLocale Announcer::voiceLocale() const
{
    return m_tts ? m_tts->voice().locale() : QLocale::c();
}

std::unique_ptr<QTextToSpeech> Announcer::openEngine(const QString &engine, QString *reason) const
{
    if (m_stuckEngines.contains(engine)) {
        *reason = QStringLiteral("%1 stopped answering earlier").arg(engine);
        return nullptr;
    }
    auto tts = std::make_unique<QTextToSpeech>(engine);
    if (tts->state() == QTextToSpeech::Error) {
        *reason = QStringLiteral("%1 failed: %2").arg(engine, tts->errorString());
        return nullptr;
    }
    const std::optional<QLocale> locale = pickLocale(tts->availableLocales(), m_settings.language);
    if (!locale) {
        *reason =
            QStringLiteral("%1 has no %2 voice")
                .arg(engine, QLocale::languageToString(QLocale(m_settings.language).language()));
        return nullptr;
    }
    tts->setLocale(*locale);
    return tts;
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
    const QStringList candidates =
        engine.isEmpty() ? preferredEngines(engines) : QStringList{engine};
    QStringList reasons;
    std::unique_ptr<QTextToSpeech> tts;
    for (const QString &candidate : candidates) {
        QString reason;
        tts = openEngine(candidate, &reason);
        if (tts)
            break;
        reasons << reason;
    }
    if (!tts)
        return turnVoiceOff(reasons.join(QStringLiteral("; ")));
    if (!reasons.isEmpty() || m_loggedVoice != tts->engine() + tts->voice().name())
        qCInfo(lcAnnouncer).noquote()
            << "voice:" << tts->engine() << tts->voice().name() << tts->locale().name()
            << (reasons.isEmpty() ? QString() : QStringLiteral("(%1)").arg(reasons.join(u"; ")));
    m_loggedVoice = tts->engine() + tts->voice().name();
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
    case Phase::Voice: return voiceStuck();
    case Phase::Pause: return next();
    case Phase::Idle: return;
    }
}

void Announcer::speak()
{
    if (!m_tts || !m_settings.voice)
        return done();
    m_phase = Phase::Voice;
    m_step.start(voiceTimeoutMs(m_current.spoken));
    m_tts->say(m_current.spoken);
}

// The engine never said it finished. speech-dispatcher without a working audio output keeps
// "speaking" for ever: stop it and turn the voice off, so the mark shows and later calls do not
// each wait for the timeout.
void Announcer::voiceStuck()
{
    if (m_tts) {
        const QString engine = m_tts->engine();
        m_tts->stop();
        m_stuckEngines << engine;
        turnVoiceOff(QStringLiteral("%1 did not finish speaking (no audio output?)").arg(engine));
        emit voiceStateChanged();
    }
    if (m_phase == Phase::Voice)
        done();
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
