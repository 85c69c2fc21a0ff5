#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QtQmlIntegration>

namespace Nextup::Kiosk {

// One call as the board shows it.
struct Call
{
    qint64 tokenId = 0;
    QString tokenNumber; // D007
    int serviceId = 0;
    int counterId = 0;
    QString counterName; // the counter's name as the server has it ("Counter B")
    QDateTime calledAt;
    int recallCount = 0;

    bool isValid() const { return tokenId > 0; }
};

// The calls before the current one, newest first, at most `capacity` of them. A token appears
// once: when it is called again (a recall) it leaves the list and becomes the current call.
class CallHistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the BoardController")
    Q_DISABLE_COPY_MOVE(CallHistoryModel)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int capacity READ capacity CONSTANT)

public:
    enum Role
    {
        TokenIdRole = Qt::UserRole + 1,
        TokenNumberRole,
        ServiceIdRole,
        CounterIdRole,
        CounterNameRole,
        CalledAtRole,
    };
    Q_ENUM(Role)

    explicit CallHistoryModel(int capacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int capacity() const { return m_capacity; }
    const QList<Call> &calls() const { return m_calls; }
    // Puts `call` on top (removing an older entry of the same token) and drops the oldest
    // beyond capacity.
    void push(const Call &call);
    // Takes the token out (it became the current call again); false when it was not listed.
    bool remove(qint64 tokenId);
    void clear();
    // "D007 @ Counter B" rows for tests and logs.
    Q_INVOKABLE QStringList summary() const;

signals:
    void countChanged();

private:
    int indexOf(qint64 tokenId) const;

    QList<Call> m_calls;
    int m_capacity;
};

} // namespace Nextup::Kiosk
