#include "kiosktest.h"

#include <algorithm>

#include <QAccessible>
#include <QProcess>
#include <QQmlEngine>
#include <QQuickItem>
#include <QTest>

#include "kioskqml.h"

namespace KioskTest {

QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    if (!item)
        return nullptr;
    if (item->objectName() == name)
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

namespace {

void collectClipped(QQuickItem *item, QStringList *out)
{
    if (!item || !item->isVisible() || item->opacity() == 0)
        return;
    // Text.ElideNone is 3 (Qt::ElideNone), Text.NoWrap 0: a text that neither elides nor wraps
    // must fit, or its ends are cut off by the panel around it.
    if (item->inherits("QQuickText") && item->property("elide").toInt() == Qt::ElideNone &&
        item->property("wrapMode").toInt() == 0 && item->width() > 0) {
        const double painted = item->property("contentWidth").toDouble();
        if (painted > item->width() + 1) {
            out->append(QStringLiteral("%1 \"%2\": %3 px in %4 px")
                            .arg(item->objectName(), item->property("text").toString())
                            .arg(painted)
                            .arg(item->width()));
        }
    }
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collectClipped(child, out);
}

// The Accessible attached object of `item`, when QML gave it any Accessible property.
QObject *accessibleOf(const QObject *item)
{
    if (!item)
        return nullptr;
    for (QObject *child : item->children()) {
        if (child->inherits("QQuickAccessibleAttached"))
            return child;
    }
    return nullptr;
}

bool isIgnored(const QObject *item)
{
    const QObject *accessible = accessibleOf(item);
    return accessible && accessible->property("ignored").toBool();
}

// A name and a role a screen reader can announce. Qt Quick Controls name themselves after their
// text.
bool isNamed(const QObject *item)
{
    if (!item)
        return false;
    const QObject *accessible = accessibleOf(item);
    if (accessible && !accessible->property("ignored").toBool() &&
        !accessible->property("name").toString().trimmed().isEmpty() &&
        accessible->property("role").toInt() != QAccessible::NoRole)
        return true;
    return item->inherits("QQuickAbstractButton") &&
           !item->property("text").toString().trimmed().isEmpty();
}

bool isInteractive(const QQuickItem *item)
{
    static const char *const controls[] = {
        "QQuickMouseArea", "QQuickAbstractButton", "QQuickComboBox",
        "QQuickSlider",    "QQuickRangeSlider",    "QQuickSpinBox",
        "QQuickDial",      "QQuickTextField",      "QQuickTextArea"};
    for (const char *type : controls) {
        if (item->inherits(type))
            return true;
    }
    if ((item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit")) &&
        !item->property("readOnly").toBool())
        return true;
    if (item->inherits("QQuickFlickable") && item->property("interactive").toBool())
        return true;
    const QObjectList children = item->children();
    return std::any_of(children.cbegin(), children.cend(), [](const QObject *child) {
        return child->inherits("QQuickPointerHandler");
    });
}

void collectUnnamed(QQuickItem *item, QStringList *out)
{
    if (!item)
        return;
    if (isInteractive(item) && !isIgnored(item) && !isNamed(item) && !isNamed(item->parentItem())) {
        auto describe = [](const QObject *object) {
            if (!object)
                return QStringLiteral("-");
            return object->objectName().isEmpty()
                       ? QString::fromLatin1(object->metaObject()->className())
                       : object->objectName();
        };
        out->append(QStringLiteral("%1 (in %2)").arg(describe(item), describe(item->parentItem())));
    }
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collectUnnamed(child, out);
}

} // namespace

QStringList unnamedControls(QQuickItem *root)
{
    QStringList out;
    collectUnnamed(root, &out);
    return out;
}

Board::Board(const Nextup::Kiosk::KioskConfig &config, QSize size)
    : m_localizer(std::make_unique<Nextup::Kiosk::Localizer>()),
      m_controller(std::make_unique<Nextup::Kiosk::BoardController>(config)),
      m_view(std::make_unique<QQuickView>())
{
    Nextup::Kiosk::prepareEngine(*m_view->engine());
    m_localizer->setEngine(m_view->engine());
    m_localizer->setLanguage(config.language);
    QObject::connect(m_controller.get(), &Nextup::Kiosk::BoardController::languageRequested,
                     m_localizer.get(), &Nextup::Kiosk::Localizer::setLanguage);
    m_view->setInitialProperties(
        {{QStringLiteral("controller"), QVariant::fromValue(m_controller.get())}});
    m_view->setResizeMode(QQuickView::SizeRootObjectToView);
    m_view->resize(size);
    m_view->setSource(QUrl(QString::fromLatin1(Nextup::Kiosk::BoardQmlUrl)));
    for (const QQmlError &error : m_view->errors())
        m_errors += error.toString() + u'\n';
    m_loaded = m_view->status() == QQuickView::Ready && m_view->rootObject();
    m_view->show();
    m_controller->setQueueTiming(fastTiming());
    m_controller->start();
}

Board::~Board()
{
    // The view goes first: its bindings read the controller.
    m_view.reset();
    m_controller.reset();
}

QQuickItem *Board::root() const
{
    return m_view->rootObject();
}

QQuickItem *Board::item(const QString &objectName) const
{
    return findItem(root(), objectName);
}

QString Board::text(const QString &objectName) const
{
    QQuickItem *found = item(objectName);
    return found ? found->property("text").toString()
                 : QStringLiteral("<missing %1>").arg(objectName);
}

bool Board::isShown(const QString &objectName) const
{
    QQuickItem *found = item(objectName);
    return found && found->isVisible();
}

QStringList Board::fadedRows() const
{
    QStringList out;
    for (int row = 0;; ++row) {
        QQuickItem *token = item(QStringLiteral("historyToken_%1").arg(row));
        if (!token)
            break;
        if (token->parentItem()->opacity() < 0.99 || token->y() < 0)
            out << QStringLiteral("row %1 (%2) opacity %3")
                       .arg(row)
                       .arg(token->property("text").toString())
                       .arg(token->parentItem()->opacity());
    }
    return out;
}

QStringList Board::clippedTexts() const
{
    QStringList out;
    collectClipped(root(), &out);
    return out;
}

Nextup::QueueClient::Timing fastTiming()
{
    Nextup::QueueClient::Timing timing;
    timing.reconnectInitialMs = 200;
    timing.reconnectMaxMs = 1000;
    return timing;
}

QProcessEnvironment appEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("NEXTUP_KIOSK_PASSWORD"), QStringLiteral("kiosk123"));
    return env;
}

void runUntilSignedIn(const QStringList &arguments)
{
    QProcess app;
    app.setProcessEnvironment(appEnvironment());
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(NEXTUP_KIOSK_BIN), arguments);
    QVERIFY(app.waitForStarted());
    QString output;
    QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(app.readAll())).contains(u"signed in"),
                             10000);
    QTest::qWait(500);
    output += QString::fromUtf8(app.readAll());
    QCOMPARE(app.state(), QProcess::Running);
    app.terminate();
    QVERIFY(app.waitForFinished(5000));
    output += QString::fromUtf8(app.readAll());
    QVERIFY2(!output.contains(u"qrc:") && !output.contains(u".qml"), qPrintable(output));
}

} // namespace KioskTest
