#include "operator/deskrules.h"

#include "nextup/wire/enums.h"

namespace Nextup::Console {

DeskActions DeskActions::allowed(const DeskState &state)
{
    DeskActions can;
    if (state.busy || state.counterStatus.isEmpty())
        return can;
    const bool closed = state.counterStatus == Wire::toString(Wire::CounterStatus::Closed);
    const bool open = state.counterStatus == Wire::toString(Wire::CounterStatus::Open);
    const bool paused = state.counterStatus == Wire::toString(Wire::CounterStatus::Paused);
    const bool called = state.tokenStatus == Wire::toString(Wire::TokenStatus::Called);
    const bool serving = state.tokenStatus == Wire::toString(Wire::TokenStatus::Serving);
    // Opening a closed counter makes the caller its operator; a paused one resumes.
    can.open = closed || (paused && state.mine);
    if (!state.mine || closed)
        return can;
    can.pause = open;
    can.close = state.tokenStatus.isEmpty();
    // "Call next" while serving completes the current token first; while called it is refused.
    can.call = open && !called && (state.callable > 0 || state.stale);
    can.recall = called;
    can.serve = called;
    can.skip = called;
    can.complete = serving;
    can.transfer = called || serving;
    // The server assigns only to a counter with no token at it, called or being served.
    can.callChosen = open && state.tokenStatus.isEmpty();
    return can;
}

} // namespace Nextup::Console
