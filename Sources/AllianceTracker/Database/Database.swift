import Logging
import Metrics
import NIOConcurrencyHelpers
import PostgresNIO

/// The service's way to PostgreSQL: a connection pool that can be taken away.
///
/// While the database is unreachable there is no pool, and every call fails at once
/// with 503 instead of queueing behind connection attempts (see `DatabaseSupervisor`,
/// which takes the pool away and puts a fresh one back).
///
/// A streaming standby's database has the primary as its `fallback`: the public reads
/// it is given go to the primary while the standby has no pool, and again there when
/// the standby fails under a read. Only reads are ever given to it.
public final class Database: Sendable {
    private let pool: NIOLockedValueBox<PostgresClient?>
    private let fallback: Database?
    private let inUse: Meter
    private let available: Gauge

    /// A database served by `pool`, which the caller runs. `standbyFor`: the primary, when
    /// this is a standby for the public reads.
    public init(pool: PostgresClient, standbyFor primary: Database? = nil) {
        self.pool = NIOLockedValueBox(pool)
        fallback = primary
        // the standby's series have names of their own: the primary's keep theirs, and
        // Prometheus takes no labelled series beside an unlabelled one of the same name
        let prefix = primary == nil ? "alliance_database" : "alliance_standby"
        inUse = Meter(label: "\(prefix)_connections_in_use")
        available = Gauge(label: "\(prefix)_available")
        available.record(1)
    }

    /// Whether a pool is in place; false while the database is known to be unreachable.
    var isAvailable: Bool { pool.withLockedValue { $0 != nil } }

    func attach(_ client: PostgresClient) {
        pool.withLockedValue { $0 = client }
        available.record(1)
    }

    func detach() {
        pool.withLockedValue { $0 = nil }
        available.record(0)
    }

    private func currentPool() throws -> PostgresClient {
        guard let client = pool.withLockedValue({ $0 }) else { throw DomainError.databaseUnavailable }
        return client
    }

    /// A pool shut down under a request (the database went away) fails it with the
    /// pool's own errors; the client is told what happened: 503.
    private func failure(_ error: any Error, from client: PostgresClient) -> any Error {
        let replaced = pool.withLockedValue { $0 !== client }
        return replaced && !(error is DomainError) ? DomainError.databaseUnavailable : error
    }

    /// Whether a read the standby could not serve is worth sending to the primary: the
    /// standby is lost (no pool), went away under the read, its session ended, or
    /// recovery cancelled the query. Any other error (a statement's own) the primary
    /// would give too.
    private func shouldFallBack(_ error: any Error) -> Bool {
        if let error = error as? DomainError { return error.code == .databaseUnavailable }
        guard let error = error as? PSQLError else { return false }
        guard error.code == .server else { return true }
        let state = error.serverInfo?[.sqlState] ?? ""
        // 57: the operator or a shutdown ended it, but not 57014, the statement's own
        // timeout (the primary would take as long); 40001: a recovery conflict cancelled it
        return (state.hasPrefix("57") && state != "57014") || state == "40001"
    }

    /// Counted as in use until the first rows arrive; the pool keeps the connection
    /// until the rows are read. `fallingBack: false` asks this database only, as readiness does.
    func query(_ query: PostgresQuery, logger: Logger, fallingBack: Bool = true) async throws -> PostgresRowSequence {
        do {
            return try await ownQuery(query, logger: logger)
        } catch {
            guard fallingBack, let fallback, shouldFallBack(error) else { throw error }
            return try await fallback.ownQuery(query, logger: logger)
        }
    }

