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
