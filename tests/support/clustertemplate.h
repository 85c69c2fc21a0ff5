#pragma once

#include <optional>

#include <QString>

#include "processhelpers.h"

// initdb costs 1-2 s of the ~2 s a TestServices start takes; copying a cluster that initdb made
// once costs 0.2 s. The template lives in /tmp, keyed by the initdb binary, its options and the
// user, is created under a lock (test executables run in parallel) and is only used once
// complete. NEXTUP_TEST_NO_PG_TEMPLATE=1 turns it off.
namespace TestSupport {

// The folder holding PostgreSQL's programs: NEXTUP_PG_BIN or Debian's /usr/lib/postgresql/15/bin.
QString postgresBinDir();

// Runs initdb for a throw-away cluster (trust, UTF8) into dataDir, as runAs when given.
bool runInitdb(const QString &dataDir, std::optional<SystemUser> runAs);

// Fills dataDir (which must not exist) with a copy of the template, making the template first
// if needed. false when that fails; the caller then runs initdb itself.
bool copyClusterTemplate(const QString &dataDir, std::optional<SystemUser> runAs);

// Deletes the template, e.g. when a cluster copied from it would not start.
void discardClusterTemplate();

} // namespace TestSupport
