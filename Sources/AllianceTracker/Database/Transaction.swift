import Logging
import PostgresNIO

extension PostgresClient {
    /// `withTransaction`, rethrowing what the closure threw as it was thrown.
    /// PostgresNIO wraps it in `PostgresTransactionError`, which would hide a
    /// `Problem` from the error middleware.
    func transaction<Result>(
        logger: Logger, isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        do {
            return try await withTransaction(logger: logger, isolation: isolation, body)
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error
        }
    }
}
