import Foundation
import PostgresNIO

/// The stored first answers of creating requests, by token and key.
struct IdempotencyRepository: Sendable {
    func stored(token: Int64, key: String, in session: DatabaseSession) async throws -> IdempotentOutcome.Stored? {
        let rows = try await session.rows(
            """
            SELECT request_hash, status, location, response_body FROM idempotency_keys
            WHERE token_id = \(token) AND key = \(key)
            """
        )
        guard let row = rows.first else { return nil }
        let (hash, status, location, body) = try row.decode((ByteBuffer, Int16, String?, ByteBuffer).self)
        let outcome = IdempotentOutcome(status: Int(status), body: Data(buffer: body), location: location)
        return IdempotentOutcome.Stored(fingerprint: Data(buffer: hash), outcome: outcome)
    }

    /// Stores the answer to replay; false when a request with the same key got there first.
    func store(
        _ outcome: IdempotentOutcome,
        for request: IdempotentRequest,
        in session: DatabaseSession
    ) async throws -> Bool {
        let inserted = try await session.rows(
            """
            INSERT INTO idempotency_keys (token_id, key, method, path, request_hash, status, location, response_body)
            VALUES (\(request.token), \(request.key), \(request.method), \(request.path), \(request.fingerprint),
                    \(Int16(outcome.status)), \(outcome.location), \(outcome.replayBody ?? outcome.body))
            ON CONFLICT DO NOTHING RETURNING 1
            """
        )
        return !inserted.isEmpty
    }
}
