#include "web/webcontroller.h"

#include <algorithm>

#include <QRegularExpression>

#include "domain/tokensecrets.h"
#include "web/qrsvg.h"

namespace Nextup {

namespace {
// Status secrets are 32 base64url characters; anything much longer is not one.
const int kMaxSecretBytes = 128;
// Versioned asset links never change their bytes: cache them for a year.
const QByteArray kImmutable = "public, max-age=31536000, immutable";
// Unversioned asset links (an old page, a hand-typed URL): a short cache.
const QByteArray kShortCache = "public, max-age=300";

bool isBase64Url(const QByteArray &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
}
} // namespace

WebController::WebController(const ApiContext &api) : m_api(api)
{
    if (!m_assets.page())
        qWarning("Booking page: :/web/index.html is missing; GET / will answer 404");
}

const QList<Route<WebController>> &WebController::routes()
{
    // All public: the page is for customers without an account, and the QR code's own check is
    // the token's secret, not a role.
    using C = WebController;
    static const QList<Route<C>> table = {
        {"GET", "/", Access::Public, &C::page},
        {"GET", "/web/:file", Access::Public, &C::asset},
        {"GET", "/api/tokens/:id/qr.svg", Access::Public, &C::qrCode, Body::Ignored, Ids::Token},
    };
    return table;
}

QByteArray WebController::pageSecurityPolicy()
{
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
           "connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; "
           "form-action 'self'; frame-ancestors 'none'";
}

std::optional<QByteArray> WebController::publicOrigin(const ApiRequest &request, bool trustProxy)
{
    // A host name or an IPv4/IPv6 literal, with an optional port: nothing that could end the
    // authority part of the URL and point the link somewhere else.
    static const QRegularExpression host(QStringLiteral(
        R"(^([A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(:[0-9]{1,5})?$)"));
    const QByteArray value = request.header("host").trimmed();
    if (value.isEmpty() || !host.match(QString::fromLatin1(value)).hasMatch())
        return std::nullopt;
    const bool https =
        trustProxy && request.header("x-forwarded-proto").trimmed().toLower() == "https";
    return QByteArray(https ? "https://" : "http://") + value.toLower();
}

// The page itself: revalidated on every visit (no-cache), so a new release is seen at once.
void WebController::page(const Call &call) const
{
    const WebAssets::Asset *html = m_assets.page();
    if (!html)
        return call.responder.send(
            ApiError::notFound(QStringLiteral("The booking page is not installed.")));
    ApiResponse response = ApiResponse::raw(html->body, html->contentType);
    response.withHeader("Cache-Control", "no-cache")
        .withHeader("Content-Security-Policy", pageSecurityPolicy());
    call.responder.send(std::move(response));
}

// One file of the page (the service worker too, see below); 404 (JSON error) for anything else.
void WebController::asset(const Call &call) const
{
    const QString name = call.request.pathParams.value(QStringLiteral("file"));
    const WebAssets::Asset *asset = name == u"index.html" ? nullptr : m_assets.find(name);
    if (!asset)
        return call.responder.send(ApiError::notFound(QStringLiteral("No such file.")));
    ApiResponse response = ApiResponse::raw(asset->body, asset->contentType);
    if (name == WebAssets::workerName()) {
        // The service worker: always revalidated (its bytes change with every release, at one
        // URL), allowed to control the whole site although it lives in /web/, and limited to
        // fetching from this origin.
        response.withHeader("Cache-Control", "no-cache")
            .withHeader("Service-Worker-Allowed", "/")
            .withHeader("Content-Security-Policy", "default-src 'none'; connect-src 'self'");
        return call.responder.send(std::move(response));
    }
    const bool current = call.request.queryValue(QStringLiteral("v")).toLatin1() == asset->version;
    response.withHeader("Cache-Control", current ? kImmutable : kShortCache);
    if (asset->contentType.startsWith("image/svg"))
        response.withHeader("Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'");
    call.responder.send(std::move(response));
}

// Tokens issue at tokenRateLimitPerMinute per address; each receipt shows its QR code once per
// visit, so a few times that is generous for people and still bounds the work per address.
int WebController::qrRateLimit() const
{
    return qMax(60, 4 * m_api.config.tokenRateLimitPerMinute);
}

// image/svg+xml: the QR code of "<origin>/#t=<id>.<secret>", the token's live status page. The
// secret stays in the fragment of that link, which browsers never send to a server.
void WebController::qrCode(const Call &call) const
{
    const QByteArray secret = call.request.header("x-token-secret").trimmed();
    if (secret.isEmpty() || secret.size() > kMaxSecretBytes || !isBase64Url(secret))
        return call.responder.send(ApiError::forbidden(
            QStringLiteral("Send the token's secret in the X-Token-Secret header.")));
    const auto origin = publicOrigin(call.request, m_api.config.trustProxy);
    if (!origin)
        return call.responder.send(
            ApiError::badRequest(QStringLiteral("The Host header is missing or malformed.")));
    const QByteArray link = *origin + "/#t=" + QByteArray::number(call.id) + '.' + secret;
    m_api.pool.submit(call.responder, [this, request = call.request, id = call.id, secret,
                                       link](WorkerContext &ctx) {
        if (auto limited = Handler::rateLimited(m_api, ctx, request, "rl:qr", qrRateLimit()))
            return *limited;
        const auto verdict = TokenSecrets::verify(ctx.db(), id, secret);
        if (!verdict.ok())
            return ApiResponse::error(verdict.error());
        if (*verdict == TokenSecrets::Verdict::UnknownToken)
            return ApiResponse::error(
                ApiError::notFound(QStringLiteral("Token %1 does not exist.").arg(id)));
        if (*verdict == TokenSecrets::Verdict::WrongSecret)
            return ApiResponse::error(
                ApiError::forbidden(QStringLiteral("The token's secret is wrong.")));
        const QByteArray svg = QrSvg::render(link);
        if (svg.isEmpty())
            return ApiResponse::error(
                ApiError::internal(QStringLiteral("The QR code could not be drawn.")));
        ApiResponse response = ApiResponse::raw(svg, "image/svg+xml");
        // The picture carries the secret: no cache may keep it.
        response.withHeader("Cache-Control", "no-store")
            .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        return response;
    });
}

} // namespace Nextup
