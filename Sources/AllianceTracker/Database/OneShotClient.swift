import Logging
import PostgresNIO

/// Runs `body` with a database client for a one-shot command (seed, token, …).
/// The service itself never does this: there the client runs as a service of the
/// application (see `buildApplication`).
public func withDatabase<T: Sendable>(
    _ url: DatabaseURL, logger: Logger, _ body: @Sendable (PostgresClient) async throws -> T
) async throws -> T {
    let client = PostgresClient(configuration: url.clientConfiguration(), backgroundLogger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        return try await body(client)
    }
}
