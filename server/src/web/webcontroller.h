#pragma once

#include <optional>

#include "api/routetable.h"
#include "web/webassets.h"

namespace Nextup {

// The customer booking page and what only it needs:
//   GET /                       the page (index.html), never cached without revalidation
//   GET /web/:file              its scripts, styles, pictures and web app manifest from the Qt
//                               resource :/web/, and its service worker (/web/sw.js, scope /)
//   GET /api/tokens/:id/qr.svg  a QR code of the token's live status link, for the holder of the
//                               token's secret (X-Token-Secret header only: never in a URL, so
//                               never in an access log)
class WebController
{
public:
    explicit WebController(const ApiContext &api);
    static const QList<Route<WebController>> &routes();

    // The Content-Security-Policy of the page: scripts and styles from this origin only, no
    // inline code; the QR picture arrives as a blob: URL; WebSocket and fetch to this origin.
    static QByteArray pageSecurityPolicy();
    // "<scheme>://<host>" of the request as the customer's browser saw it (the Host header, and
    // X-Forwarded-Proto when the server trusts its proxy); nullopt when Host is missing or odd.
    static std::optional<QByteArray> publicOrigin(const ApiRequest &request, bool trustProxy);

private:
    void page(const Call &call) const;
    void asset(const Call &call) const;
    void qrCode(const Call &call) const;
    int qrRateLimit() const;

    const ApiContext &m_api;
    WebAssets m_assets;
};

} // namespace Nextup
