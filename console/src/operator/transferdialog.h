#pragma once

#include <QDialog>
#include <QJsonObject>

#include "nextup/client/types.h"

class QComboBox;
class QLineEdit;
class QRadioButton;

namespace Nextup::Console {

// Where a token goes: another service (anyone serving it may call it) or one counter. It keeps
// its original arrival time either way (the server does that).
class TransferDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferDialog)

public:
    TransferDialog(const QString &tokenNumber, const QList<ServiceQueue> &services,
                   const QList<CounterInfo> &counters, int ownCounterId, QWidget *parent = nullptr);
    ~TransferDialog() override;

    // {"service_id": n} or {"counter_id": n}.
    QJsonObject target() const;
    QString reason() const;

private:
    QRadioButton *m_toService = nullptr;
    QRadioButton *m_toCounter = nullptr;
    QComboBox *m_services = nullptr;
    QComboBox *m_counters = nullptr;
    QLineEdit *m_reason = nullptr;
};

} // namespace Nextup::Console
