#pragma once

#include <memory>

#include <QProcessEnvironment>
#include <QQuickView>
#include <QString>

#include "boardcontroller.h"
#include "kioskconfig.h"
#include "localizer.h"

class QQuickItem;

namespace KioskTest {

// One board as the app runs it: a BoardController and the real Board.qml in an offscreen
// QQuickView of the given size, in the config's language, started with fastTiming().
class Board
{
public:
    Board(const Nextup::Kiosk::KioskConfig &config, QSize size);
    ~Board();
    Q_DISABLE_COPY_MOVE(Board)

    bool isLoaded() const { return m_loaded; }
    QString errors() const { return m_errors; }
    Nextup::Kiosk::BoardController &controller() { return *m_controller; }
    QQuickView &view() { return *m_view; }
    QQuickItem *root() const;

    // The item with that objectName anywhere in the visual tree (ListView and Repeater rows
    // included); nullptr when there is none.
    QQuickItem *item(const QString &objectName) const;
    // Its `text`, or "<missing NAME>" so a QCOMPARE says what was not found.
    QString text(const QString &objectName) const;
    bool isShown(const QString &objectName) const; // exists and visible, parents included
    // Visible Text items whose text does not fit their width (and is not elided): "name: text".
    QStringList clippedTexts() const;
    // Rows of the earlier calls that are not fully shown (an animation left them half way).
    QStringList fadedRows() const;

private:
    std::unique_ptr<Nextup::Kiosk::Localizer> m_localizer;
    std::unique_ptr<Nextup::Kiosk::BoardController> m_controller;
    std::unique_ptr<QQuickView> m_view;
    QString m_errors;
    bool m_loaded = false;
};

// Interactive items under `root` (MouseArea, TapHandler and other pointer handlers, Qt Quick
// Controls buttons, text fields, combo boxes, sliders, interactive Flickables) that a screen reader
// cannot name: neither the item nor the control it backs (its parent, for a MouseArea or a
// handler filling a Rectangle) has an Accessible.name and an Accessible.role. Items marked
// Accessible.ignored are input blockers, not controls. Hidden items count too: the settings
// panel's keys exist before it opens. "objectName or class (parent's)" per offender.
QStringList unnamedControls(QQuickItem *root);

// The item with that objectName under `item` (itself included); nullptr when there is none.
QQuickItem *findItem(QQuickItem *item, const QString &name);

// The environment the real nextup-kiosk runs in: offscreen, the demo kiosk account's password.
QProcessEnvironment appEnvironment();
// Runs the real nextup-kiosk with `arguments` until it has signed in, lets it run half a second
// and stops it; fails the test when it stopped by itself or printed a QML error.
void runUntilSignedIn(const QStringList &arguments);

// Fast reconnects, so a server restart is noticed and repaired in about a second.
Nextup::QueueClient::Timing fastTiming();

} // namespace KioskTest
