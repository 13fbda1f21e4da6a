import Logging
import PostgresNIO

/// Runs `body` with a database client for a one-shot command (seed, token, …).
/// The service itself never does this: there the client runs as a service of the
/// application (see `buildApplication`).
public func withDatabase<T: Sendable>(
    _ url: DatabaseURL,
    logger: Logger,
    _ body: @Sendable (Database) async throws -> T
) async throws -> T {
    // fail at once, with libpq's plain message, when the database is not there
    _ = try LibPQConnection(url: url)
    let client = PostgresClient(configuration: url.clientConfiguration(), backgroundLogger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        return try await body(Database(pool: client))
    }
}
