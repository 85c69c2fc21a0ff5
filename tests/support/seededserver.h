#pragma once

#include <memory>

#include <QList>
#include <QPair>
#include <QString>

#include "serverprocess.h"

class TestServices;

// How most suites begin: database `database` created in `services`, and a nextup-server on it,
// migrated, seeded with the demo data and answering /readyz. Rate limits are out of reach (a suite
// about limits sets its own in `environment`, which is applied last). With fixedPort the server
// restarts on the same port, so clients can reconnect to one address. nullptr when a step failed
// (the server's output has been shown).
std::unique_ptr<ServerProcess>
startSeededServer(TestServices &services, const QString &database,
                  const QList<QPair<QString, QString>> &environment = {}, bool fixedPort = false);
