#pragma once

// tst_console_operator: the operator's console against a real server (see
// tst_console_operator.cpp).

#include <memory>

#include <QLabel>
#include <QObject>
#include <QPushButton>
#include <QTemporaryDir>

#include "app/mainwindow.h"
#include "consoletest.h"
#include "nextup/client/queuejobs.h"
#include "operator/operatorpage.h"
#include "operator/workpanel.h"

class TestConsoleOperator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void serveTokenThroughTheWidgets();
    void waitingListFollowsEvents();
    void refusalsAreExplained();
    void staleBannerWhileServerIsDown();
    void pauseAndTransferThroughDialogs();
    void noKeychainMeansNothingStored();
    void screenshotsInEnglishAndArabic();
    void expiredSessionReturnsToSignIn();
    void adminSeesAdminPages();

private:
    Nextup::Console::MainWindow &window() { return *m_console->window; }
    Nextup::Console::OperatorPage *page() { return window().operatorPage(); }
    QPushButton *button(Nextup::CounterAction action)
    {
        return page()->workPanel()->button(action);
    }
    QString currentNumber() { return ConsoleTest::child<QLabel>(page(), "currentNumber")->text(); }
    // Presses the key (or clicks the button) and waits for that action's answer.
    bool act(Nextup::CounterAction action, bool byKey);

    ConsoleTest::Backend m_backend;
    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleTest::Console> m_console;
};
