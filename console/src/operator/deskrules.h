#pragma once

#include <QString>

namespace Nextup::Console {

// What the server would accept at a counter right now (server/src/domain/counterdesk.cpp), so
// the buttons are disabled instead of answering 409 or 403.
struct DeskState
{
    QString counterStatus; // Wire::CounterStatus; empty: no counter chosen
    bool mine = false;     // opened by this user (or the user is an admin)
    QString tokenStatus;   // Wire::TokenStatus: called, serving, or empty
    int callable = 0;      // waiting tokens this counter may call
    bool stale = false;    // the live view may be behind: let the server decide about calling
    bool busy = false;     // an action is on its way
};

struct DeskActions
{
    bool open = false; // also "resume" when paused
    bool pause = false;
    bool close = false;
    bool call = false;
    bool recall = false;
    bool serve = false;
    bool complete = false;
    bool skip = false;
    bool transfer = false;
    bool callChosen = false; // a chosen waiting token, out of turn (nobody may be at the counter)

    static DeskActions allowed(const DeskState &state);
};

} // namespace Nextup::Console
