import Logging
import PostgresNIO

/// One connection lent to a unit of work, with the request's logger: what
/// repositories run their SQL on. Services get one from `Database.transaction`,
/// `Database.within` or `Database.read`; nothing above the services sees it but as
/// an opaque value to pass on.
public struct DatabaseSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs one statement and reads its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// Runs one statement whose rows, if any, do not matter.
    func run(_ query: PostgresQuery) async throws {
        _ = try await connection.query(query, logger: logger)
    }
}

extension Database {
    /// Runs `body` in a new transaction: committed when it returns, rolled back
    /// when it throws (rethrowing its own error).
    func transaction<Result: Sendable>(
        logger: Logger, _ body: @Sendable (DatabaseSession) async throws -> Result
    ) async throws -> Result {
        try await connectionTransaction(logger: logger) { connection in
            try await body(DatabaseSession(connection: connection, logger: logger))
        }
    }

    /// Runs `body` inside `outer` when one is given, so that a service call can be
    /// part of a larger unit of work (an import, an idempotent request, the demo);
    /// otherwise in a transaction of its own.
    func within<Result: Sendable>(
        _ outer: DatabaseSession?, logger: Logger, _ body: @Sendable (DatabaseSession) async throws -> Result
    ) async throws -> Result {
        if let outer { return try await body(outer) }
        return try await transaction(logger: logger, body)
    }

    /// Runs `body` on a connection of its own, outside any transaction: for reads.
    func read<Result: Sendable>(logger: Logger, _ body: @Sendable (DatabaseSession) async throws -> Result) async throws -> Result {
        try await withConnection { connection in
            try await body(DatabaseSession(connection: connection, logger: logger))
        }
    }
}
