import Logging
import PostgresNIO

/// The one statement that asks whether PostgreSQL answers.
struct HealthRepository: Sendable {
    func ping(_ connection: PostgresConnection, logger: Logger) async throws {
        _ = try await connection.query("SELECT 1", logger: logger).collect()
    }

    /// Asks `database` itself: a standby's reads would otherwise fall back to the primary.
    func ping(_ database: Database, logger: Logger) async throws {
        _ = try await database.query("SELECT 1", logger: logger, fallingBack: false).collect()
    }
}
