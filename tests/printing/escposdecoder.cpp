#include "escposdecoder.h"

#include <ZXing/ReadBarcode.h>

#include <QPainter>
#include <QStringDecoder>

namespace {
constexpr uchar ESC = 0x1B, GS = 0x1D, DLE = 0x10, LF = 0x0A;

class Decoder
{
public:
    explicit Decoder(const QByteArray &bytes) : m_bytes(bytes) {}

    EscPosDocument run()
    {
        while (m_pos < m_bytes.size() && m_doc.error.isEmpty()) {
            const qsizetype start = m_pos;
            if (!step()) {
                m_pos = start; // an unfinished command: wait for more bytes
                break;
            }
            m_doc.consumed = m_pos;
        }
        if (!m_doc.error.isEmpty())
            m_doc.consumed = m_pos;
        return m_doc;
    }

private:
    bool has(qsizetype n) const { return m_pos + n <= m_bytes.size(); }
    uchar at(qsizetype i) const { return uchar(m_bytes[m_pos + i]); }

    void printed() { m_doc.endsWithCut = false; }

    void endLine()
    {
        QStringDecoder ibm858("IBM858");
        EscPosDocument::Line line{ibm858(m_text), m_width, m_height, m_align, m_bold};
        m_doc.lines.append(line);
        m_text.clear();
        m_lastWasImage = false;
        printed();
    }

    bool step()
    {
        const uchar b = at(0);
        if (b >= 0x20 && b != 0x7F) {
            m_text += char(b);
            ++m_pos;
            return true;
        }
        if (b == LF) {
            if (!m_text.isEmpty()) // a bare LF is a blank line: a feed, nothing to read
                endLine();
            ++m_pos;
            return true;
        }
        if (b == ESC)
            return escape();
        if (b == GS)
            return group();
        if (b == DLE) {
            if (!has(3))
                return false;
            if (at(1) == 0x04)
                m_doc.statusQueries.append(at(2));
            else
                fail();
            m_pos += 3;
            return true;
        }
        fail();
        return true;
    }

    bool escape()
    {
        if (!has(2))
            return false;
        const uchar c = at(1);
        if (c == '@') {
            m_doc.initialised = true;
            m_width = m_height = 1;
            m_align = 0;
            m_bold = false;
            m_pos += 2;
            return true;
        }
        if (!has(3))
            return false;
        const uchar n = at(2);
        switch (c) {
        case 't': m_doc.codeTable = n; break;
        case 'a': m_align = n % 48; break;
        case 'E': m_bold = n & 1; break;
        case 'd':
            if (!m_text.isEmpty())
                endLine();
            m_lastWasImage = false;
            break;
        default: fail(); return true;
        }
        m_pos += 3;
        return true;
    }

    bool group()
    {
        if (!has(2))
            return false;
        const uchar c = at(1);
        if (c == '!') {
            if (!has(3))
                return false;
            m_width = (at(2) >> 4) + 1;
            m_height = (at(2) & 7) + 1;
            m_pos += 3;
            return true;
        }
        if (c == 'V') {
            if (!has(3))
                return false;
            const bool withFeed = at(2) == 65 || at(2) == 66;
            if (withFeed && !has(4))
                return false;
            m_pos += withFeed ? 4 : 3;
            ++m_doc.cuts;
            m_doc.endsWithCut = true;
            m_lastWasImage = false;
            return true;
        }
        if (c == '(')
            return qr();
        if (c == 'v')
            return raster();
        fail();
        return true;
    }

    bool qr()
    {
        if (!has(5))
            return false;
        const int length = at(3) | (at(4) << 8);
        if (!has(5 + length))
            return false;
        if (at(2) != 'k' || length < 2 || at(5) != '1') {
            fail();
            return true;
        }
        const int fn = at(6);
        const QByteArray data = m_bytes.mid(m_pos + 7, length - 2);
        if (m_doc.qrCodes.isEmpty() || m_doc.qrCodes.last().printed)
            m_doc.qrCodes.append(EscPosDocument::Qr{});
        EscPosDocument::Qr &code = m_doc.qrCodes.last();
        switch (fn) {
        case 65: code.model = data.isEmpty() ? 0 : uchar(data[0]); break;
        case 67: code.moduleSize = data.isEmpty() ? 0 : uchar(data[0]); break;
        case 69: code.errorCorrection = data.isEmpty() ? 0 : uchar(data[0]); break;
        case 80: code.payload = data.mid(1); break; // after m = '0'
        case 81:
            code.printed = true;
            printed();
            break;
        default: fail(); return true;
        }
        m_pos += 5 + length;
        return true;
    }

    bool raster()
    {
        if (!has(8))
            return false;
        if (at(2) != '0') {
            fail();
            return true;
        }
        const int rowBytes = at(4) | (at(5) << 8);
        const int rows = at(6) | (at(7) << 8);
        if (!has(8 + qsizetype(rowBytes) * rows))
            return false;
        QImage band(rowBytes * 8, rows, QImage::Format_Grayscale8);
        for (int y = 0; y < rows; ++y)
            for (int x = 0; x < rowBytes * 8; ++x) {
                const uchar byte = at(8 + y * rowBytes + x / 8);
                band.scanLine(y)[x] = (byte & (0x80 >> (x % 8))) ? 0 : 255;
            }
        if (m_lastWasImage && m_doc.images.last().width() == band.width()) {
            QImage &last = m_doc.images.last();
            QImage joined(band.width(), last.height() + rows, QImage::Format_Grayscale8);
            QPainter painter(&joined);
            painter.drawImage(0, 0, last);
            painter.drawImage(0, last.height(), band);
            painter.end();
            last = joined;
        } else {
            m_doc.images.append(band);
        }
        m_lastWasImage = true;
        printed();
        m_pos += 8 + qsizetype(rowBytes) * rows;
        return true;
    }

    void fail()
    {
        m_doc.error = QStringLiteral("unknown command at %1: %2")
                          .arg(m_pos)
                          .arg(QString::fromLatin1(m_bytes.mid(m_pos, 4).toHex(' ')));
    }

    const QByteArray &m_bytes;
    qsizetype m_pos = 0;
    EscPosDocument m_doc;
    QByteArray m_text;
    int m_width = 1, m_height = 1, m_align = 0;
    bool m_bold = false;
    bool m_lastWasImage = false;
};
} // namespace

EscPosDocument decodeEscPos(const QByteArray &bytes)
{
    return Decoder(bytes).run();
}

const EscPosDocument::Line *EscPosDocument::lineContaining(const QString &text) const
{
    for (const Line &line : lines)
        if (line.text.contains(text))
            return &line;
    return nullptr;
}

QImage EscPosDocument::stackedImages() const
{
    int width = 0, height = 0;
    for (const QImage &image : images) {
        width = std::max(width, image.width());
        height += image.height();
    }
    QImage all(std::max(1, width), std::max(1, height), QImage::Format_Grayscale8);
    all.fill(Qt::white);
    QPainter painter(&all);
    int top = 0;
    for (const QImage &image : images) {
        painter.drawImage(0, top, image);
        top += image.height();
    }
    return all;
}

QByteArray readQrCode(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return {};
    // The raw bytes of the code: the payload exactly as encoded, no character set guessing.
    const ZXing::ByteArray &bytes = result.bytes();
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}
