#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTest>

#include "nextup/jwt.h"

using Nextup::Jwt::VerifyError;
namespace Jwt = Nextup::Jwt;

// Readable QCOMPARE output, found by argument-dependent lookup.
namespace Nextup::Jwt {
char *toString(VerifyError error)
{
    return QTest::toString(describe(error));
}
} // namespace Nextup::Jwt

Q_DECLARE_METATYPE(Nextup::Jwt::VerifyError)

namespace {

const QByteArray Secret = "0123456789abcdef0123456789abcdef";
const QString Issuer = QStringLiteral("nextup");
const QString Audience = QStringLiteral("nextup-api");
const qint64 Now = 1'700'000'000;

QDateTime nowTime()
{
    return QDateTime::fromSecsSinceEpoch(Now, Qt::UTC);
}

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Builds a token by hand, independently of Jwt::sign, so that tests can forge any header.
QByteArray forge(const QByteArray &header, const QByteArray &payload, const QByteArray &key,
                 QCryptographicHash::Algorithm mac = QCryptographicHash::Sha256)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    return input + '.' + b64(QMessageAuthenticationCode::hash(input, key, mac));
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A payload that passes every check at Now; `changes` are merged in (null removes a claim).
QByteArray claims(const QJsonObject &changes = {})
{
    QJsonObject payload{{"sub", 7},        {"role", "operator"}, {"iss", Issuer},
                        {"aud", Audience}, {"iat", Now - 60},    {"exp", Now + 900}};
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull())
            payload.remove(it.key());
        else
            payload.insert(it.key(), it.value());
    }
    return json(payload);
}

const QByteArray Hs256Header = R"({"alg":"HS256","typ":"JWT"})";

QByteArray good(const QJsonObject &changes = {})
{
    return forge(Hs256Header, claims(changes), Secret);
}

QByteArray replaceSegment(const QByteArray &token, int index, const QByteArray &segment)
{
    QList<QByteArray> parts = token.split('.');
    parts[index] = segment;
    return parts.join('.');
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void rfc7515AppendixA1();
    void signWritesFixedHeader();
    void roundTrip();
    void verifyCases_data();
    void verifyCases();
    void unverifiedPayload();
    void describeIsDistinct();
};

// RFC 7515 Appendix A.1: the exact bytes (with CRLF) of the example JWS, its key and signature.
void TestJwt::rfc7515AppendixA1()
{
    const QByteArray header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
    const QByteArray payload =
        "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
    const QByteArray key = QByteArray::fromBase64(
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
        QByteArray::Base64UrlEncoding);
    QCOMPARE(key.size(), 64);

    const QByteArray signingInput = b64(header) + '.' + b64(payload);
    QCOMPARE(
        signingInput,
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0"
        "cnVlfQ");
    const QByteArray signature =
        b64(QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256));
    QCOMPARE(signature, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    const QByteArray token = signingInput + '.' + signature;
    const auto before = QDateTime::fromSecsSinceEpoch(1300819380 - 3600, Qt::UTC);
    const auto accepted = Jwt::verify(token, key, QStringLiteral("joe"), QString(), before);
    QCOMPARE(accepted.error, VerifyError::None);
    QCOMPARE(accepted.payload.value("iss").toString(), QStringLiteral("joe"));
    QCOMPARE(accepted.payload.value("http://example.com/is_root").toBool(), true);

    const auto after = QDateTime::fromSecsSinceEpoch(1300819380 + 60, Qt::UTC);
    QCOMPARE(Jwt::verify(token, key, QStringLiteral("joe"), QString(), after).error,
             VerifyError::Expired);
    QCOMPARE(Jwt::verify(token, key, QStringLiteral("joe"), QStringLiteral("x"), before).error,
             VerifyError::WrongAudience);
    QCOMPARE(Jwt::verify(token, key.left(63), QStringLiteral("joe"), QString(), before).error,
             VerifyError::BadSignature);
}

void TestJwt::signWritesFixedHeader()
{
    const QByteArray token = Jwt::sign(QJsonObject{{"exp", Now}}, Secret);
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    QCOMPARE(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding),
             R"({"alg":"HS256","typ":"JWT"})");
    QVERIFY(!token.contains('='));
    // Same input, same token: the independent forge() agrees byte for byte.
    QCOMPARE(token, forge(Hs256Header, R"({"exp":1700000000})", Secret));
}

