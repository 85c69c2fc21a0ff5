#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantList>

#include "callhistorymodel.h"

namespace Nextup::Kiosk {

// What the board showed the last time it was live, kept on disk so that a board restarted during
// an outage shows it at once (marked stale, with its time) instead of a blank screen. `scope`
// names the server and the part of the floor the state belongs to: a file written for another
// server or another filter is not shown.
struct BoardState
{
    QDateTime savedAt; // when the board last had live data (UTC)
    QString scope;
    Call current;
    QList<Call> history;   // newest first
    QVariantList services; // the rows of the service list, as BoardController::services()

    // The file of an installed board: <cache location>/board-state.json.
    static QString defaultPath();
    // The state in `path`; nullopt (and `error`) when the file is missing, unreadable, not this
    // format or for another scope. Never throws on bad content: a corrupt file is only ignored.
    static std::optional<BoardState> load(const QString &path, const QString &scope,
                                          QString *error);
    // Writes atomically (QSaveFile): a crash or a power cut mid-write leaves the old file.
    bool save(const QString &path, QString *error) const;
};

} // namespace Nextup::Kiosk
