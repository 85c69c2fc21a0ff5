// Nextup booking page: an appointment as an iCalendar file (RFC 5545), made in the browser, so that
// "Add to calendar" works with any calendar app and sends nothing anywhere.
'use strict';

window.NextupCalendar = (function () {
    const LINE_OCTETS = 75; // RFC 5545 3.1: lines longer than this are folded

    // TEXT values (3.3.11): backslash, semicolon, comma and line breaks are escaped.
    function escapeText(text) {
        return String(text)
            .replace(/\\/g, '\\\\')
            .replace(/;/g, '\\;')
            .replace(/,/g, '\\,')
            .replace(/\r\n|\r|\n/g, '\\n');
    }

    // 20261208T044500Z: a DATE-TIME in UTC (3.3.5, form #2).
    function utc(date) {
        return new Date(date).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    }

    // Folds one content line into pieces of at most 75 octets of UTF-8 (the continuation's leading
    // space counts), never cutting inside a character.
    function fold(line) {
        const encoder = new TextEncoder();
        const pieces = [];
        let piece = '';
        let octets = 0;
        for (const char of line) { // by code point: a surrogate pair stays whole
            const size = encoder.encode(char).length;
            const limit = pieces.length ? LINE_OCTETS - 1 : LINE_OCTETS;
            if (octets + size > limit) {
                pieces.push(piece);
                piece = '';
                octets = 0;
            }
            piece += char;
            octets += size;
        }
        pieces.push(piece);
        return pieces.join('\r\n ');
    }

    // event: {uid, start, end, summary, description, url, alarmMinutes?, alarmText?}; times are
    // anything Date takes. Returns the file's text, CRLF line endings, ending with one.
    function build(event) {
        const lines = [
            'BEGIN:VCALENDAR',
            'VERSION:2.0',
            'PRODID:-//Nextup//Booking page//EN',
            'CALSCALE:GREGORIAN',
            'METHOD:PUBLISH',
            'BEGIN:VEVENT',
            'UID:' + event.uid,
            'DTSTAMP:' + utc(event.stamp || Date.now()),
            'DTSTART:' + utc(event.start),
            'DTEND:' + utc(event.end),
            'SUMMARY:' + escapeText(event.summary),
            'DESCRIPTION:' + escapeText(event.description),
            'URL:' + event.url,
            'STATUS:CONFIRMED',
            'TRANSP:OPAQUE',
        ];
        if (event.alarmMinutes > 0) {
            lines.push('BEGIN:VALARM', 'ACTION:DISPLAY',
                       'DESCRIPTION:' + escapeText(event.alarmText || event.summary),
                       'TRIGGER;RELATED=START:-PT' + Math.round(event.alarmMinutes) + 'M', 'END:VALARM');
        }
        lines.push('END:VEVENT', 'END:VCALENDAR');
        return lines.map(fold).join('\r\n') + '\r\n';
    }

    return { build, fold, escapeText, utc };
})();
