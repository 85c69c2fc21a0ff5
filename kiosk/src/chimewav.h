#pragma once

#include <QByteArray>

namespace Nextup::Kiosk {

// A soft two-tone "ding-dong" (E5 then C5, bell-like decay) as a 16-bit mono PCM WAV file,
// generated instead of shipped so the repository holds no binary audio and the sound can be
// tuned in code.
struct ChimeWav
{
    static constexpr int SampleRate = 22'050;
    static constexpr int DurationMs = 1'700;

    static QByteArray generate();
};

} // namespace Nextup::Kiosk
