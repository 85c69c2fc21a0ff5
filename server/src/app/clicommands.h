#pragma once

namespace Nextup {

struct Config;

// The commands that run once and exit (everything but `serve`): migrate, seed --demo,
// create-admin and healthcheck. Each prints what it did (or why not) and returns the process's
// exit status: 0 done, 1 failed.
namespace CliCommands {

int run(const Config &config);

} // namespace CliCommands

} // namespace Nextup