void TestJwt::roundTrip()
{
    const QJsonObject payload{{"sub", 42},     {"role", "admin"}, {"name", "Zoë Ünal"},
                              {"iss", Issuer}, {"aud", Audience}, {"exp", Now + 900}};
    const QByteArray token = Jwt::sign(payload, Secret);
    const auto result = Jwt::verify(token, Secret, Issuer, Audience, nowTime());
    QCOMPARE(result.error, VerifyError::None);
    QVERIFY(result.ok());
    QCOMPARE(result.payload, payload);

    // A default-constructed "now" must not mean 1970, when every token is still fresh.
    const QByteArray old = Jwt::sign(QJsonObject{{"exp", Now}}, Secret);
    QCOMPARE(Jwt::verify(old, Secret, {}, {}, QDateTime()).error, VerifyError::Expired);
}

void TestJwt::verifyCases_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<VerifyError>("expected");

    const QByteArray token = good();
    const QList<QByteArray> parts = token.split('.');
    const QByteArray none = R"({"alg":"none","typ":"JWT"})";

    QTest::newRow("valid") << token << Secret << VerifyError::None;
    QTest::newRow("tampered payload") << replaceSegment(token, 1, b64(claims({{"role", "admin"}})))
                                      << Secret << VerifyError::BadSignature;
    QByteArray flipped = parts[2];
    flipped[0] = flipped[0] == 'A' ? 'B' : 'A';
    QTest::newRow("tampered signature")
        << replaceSegment(token, 2, flipped) << Secret << VerifyError::BadSignature;
    QTest::newRow("signature missing")
        << replaceSegment(token, 2, {}) << Secret << VerifyError::BadSignature;
    QTest::newRow("wrong secret") << token << QByteArray("another secret")
                                  << VerifyError::BadSignature;
    QTest::newRow("empty secret") << forge(Hs256Header, claims(), {}) << QByteArray()
                                  << VerifyError::BadSignature;

    QTest::newRow("alg none, no signature")
        << b64(none) + '.' + b64(claims()) + '.' << Secret << VerifyError::UnsupportedAlgorithm;
    QTest::newRow("alg none, signed")
        << forge(none, claims(), Secret) << Secret << VerifyError::UnsupportedAlgorithm;
    QTest::newRow("alg HS512") << forge(R"({"alg":"HS512","typ":"JWT"})", claims(), Secret,
                                        QCryptographicHash::Sha512)
                               << Secret << VerifyError::UnsupportedAlgorithm;
    QTest::newRow("alg RS256") << forge(R"({"alg":"RS256","typ":"JWT"})", claims(), Secret)
                               << Secret << VerifyError::UnsupportedAlgorithm;
    QTest::newRow("alg lower case") << forge(R"({"alg":"hs256"})", claims(), Secret) << Secret
                                    << VerifyError::UnsupportedAlgorithm;
    QTest::newRow("alg missing") << forge(R"({"typ":"JWT"})", claims(), Secret) << Secret
                                 << VerifyError::UnsupportedAlgorithm;
    QTest::newRow("crit header") << forge(R"({"alg":"HS256","crit":["exp"]})", claims(), Secret)
                                 << Secret << VerifyError::Malformed;

    QTest::newRow("exp missing") << good({{"exp", QJsonValue::Null}}) << Secret
                                 << VerifyError::Malformed;
    QTest::newRow("exp not a number")
        << good({{"exp", QString::number(Now + 900)}}) << Secret << VerifyError::Malformed;
    QTest::newRow("exp within leeway") << good({{"exp", Now - 29}}) << Secret << VerifyError::None;
    QTest::newRow("exp at leeway edge")
        << good({{"exp", Now - 30}}) << Secret << VerifyError::Expired;
    QTest::newRow("exp beyond leeway")
        << good({{"exp", Now - 3600}}) << Secret << VerifyError::Expired;
    QTest::newRow("nbf past") << good({{"nbf", Now - 10}}) << Secret << VerifyError::None;
    QTest::newRow("nbf within leeway") << good({{"nbf", Now + 30}}) << Secret << VerifyError::None;
    QTest::newRow("nbf future") << good({{"nbf", Now + 31}}) << Secret << VerifyError::NotYetValid;
    QTest::newRow("nbf not a number")
        << good({{"nbf", "soon"}}) << Secret << VerifyError::Malformed;

    QTest::newRow("wrong iss") << good({{"iss", "someone-else"}}) << Secret
                               << VerifyError::WrongIssuer;
    QTest::newRow("iss missing") << good({{"iss", QJsonValue::Null}}) << Secret
                                 << VerifyError::WrongIssuer;
    QTest::newRow("wrong aud") << good({{"aud", "other-api"}}) << Secret
                               << VerifyError::WrongAudience;
    QTest::newRow("aud missing") << good({{"aud", QJsonValue::Null}}) << Secret
                                 << VerifyError::WrongAudience;
    QTest::newRow("aud array with ours")
        << good({{"aud", QJsonArray{"other-api", Audience}}}) << Secret << VerifyError::None;
    QTest::newRow("aud array without ours")
        << good({{"aud", QJsonArray{"other-api", 7}}}) << Secret << VerifyError::WrongAudience;

    QTest::newRow("empty") << QByteArray() << Secret << VerifyError::Malformed;
    QTest::newRow("2 segments") << parts[0] + '.' + parts[1] << Secret << VerifyError::Malformed;
    QTest::newRow("4 segments") << token + '.' + parts[2] << Secret << VerifyError::Malformed;
    QTest::newRow("garbage header")
        << replaceSegment(token, 0, "e$$!*") << Secret << VerifyError::Malformed;
    QTest::newRow("padded header")
        << replaceSegment(token, 0, b64(Hs256Header) + "==") << Secret << VerifyError::Malformed;
    QByteArray foreign = parts[2];
    foreign[0] = '+';
    QTest::newRow("signature with '+'")
        << replaceSegment(token, 2, foreign) << Secret << VerifyError::Malformed;
    // 32 bytes leave 2 unused bits in the last of 43 characters; setting one gives a spelling that
    // lenient decoders read as the same signature. Only the canonical one is accepted.
    const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QByteArray nonCanonical = parts[2];
    nonCanonical.back() = alphabet.at(alphabet.indexOf(nonCanonical.back()) | 1);
    QCOMPARE(QByteArray::fromBase64(nonCanonical, QByteArray::Base64UrlEncoding),
             QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding));
    QTest::newRow("non-canonical signature")
        << replaceSegment(token, 2, nonCanonical) << Secret << VerifyError::Malformed;
    QTest::newRow("header not JSON")
        << forge("not json", claims(), Secret) << Secret << VerifyError::Malformed;
    QTest::newRow("header JSON array")
        << forge(R"(["HS256"])", claims(), Secret) << Secret << VerifyError::Malformed;
    QTest::newRow("payload not JSON")
        << forge(Hs256Header, "{\"exp\":", Secret) << Secret << VerifyError::Malformed;
    QTest::newRow("payload JSON array")
        << forge(Hs256Header, "[1,2]", Secret) << Secret << VerifyError::Malformed;
    QTest::newRow("oversized") << good({{"pad", QString(Jwt::MaxTokenBytes, 'x')}}) << Secret
                               << VerifyError::Malformed;
}

