#include "nextup/wire/records.h"

#include <type_traits>

#include <QJsonArray>

#include "nextup/wire/isotime.h"

namespace Nextup::Wire {

namespace {

// (Used only in a discarded branch, which clang counts as unused.)
template <typename T> [[maybe_unused]] constexpr bool dependentFalse = false;

template <typename T> bool isEmpty(const T &value)
{
    if constexpr (std::is_arithmetic_v<T>)
        return value == 0;
    else if constexpr (std::is_same_v<T, QDateTime>)
        return !value.isValid();
    else if constexpr (std::is_same_v<T, std::optional<CurrentToken>>)
        return !value.has_value();
    else if constexpr (std::is_same_v<T, QJsonValue>)
        return value.isNull() || value.isUndefined();
    else
        return value.isEmpty();
}

template <typename T> QJsonValue toValue(const T &value)
{
    if constexpr (std::is_same_v<T, QDateTime>) {
        return isoTime(value);
    } else if constexpr (std::is_same_v<T, QList<int>>) {
        QJsonArray array;
        for (int item : value)
            array.append(item);
        return array;
    } else if constexpr (std::is_same_v<T, std::optional<CurrentToken>>) {
        return value ? QJsonValue(value->toJson()) : QJsonValue();
    } else if constexpr (std::is_same_v<T, Texts>) {
        return textsJson(value);
    } else {
        return QJsonValue(value);
    }
}

template <typename T> void fromValue(const QJsonValue &value, T &field)
{
    if constexpr (std::is_same_v<T, bool>) {
        field = value.toBool(field);
    } else if constexpr (std::is_same_v<T, int>) {
        field = value.toInt();
    } else if constexpr (std::is_same_v<T, qint64>) {
        field = value.toInteger();
    } else if constexpr (std::is_same_v<T, QString>) {
        field = value.toString();
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        field = parseTime(value);
    } else if constexpr (std::is_same_v<T, QJsonValue>) {
        field = value;
    } else if constexpr (std::is_same_v<T, QList<int>>) {
        field.clear();
        for (const QJsonValue item : value.toArray())
            field.append(item.toInt());
    } else if constexpr (std::is_same_v<T, std::optional<CurrentToken>>) {
        field = value.isObject() ? std::optional(CurrentToken::fromJson(value.toObject()))
                                 : std::nullopt;
    } else if constexpr (std::is_same_v<T, Texts>) {
        field.clear();
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            if (it.value().isString())
                field.insert(it.key(), it.value().toString());
    } else {
        static_assert(dependentFalse<T>, "no JSON form for this member type");
    }
}

struct ObjectWriter
{
    QJsonObject json;

    template <typename T>
    void operator()(QLatin1StringView key, const T &field, Empty empty = Empty::AsIs)
    {
        json.insert(key, empty == Empty::Null && isEmpty(field) ? QJsonValue() : toValue(field));
    }
};

// Only the members that `json` carries: the others keep what they hold.
struct ObjectReader
{
    const QJsonObject &json;

