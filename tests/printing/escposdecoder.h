#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

// What a receipt printer would make of an ESC/POS byte stream, decoded independently of the
// encoder (its own reading of Epson's command reference; text through ICU's IBM858 converter).
struct EscPosDocument
{
    struct Line
    {
        QString text;
        int width = 1; // GS ! magnification when the line was printed
        int height = 1;
        int align = 0; // ESC a: 0 left, 1 centre, 2 right
        bool bold = false;
    };
    struct Qr
    {
        int model = 0;           // 50: model 2
        int moduleSize = 0;      // dots
        int errorCorrection = 0; // 48 L, 49 M, 50 Q, 51 H
        QByteArray payload;
        bool printed = false;
    };

    bool initialised = false;
    int codeTable = -1;
    QList<Line> lines;
    QList<Qr> qrCodes;
    QList<QImage> images;     // consecutive GS v 0 bands joined into one picture
    QList<int> statusQueries; // n of each DLE EOT n, in order
    int cuts = 0;
    bool endsWithCut = false; // nothing printed after the last cut
    qsizetype consumed = 0;   // bytes of complete commands (the rest is an unfinished command)
    QString error;            // the first byte sequence this decoder does not know

    const Line *lineContaining(const QString &text) const;
    QImage stackedImages() const; // every picture top to bottom, as they print
};

EscPosDocument decodeEscPos(const QByteArray &bytes);

// The text of a QR code in an image, read with ZXing; empty when there is none.
QByteArray readQrCode(const QImage &image);