    private func ownQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        let client = try currentPool()
        inUse.increment()
        defer { inUse.decrement() }
        do {
            return try await client.query(query, logger: logger)
        } catch {
            throw failure(error, from: client)
        }
    }

    func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        do {
            return try await ownConnection(isolation: isolation, body)
        } catch {
            guard let fallback, shouldFallBack(error) else { throw error }
            return try await fallback.ownConnection(isolation: isolation, body)
        }
    }

    private func ownConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        let client = try currentPool()
        inUse.increment()
        defer { inUse.decrement() }
        do {
            return try await client.withConnection(isolation: isolation, body)
        } catch {
            throw failure(error, from: client)
        }
    }

    /// BEGIN, `body`, COMMIT, rethrowing `body`'s error as it was thrown (PostgresNIO's
    /// `withTransaction` wraps it, and sends COMMIT whenever `body` returns). Rolled
    /// back when `body` throws, and when the request's deadline passed before COMMIT
    /// (`CommitDeadline`): a request answered `timed_out` stores nothing. Once COMMIT
    /// is sent its result is awaited; a connection lost before it came leaves the
    /// outcome unknown (503 `outcome_unknown`).
    fileprivate func connectionTransaction<Result>(
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        try await withConnection(isolation: isolation) { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await Self.commit(connection, logger: logger)
                return value
            } catch let failure as CommitFailure {
                throw failure.error
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// A COMMIT that was sent and failed: nothing to roll back.
    private struct CommitFailure: Error {
        let error: any Error
    }

    private static func commit(_ connection: PostgresConnection, logger: Logger) async throws {
        let deadline = CommitDeadline.current
        guard deadline?.mayCommit() ?? true else {
            logger.notice("rolled back: the request's deadline passed before COMMIT")
            throw DomainError.pastDeadline
        }
        // A COMMIT that took effect stays "in flight" for the deadline: the request is
        // then answered by its handler (within the grace) or 503 `outcome_unknown`,
        // never `timed_out`, which says that nothing was stored.
        do {
            try await connection.query("COMMIT", logger: logger)
        } catch let error as PSQLError where error.code == .server && error.serverInfo?[.severity] == "ERROR" {
            // the server refused the COMMIT (a deferred check, a serialisation failure): not committed
            deadline?.notCommitted()
            throw CommitFailure(error: error)
        } catch {
            // the connection closed, or the server ended the session (FATAL, PANIC): the
            // COMMIT may or may not have taken effect
            logger.error("connection lost during COMMIT", metadata: ["error": "\(String(reflecting: error))"])
            throw CommitFailure(error: DomainError.outcomeUnknown)
        }
    }
}

extension Database {
    /// Runs `body` in a new transaction: committed when it returns, rolled back
    /// when it throws (rethrowing its own error).
    func transaction<Result: Sendable>(
        logger: Logger,
        _ body: @Sendable (DatabaseSession) async throws -> Result
    ) async throws -> Result {
        try await connectionTransaction(logger: logger) { connection in
            try await body(DatabaseSession(connection: connection, logger: logger))
        }
    }

    /// Runs `body` inside `outer` when one is given, so that a service call can be
    /// part of a larger unit of work (an import, an idempotent request, the demo);
    /// otherwise in a transaction of its own.
    func within<Result: Sendable>(
        _ outer: DatabaseSession?,
        logger: Logger,
        _ body: @Sendable (DatabaseSession) async throws -> Result
    ) async throws -> Result {
        if let outer { return try await body(outer) }
        return try await transaction(logger: logger, body)
    }

    /// Runs `body` in one read-only snapshot: every statement sees the same committed
    /// data, so that figures read by two statements (the worklist's rows and its
    /// counts) agree even while reports are being reviewed.
    func snapshot<Result: Sendable>(
        logger: Logger,
        _ body: @Sendable (DatabaseSession) async throws -> Result
    ) async throws -> Result {
        try await transaction(logger: logger) { session in
            try await session.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return try await body(session)
        }
    }

    /// Runs `body` on a connection of its own, outside any transaction: for reads.
    func read<Result: Sendable>(logger: Logger, _ body: @Sendable (DatabaseSession) async throws -> Result) async throws -> Result {
        try await withConnection { connection in
            try await body(DatabaseSession(connection: connection, logger: logger))
        }
    }
}
