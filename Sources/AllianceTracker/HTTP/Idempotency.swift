import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PostgresNIO

/// `Idempotency-Key` for POSTs that create things (SPEC §2): a retry with the same
/// key and body returns the first answer and creates nothing; the same key with
/// another body is 422. Keys belong to the token that used them.
struct Idempotency: Sendable {
    let database: Database

    /// What a creating POST answers, as stored for replays.
    struct Outcome: Sendable {
        var status: HTTPResponse.Status
        var body: Data
        var location: String?
        /// What a replay returns, when it must differ from the first answer
        /// (a new token's secret is shown once and never stored).
        var replayBody: Data?

        static func created(_ value: some Encodable, location: String?, replay: (some Encodable)? = Optional<Int>.none) throws -> Outcome {
            Outcome(status: .created, body: try JSONCoding.encoder.encode(value), location: location,
                    replayBody: try replay.map { try JSONCoding.encoder.encode($0) })
        }

        func response(replayed: Bool = false) -> Response {
            var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store"]
            if let location { headers[.location] = location }
            if replayed { headers[HTTPField.Name("Idempotency-Replayed")!] = "true" }
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    static let header = HTTPField.Name("Idempotency-Key")!

    /// Runs `create` in one transaction, at most once per (token, key).
    func perform(
        _ request: Request, body: ByteBuffer, context: AppRequestContext,
        create: @escaping @Sendable (PostgresConnection) async throws -> Outcome
    ) async throws -> Response {
        let logger = context.logger
        guard let key = request.headers[Self.header] else {
            return try await database.connectionTransaction(logger: logger) { try await create($0) }.response()
        }
        guard (1...255).contains(key.utf8.count) else {
            throw Problem(.invalidIdempotencyKey, detail: "An Idempotency-Key must be 1 to 255 characters.")
        }
        let token = try context.requireIdentity.tokenID
        let fingerprint = Self.fingerprint(request, body: body)
        do {
            return try await database.connectionTransaction(logger: logger) { connection in
                if let stored = try await Self.stored(token: token, key: key, on: connection, logger: logger) {
                    return try stored.replay(matching: fingerprint)
                }
                let outcome = try await create(connection)
                let inserted = try await connection.query("""
                    INSERT INTO idempotency_keys (token_id, key, method, path, request_hash, status, location, response_body)
                    VALUES (\(token), \(key), \(request.method.rawValue), \(request.uri.path), \(fingerprint),
                            \(Int16(outcome.status.code)), \(outcome.location), \(outcome.replayBody ?? outcome.body))
                    ON CONFLICT DO NOTHING RETURNING 1
                    """, logger: logger).collect()
                // a request with the same key committed first: undo ours, answer with its result
                guard !inserted.isEmpty else { throw LostRace() }
                return outcome.response()
            }
        } catch is LostRace {
            return try await database.withConnection { connection in
                guard let stored = try await Self.stored(token: token, key: key, on: connection, logger: logger) else {
                    throw Problem.internalError
                }
                return try stored.replay(matching: fingerprint)
            }
        }
    }

    private struct LostRace: Error {}

    private struct Stored {
        let fingerprint: Data
        let outcome: Outcome

        func replay(matching fingerprint: Data) throws -> Response {
            guard fingerprint == self.fingerprint else {
                throw Problem(
                    .idempotencyKeyReused,
                    detail: "This Idempotency-Key was used with another request; use a new key for a new request."
                )
            }
            return outcome.response(replayed: true)
        }
    }

    private static func stored(token: Int64, key: String, on connection: PostgresConnection, logger: Logger) async throws -> Stored? {
        let rows = try await connection.query("""
            SELECT request_hash, status, location, response_body FROM idempotency_keys
            WHERE token_id = \(token) AND key = \(key)
            """, logger: logger).collect()
        guard let row = rows.first else { return nil }
        let (hash, status, location, body) = try row.decode((ByteBuffer, Int16, String?, ByteBuffer).self)
        return Stored(
            fingerprint: Data(buffer: hash),
            outcome: Outcome(status: .init(code: Int(status)), body: Data(buffer: body), location: location)
        )
    }

    /// SHA-256 of the method, the path and the body: "the same request". A JSON
    /// body is compared by content, so that a client re-serialising the same object
    /// with its keys in another order still retries rather than conflicts.
    private static func fingerprint(_ request: Request, body: ByteBuffer) -> Data {
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.uri.path)\n".utf8))
        let raw = Data(buffer: body)
        let canonical = (try? JSONCoding.plainDecoder.decode(JSONValue.self, from: raw)).map { Data($0.text.utf8) }
        hasher.update(data: canonical ?? raw)
        return Data(hasher.finalize())
    }
}
