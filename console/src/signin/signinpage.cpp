#include "signin/signinpage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Nextup::Console {

namespace {
QLineEdit *field(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setMinimumWidth(280);
    return edit;
}
} // namespace

SignInPage::SignInPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("signInPage"));
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("signInCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setMaximumWidth(520);
    card->setStyleSheet(QStringLiteral("QFrame#signInCard { background: palette(base); "
                                       "border: 1px solid palette(mid); border-radius: 8px; }"));

    auto *title = new QLabel(tr("Nextup console"), card);
    title->setObjectName(QStringLiteral("signInTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    auto *subtitle = new QLabel(tr("Sign in to serve customers at your counter."), card);
    subtitle->setWordWrap(true);

    m_server = field(card, QStringLiteral("serverField"), tr("Server address"));
    m_server->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly);
    m_server->setLayoutDirection(Qt::LeftToRight); // an address reads left to right in any language
    m_username = field(card, QStringLiteral("usernameField"), tr("Username"));
    m_password = field(card, QStringLiteral("passwordField"), tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("&Remember me on this computer"), card);
    m_remember->setObjectName(QStringLiteral("rememberBox"));
    m_remember->setAccessibleDescription(
        tr("Keeps you signed in through the system keychain; your password is never stored."));
    m_keychainNote = new QLabel(card);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->hide();
    m_message = new QLabel(card);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    // Amber, as the operator page's "Reconnecting" banner: the console is waiting, not failing.
    m_retryPanel = new QFrame(card);
    m_retryPanel->setObjectName(QStringLiteral("serverRetryPanel"));
    m_retryPanel->setStyleSheet(
        QStringLiteral("QFrame#serverRetryPanel { background: #fff4ce; border: 1px solid #e0b400; "
                       "border-radius: 6px; } QFrame#serverRetryPanel QLabel { color: #4d3800; }"));
    m_retryMessage = new QLabel(m_retryPanel);
    m_retryMessage->setObjectName(QStringLiteral("serverRetryMessage"));
    m_retryMessage->setWordWrap(true);
    m_retryMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_retryMessage->font();
    bold.setBold(true);
    m_retryMessage->setFont(bold);
    m_retryDetail = new QLabel(m_retryPanel);
    m_retryDetail->setObjectName(QStringLiteral("serverRetryDetail"));
    m_retryDetail->setWordWrap(true);
    m_retryDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryNow = new QPushButton(tr("Retry &now"), m_retryPanel);
    m_retryNow->setObjectName(QStringLiteral("retryNowButton"));
    m_retryNow->setAccessibleName(tr("Retry now"));
    m_retryNow->setAutoDefault(false);
    // The button under the text, not beside it: the whole width goes to the address.
    auto *retryLayout = new QVBoxLayout(m_retryPanel);
    retryLayout->setContentsMargins(12, 8, 8, 8);
    retryLayout->setSpacing(2);
    retryLayout->addWidget(m_retryMessage);
    auto *retryBottom = new QHBoxLayout;
    retryBottom->addWidget(m_retryDetail, 1);
    retryBottom->addWidget(m_retryNow, 0, Qt::AlignBottom);
    retryLayout->addLayout(retryBottom);
    m_retryPanel->hide();

    m_signIn = new QPushButton(tr("&Sign in"), card);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_signIn->setMinimumSize(160, 40);
    m_signIn->setAutoDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Ser&ver address:"), m_server);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_keychainNote);

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(32, 28, 32, 28);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(title);
    cardLayout->addWidget(subtitle);
    cardLayout->addWidget(m_retryPanel);
    cardLayout->addSpacing(8);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_message);
    cardLayout->addWidget(m_signIn, 0, Qt::AlignRight);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(card, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_retryNow, &QPushButton::clicked, this, &SignInPage::retryRequested);
    for (QLineEdit *edit : {m_server, m_username, m_password})
        connect(edit, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_remember, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            emit rememberChecked();
    });
}

SignInPage::~SignInPage() = default;

void SignInPage::setServer(const QUrl &url)
{
    m_server->setText(url.toString());
}

void SignInPage::setUsername(const QString &username)
{
    m_username->setText(username);
}

void SignInPage::setBusy(bool busy, const QString &what)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_username),
                            static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_signIn)})
        widget->setEnabled(!busy);
    m_remember->setEnabled(!busy && m_keychainAvailable);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
    if (busy)
        showNotice(what);
}

void SignInPage::setMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                   : QString());
    m_message->setAccessibleName(message);
}

void SignInPage::showError(const QString &message)
{
    setMessage(message, true);
}

void SignInPage::showNotice(const QString &message)
{
    setMessage(message, false);
}

void SignInPage::setKeychainAvailable(bool available, const QString &reason)
{
    m_keychainAvailable = available;
    if (!available)
        m_remember->setChecked(false);
    m_remember->setEnabled(available);
    m_keychainNote->setText(
        available ? QString()
                  : tr("No system keychain is available on this computer (%1), so the console "
                       "cannot remember you. Nothing will be saved; sign in each time.")
                        .arg(reason));
    m_keychainNote->setVisible(!available);
}

void SignInPage::showServerRetry(const QString &message, const QString &detail)
{
    m_retryMessage->setText(message);
    m_retryMessage->setAccessibleName(message);
    m_retryDetail->setText(detail);
    m_retryDetail->setVisible(!detail.isEmpty());
    m_retryPanel->setVisible(!message.isEmpty());
}

bool SignInPage::isServerRetryShown() const
{
    return !m_retryPanel->isHidden();
}

void SignInPage::focusFirstEmptyField()
{
    for (QLineEdit *edit : {m_server, m_username, m_password}) {
        if (edit->text().isEmpty()) {
            edit->setFocus();
            return;
        }
    }
    m_password->setFocus();
}

void SignInPage::clearPassword()
{
    m_password->clear();
}

void SignInPage::submit()
{
    if (!m_signIn->isEnabled())
        return;
    QString address = m_server->text().trimmed();
    if (!address.contains(QStringLiteral("://")))
        address.prepend(QStringLiteral("http://"));
    const QUrl url(address, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        showError(tr("The server address is not valid, e.g. http://127.0.0.1:8080"));
        m_server->setFocus();
        return;
    }
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your username and password."));
        focusFirstEmptyField();
        return;
    }
    emit signInRequested(url, m_username->text().trimmed(), m_password->text(),
                         m_remember->isChecked() && m_keychainAvailable);
}

} // namespace Nextup::Console
