import Foundation
import PostgresNIO

/// The stored first answers of creating requests, by token and key. A row stored
/// at or before `expiry` has expired: it is as if it were not there.
struct IdempotencyRepository: Sendable {
    func stored(token: Int64, key: String, after expiry: Date, in session: DatabaseSession) async throws -> IdempotentOutcome.Stored? {
        let rows = try await session.rows(
            """
            SELECT request_hash, status, location, response_body FROM idempotency_keys
            WHERE token_id = \(token) AND key = \(key) AND created_at > \(expiry)
            """
        )
        guard let row = rows.first else { return nil }
        let (hash, status, location, body) = try row.decode((ByteBuffer, Int16, String?, ByteBuffer).self)
        let outcome = IdempotentOutcome(status: Int(status), body: Data(buffer: body), location: location)
        return IdempotentOutcome.Stored(fingerprint: Data(buffer: hash), outcome: outcome)
    }

    /// Stores the answer to replay, stored `at`, in place of an expired one; false
    /// when a request with the same key got there first.
    func store(
        _ outcome: IdempotentOutcome,
        for request: IdempotentRequest,
        at now: Date,
        expiry: Date,
        in session: DatabaseSession
    ) async throws -> Bool {
        let inserted = try await session.rows(
            """
            INSERT INTO idempotency_keys (token_id, key, method, path, request_hash, status, location, response_body, created_at)
            VALUES (\(request.token), \(request.key), \(request.method), \(request.path), \(request.fingerprint),
                    \(Int16(outcome.status)), \(outcome.location), \(outcome.replayBody ?? outcome.body), \(now))
            ON CONFLICT (token_id, key) DO UPDATE SET
                method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
                status = EXCLUDED.status, location = EXCLUDED.location, response_body = EXCLUDED.response_body,
                created_at = EXCLUDED.created_at
            WHERE idempotency_keys.created_at <= \(expiry)
            RETURNING 1
            """
        )
        return !inserted.isEmpty
    }

    /// Deletes every key stored at or before `expiry`; returns how many.
    func deleteExpired(expiry: Date, in session: DatabaseSession) async throws -> Int {
        try await session.rows("DELETE FROM idempotency_keys WHERE created_at <= \(expiry) RETURNING 1").count
    }
}
