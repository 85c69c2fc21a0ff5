#include "chimewav.h"

#include <cmath>
#include <numbers>

#include <QtEndian>

namespace Nextup::Kiosk {

namespace {

void putLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void putLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

// A bell: the fundamental plus two soft overtones, a 5 ms attack and an exponential decay.
double bell(double frequency, double t)
{
    if (t < 0)
        return 0;
    const double twoPi = 2 * std::numbers::pi;
    const double attack = std::min(1.0, t / 0.005);
    const double decay = std::exp(-t * 3.2);
    return attack * decay *
           (std::sin(twoPi * frequency * t) + 0.35 * std::sin(twoPi * 2 * frequency * t) +
            0.12 * std::sin(twoPi * 3 * frequency * t));
}

} // namespace

QByteArray ChimeWav::generate()
{
    const int samples = SampleRate * DurationMs / 1000;
    const quint32 dataBytes = quint32(samples) * 2;
    QByteArray wav;
    wav.reserve(int(44 + dataBytes));
    wav.append("RIFF");
    putLe32(wav, 36 + dataBytes);
    wav.append("WAVEfmt ");
    putLe32(wav, 16); // fmt chunk size
    putLe16(wav, 1);  // PCM
    putLe16(wav, 1);  // mono
    putLe32(wav, SampleRate);
    putLe32(wav, SampleRate * 2); // bytes per second
    putLe16(wav, 2);              // block align
    putLe16(wav, 16);             // bits per sample
    wav.append("data");
    putLe32(wav, dataBytes);
    const double secondToneAt = 0.55;
    for (int i = 0; i < samples; ++i) {
        const double t = double(i) / SampleRate;
        const double fadeOut = std::min(1.0, double(samples - i) / (SampleRate * 0.05));
        const double value = 0.28 * (bell(659.25, t) + bell(523.25, t - secondToneAt)) * fadeOut;
        putLe16(wav, quint16(qint16(std::clamp(value, -1.0, 1.0) * 32767)));
    }
    return wav;
}

} // namespace Nextup::Kiosk
