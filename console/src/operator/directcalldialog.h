#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace Nextup::Console {

// Calling one chosen token out of turn (POST /api/tokens/:id/assign): the operator says why, and
// the reason is kept in the token's history. The Call button stays disabled until a reason is
// typed.
class DirectCallDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectCallDialog)

public:
    DirectCallDialog(const QString &tokenNumber, const QString &counterName,
                     QWidget *parent = nullptr);
    ~DirectCallDialog() override;

    QString reason() const;
    QLineEdit *reasonField() const { return m_reason; }
    QPushButton *callButton() const { return m_call; }

    // The server keeps at most this many characters.
    static constexpr int MaxReasonLength = 500;

private:
    QLineEdit *m_reason = nullptr;
    QPushButton *m_call = nullptr;
};

} // namespace Nextup::Console