void TestJwt::verifyCases()
{
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, secret);
    QFETCH(VerifyError, expected);

    const auto result = Jwt::verify(token, secret, Issuer, Audience, nowTime());
    QCOMPARE(result.error, expected);
    QCOMPARE(result.ok(), expected == VerifyError::None);
    // A refused token never leaks its (unauthenticated) claims to the caller.
    QCOMPARE(result.payload.isEmpty(), expected != VerifyError::None);
}

void TestJwt::unverifiedPayload()
{
    const QJsonObject payload{{"role", "operator"}, {"exp", Now + 900}};
    QCOMPARE(Jwt::unverifiedPayload(Jwt::sign(payload, Secret)), payload);
    // Decoding does not care about the secret: that is exactly why it must not authorise.
    QCOMPARE(Jwt::unverifiedPayload(Jwt::sign(payload, "other")), payload);
    QVERIFY(Jwt::unverifiedPayload("not.a.token!").isEmpty());
    QVERIFY(Jwt::unverifiedPayload("onlyone").isEmpty());
    QVERIFY(Jwt::unverifiedPayload({}).isEmpty());
}

void TestJwt::describeIsDistinct()
{
    const QList<VerifyError> all{
        VerifyError::None,         VerifyError::Malformed,    VerifyError::UnsupportedAlgorithm,
        VerifyError::BadSignature, VerifyError::Expired,      VerifyError::NotYetValid,
        VerifyError::WrongIssuer,  VerifyError::WrongAudience};
    QSet<QString> messages;
    for (VerifyError error : all) {
        const QString message = Jwt::describe(error);
        QVERIFY(!message.isEmpty());
        messages.insert(message);
    }
    QCOMPARE(messages.size(), all.size());
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
