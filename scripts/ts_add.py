#!/usr/bin/env python3
"""Adds messages to Qt Linguist .ts files without running lupdate over them.

lupdate rewrites every file it touches (order, locations, obsolete entries); this adds only the
messages given, in the files' own 4-space layout, and leaves every other line alone. A message
that is already there (same context and source) is left as it is.

    scripts/ts_add.py MESSAGES.json translations/kiosk_%s.ts en es ar

MESSAGES.json: [{"context": "Dispenser", "file": "../kiosk/qml/Dispenser.qml",
                 "source": "Done", "comment": "optional", "numerus": false,
                 "en": "Done", "es": "Listo", "ar": "تم"}, ...]
For a numerus message each language's value is a list of forms. The source language's
translation is the source itself unless given.
"""
import json
import sys
from xml.sax.saxutils import escape


def quote(text):
    return escape(text, {'"': "&quot;", "'": "&apos;"})


def message_xml(msg, lang, source_language):
    lines = ['    <message%s>' % (' numerus="yes"' if msg.get("numerus") else "")]
    lines.append('        <location filename="%s"/>' % msg["file"])
    lines.append("        <source>%s</source>" % quote(msg["source"]))
    if msg.get("comment"):
        lines.append("        <extracomment>%s</extracomment>" % quote(msg["comment"]))
    value = msg.get(lang)
    if msg.get("numerus"):
        forms = value or []
        if lang == source_language and not forms:
            forms = [msg["source"], msg["source"]]
        lines.append("        <translation>")
        for form in forms:
            lines.append("            <numerusform>%s</numerusform>" % quote(form))
        lines.append("        </translation>")
    elif lang == source_language and not value:
        lines.append("        <translation>%s</translation>" % quote(msg["source"]))
    else:
        lines.append("        <translation>%s</translation>" % quote(value or ""))
    lines.append("    </message>")
    return "\n".join(lines)


def add(path, messages, lang, source_language="en"):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    added = 0
    for msg in messages:
        name = "<name>%s</name>" % msg["context"]
        source = "<source>%s</source>" % quote(msg["source"])
        block = message_xml(msg, lang, source_language)
        start = text.find("    " + name)
        if start >= 0:
            end = text.index("</context>", start)
            if source in text[start:end]:
                continue
            text = text[:end] + block + "\n" + text[end:]
        else:
            context = "<context>\n    %s\n%s\n</context>\n" % (name, block)
            end = text.rindex("</TS>")
            text = text[:end] + context + text[end:]
        added += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return added


def main():
    messages = json.load(open(sys.argv[1], encoding="utf-8"))
    pattern = sys.argv[2]
    for lang in sys.argv[3:]:
        path = pattern % lang
        print("%s: %d added" % (path, add(path, messages, lang)))


if __name__ == "__main__":
    main()
