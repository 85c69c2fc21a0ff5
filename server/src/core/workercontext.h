#pragma once

namespace Nextup {

class Database;
class RedisConnection;

// What a job on a worker thread works with: that thread's own Postgres and Redis connections.
// The worker pool (http) owns the connections and hands each job this view of them; domain
// services take it to reach both, so they compile against neither HTTP nor the pool, and a test
// can build one from any Database and RedisConnection it made itself.
class WorkerContext
{
public:
    WorkerContext(Database &db, RedisConnection &redis) : m_db(db), m_redis(redis) {}

    Database &db() const { return m_db; }
    RedisConnection &redis() const { return m_redis; }

private:
    Database &m_db;
    RedisConnection &m_redis;
};

} // namespace Nextup
