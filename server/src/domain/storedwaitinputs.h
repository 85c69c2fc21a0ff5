#pragma once

#include "domain/etaestimator.h"

namespace Nextup {

class Database;

// The estimator's inputs as Postgres holds them, read on one worker's connection: three
// statements for a branch's history, two for its floor (EtaEstimator keeps both a while).
class StoredWaitInputs final : public WaitInputs
{
public:
    explicit StoredWaitInputs(Database &db) : m_db(db) {}

    qint64 nowMs() override;
    Result<WaitHistory> history(int serviceId) override;
    Result<WaitFloor> floor(int branchId) override;

private:
    Database &m_db;
};

} // namespace Nextup
