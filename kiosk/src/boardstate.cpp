#include "boardstate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include "nextup/wire/isotime.h"

namespace Nextup::Kiosk {

namespace {

constexpr int FormatVersion = 1;
constexpr qint64 MaxFileSize = 1 << 20; // a board's state is a few kB; anything bigger is junk

QJsonObject callToJson(const Call &call)
{
    return {{QStringLiteral("token_id"), call.tokenId},
            {QStringLiteral("token_number"), call.tokenNumber},
            {QStringLiteral("service_id"), call.serviceId},
            {QStringLiteral("counter_id"), call.counterId},
            {QStringLiteral("counter_name"), call.counterName},
            {QStringLiteral("called_at"), Wire::isoTime(call.calledAt)},
            {QStringLiteral("recall_count"), call.recallCount}};
}

Call callFromJson(const QJsonObject &json)
{
    Call call;
    call.tokenId = json.value(u"token_id").toInteger();
    call.tokenNumber = json.value(u"token_number").toString();
    call.serviceId = json.value(u"service_id").toInt();
    call.counterId = json.value(u"counter_id").toInt();
    call.counterName = json.value(u"counter_name").toString();
    call.calledAt = Wire::parseTime(json.value(u"called_at"));
    call.recallCount = json.value(u"recall_count").toInt();
    return call;
}

// A service row as the QML list reads it; nullopt when a field the list shows is missing.
std::optional<QVariantMap> serviceFromJson(const QJsonValue &value)
{
    const QJsonObject json = value.toObject();
    if (!json.value(u"id").isDouble() || !json.value(u"code").isString() ||
        !json.value(u"name").isString() || !json.value(u"waiting").isDouble())
        return std::nullopt;
    return QVariantMap{{QStringLiteral("id"), json.value(u"id").toInt()},
                       {QStringLiteral("code"), json.value(u"code").toString()},
                       {QStringLiteral("name"), json.value(u"name").toString()},
                       {QStringLiteral("waiting"), json.value(u"waiting").toInt()},
                       {QStringLiteral("eta"), json.value(u"eta").toInt()}};
}

} // namespace

QString BoardState::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("board-state.json"));
}

std::optional<BoardState> BoardState::load(const QString &path, const QString &scope,
                                           QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        *error = QStringLiteral("no saved state at %1").arg(path);
        return std::nullopt;
    }
    if (file.size() > MaxFileSize || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject json = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject() ||
        json.value(u"version").toInt() != FormatVersion) {
        *error = QStringLiteral("%1 is not a saved board state").arg(path);
        return std::nullopt;
    }
    BoardState state;
    state.savedAt = Wire::parseTime(json.value(u"saved_at"));
    state.scope = json.value(u"scope").toString();
    if (!state.savedAt.isValid()) {
        *error = QStringLiteral("%1 has no valid saved_at").arg(path);
        return std::nullopt;
    }
    if (state.scope != scope) {
        *error = QStringLiteral("%1 was saved for another board (%2)").arg(path, state.scope);
        return std::nullopt;
    }
    state.current = callFromJson(json.value(u"current").toObject());
    for (const QJsonValue value : json.value(u"history").toArray()) {
        const Call call = callFromJson(value.toObject());
        if (call.isValid() && !call.tokenNumber.isEmpty())
            state.history.append(call);
    }
    for (const QJsonValue value : json.value(u"services").toArray()) {
        if (const auto service = serviceFromJson(value))
            state.services.append(*service);
    }
    return state;
}

bool BoardState::save(const QString &path, QString *error) const
{
    QJsonArray historyJson;
    for (const Call &call : history)
        historyJson.append(callToJson(call));
    QJsonObject json{{QStringLiteral("version"), FormatVersion},
                     {QStringLiteral("saved_at"), Wire::isoTime(savedAt)},
                     {QStringLiteral("scope"), scope},
                     {QStringLiteral("history"), historyJson},
                     {QStringLiteral("services"), QJsonArray::fromVariantList(services)}};
    if (current.isValid())
        json.insert(QStringLiteral("current"), callToJson(current));

    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create the folder of %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(json).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Nextup::Kiosk
