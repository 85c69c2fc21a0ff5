#pragma once

#include <QTimeZone>

#include "ticket.h"

// Tickets as the dispenser would build them from the server's answer to POST /api/tokens.
inline Nextup::Ticket sampleTicket(const QString &language = QStringLiteral("en"))
{
    Nextup::Ticket ticket;
    ticket.tokenNumber = QStringLiteral("D007");
    ticket.issuedAt = QDateTime(QDate(2025, 3, 14), QTime(9, 41), QTimeZone("Europe/Madrid"));
    ticket.position = 4;
    ticket.waitMinutes = 12;
    ticket.qrPayload = "https://queue.example.org/#t=1234.Zk9yQ2hlY2tpbmdPbmx5X3NlY3JldA";
    ticket.language = language;
    if (language == QLatin1String("es")) {
        ticket.branchName = QStringLiteral("Oficina de Pasaportes Centro");
        ticket.serviceName = QStringLiteral("Renovación y año nuevo");
        ticket.message = QStringLiteral("¡Gracias! Espere a que le llamen.");
    } else if (language == QLatin1String("ar")) {
        ticket.branchName = QStringLiteral("مكتب الجوازات المركزي");
        ticket.serviceName = QStringLiteral("تجديد الجواز");
        ticket.message = QStringLiteral("شكراً لك، يرجى الانتظار حتى يتم النداء على رقمك");
        ticket.rightToLeft = true;
    } else {
        ticket.branchName = QStringLiteral("Central Passport Office");
        ticket.serviceName = QStringLiteral("Document renewal");
        ticket.message = QStringLiteral("Thank you! Please wait to be called.");
    }
    return ticket;
}