    template <typename T> void operator()(QLatin1StringView key, T &field, Empty = Empty::AsIs)
    {
        const auto found = json.constFind(key);
        if (found != json.constEnd())
            fromValue(*found, field);
    }
};

template <typename Record, typename... Options>
QJsonObject write(const Record &record, Options... options)
{
    ObjectWriter writer;
    Record::members(record, writer, options...);
    return writer.json;
}

template <typename Record, typename... Options>
void read(const QJsonObject &json, Record &record, Options... options)
{
    ObjectReader reader{json};
    Record::members(record, reader, options...);
}

template <typename Record, typename... Options>
Record readNew(const QJsonObject &json, Options... options)
{
    Record record;
    read(json, record, options...);
    return record;
}

} // namespace

QJsonObject textsJson(const Texts &texts)
{
    QJsonObject object;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QString inLanguage(const Texts &texts, const QString &fallback, const QString &language)
{
    const QString text = texts.value(language.section(u'_', 0, 0).section(u'-', 0, 0));
    return text.isEmpty() ? fallback : text;
}

Token Token::fromJson(const QJsonObject &json)
{
    return readNew<Token>(json, true, true);
}

QJsonObject Token::toJson(bool withCustomerInfo) const
{
    return write(*this, withCustomerInfo, true);
}

CreatedToken CreatedToken::fromJson(const QJsonObject &json)
{
    return readNew<CreatedToken>(json);
}

QJsonObject CreatedToken::toJson() const
{
    return write(*this);
}

TokenProgress TokenProgress::fromJson(const QJsonObject &json)
{
    return readNew<TokenProgress>(json);
}

QJsonObject TokenProgress::toJson() const
{
    return write(*this);
}

CurrentToken CurrentToken::fromJson(const QJsonObject &json)
{
    return readNew<CurrentToken>(json);
}

QJsonObject CurrentToken::toJson() const
{
    return write(*this);
}

Counter Counter::fromJson(const QJsonObject &json)
{
    return readNew<Counter>(json, Form::Live);
}

void Counter::update(const QJsonObject &json)
{
    read(json, *this, Form::Live);
}

QJsonObject Counter::toJson(Form form) const
{
    return write(*this, form);
}

Service Service::fromJson(const QJsonObject &json)
{
    return readNew<Service>(json, Form::Live);
}

QJsonObject Service::toJson(Form form) const
{
    return write(*this, form);
}

QueueToken QueueToken::fromJson(const QJsonObject &json, int serviceId)
{
    QueueToken token;
    token.serviceId = serviceId;
    read(json, token, true);
    return token;
}

QJsonObject QueueToken::toJson() const
{
    return write(*this, true);
}

bool QueueToken::goesBefore(const QueueToken &other) const
{
    if (priority != other.priority)
        return priority > other.priority;
    if (arrivalAt != other.arrivalAt)
        return arrivalAt < other.arrivalAt;
    return id < other.id;
}

ServiceQueue ServiceQueue::fromJson(const QJsonObject &json)
{
    ServiceQueue queue;
    read<Service>(json, queue, Form::Live);
    for (const QJsonValue value : json.value(Key::Tokens).toArray())
        queue.tokens.append(QueueToken::fromJson(value.toObject(), queue.id));
    return queue;
}

QJsonObject ServiceQueue::toJson() const
{
    QJsonObject json = Service::toJson(Form::Live);
    QJsonArray list;
    for (const QueueToken &token : tokens)
        list.append(write(token, false));
    json.insert(Key::Tokens, list);
    return json;
}

QueueSnapshot QueueSnapshot::fromJson(const QJsonObject &json)
{
    QueueSnapshot snapshot;
    snapshot.seq = json.value(Key::Seq).toInteger();
    snapshot.at = parseTime(json.value(Key::At));
    for (const QJsonValue value : json.value(Key::Services).toArray())
        snapshot.services.append(ServiceQueue::fromJson(value.toObject()));
    for (const QJsonValue value : json.value(Key::Counters).toArray())
        snapshot.counters.append(Counter::fromJson(value.toObject()));
    return snapshot;
}

QJsonObject QueueSnapshot::toJson() const
{
    QJsonArray serviceList;
    for (const ServiceQueue &service : services)
        serviceList.append(service.toJson());
    QJsonArray counterList;
    for (const Counter &counter : counters)
        counterList.append(counter.toJson(Form::Live));
    return {{Key::Seq, seq},
            {Key::At, isoTime(at)},
            {Key::Services, serviceList},
            {Key::Counters, counterList}};
}

QueueUpdate QueueUpdate::fromJson(const QJsonObject &json)
{
    return readNew<QueueUpdate>(json);
}

QJsonObject QueueUpdate::toJson() const
{
    return write(*this);
}

Branch Branch::fromJson(const QJsonObject &json)
{
    return readNew<Branch>(json);
}

QJsonObject Branch::toJson() const
{
    return write(*this);
}

User User::fromJson(const QJsonObject &json)
{
    return readNew<User>(json);
}

QJsonObject User::toJson() const
{
    return write(*this);
}

} // namespace Nextup::Wire
