import Foundation
import Logging
import PostgresNIO

/// Creates, revokes and checks tokens.
public struct TokenStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Created: Sendable, Encodable {
        public let id: Int64
        /// The bearer token: shown once, never stored.
        public var token: String?
        public let role: String
        public let country: String?
        public let label: String?
        public let createdAt: Date
    }

    public func create(role: Identity.Role, country: String?, label: String?, actor: AuditActor, logger: Logger) async throws -> Created {
        try await database.connectionTransaction(logger: logger) { connection in
            try await create(role: role, country: country, label: label, actor: actor, on: connection, logger: logger)
        }
    }

    func create(
        role: Identity.Role, country: String?, label: String?, actor: AuditActor, on connection: PostgresConnection, logger: Logger
    ) async throws -> Created {
        try TokenRequest.validate(role: role, country: country, label: label)
        let secret = TokenSecret.random()
        let hash = TokenSecret.hash(secret)
        let rows = try await connection.query("""
            INSERT INTO tokens (token_hash, role, country, label)
            SELECT \(Data(hash)), \(role.rawValue), \(country), \(label)
            WHERE \(country)::text IS NULL OR EXISTS (SELECT 1 FROM countries WHERE code = \(country))
            RETURNING id, created_at
            """, logger: logger).collect()
        guard let row = rows.first else {
            throw DomainError.invalid("country", .unknownCountry, "there is no country '\(country ?? "")'")
        }
        let (id, createdAt) = try row.decode((Int64, Date).self)
        try await AuditLog.record(
            on: connection, logger: logger, actor: actor, action: "token.created", country: country, year: nil,
            entity: "token", entityID: String(id), new: ["role": .string(role.rawValue), "label": label.map { .string($0) } ?? .null]
        )
        return Created(id: id, token: TokenSecret(id: id, secret: secret).bearer, role: role.rawValue,
                       country: country, label: label, createdAt: createdAt)
    }

    /// Revokes a token at once; revoking a revoked token changes nothing.
    /// Returns false when there is no such token.
    public func revoke(id: Int64, actor: AuditActor, logger: Logger) async throws -> Bool {
        try await database.connectionTransaction(logger: logger) { connection in
            let rows = try await connection.query("""
                UPDATE tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = \(id)
                RETURNING country::text, revoked_at = now()
                """, logger: logger).collect()
            guard let row = rows.first else { return false }
            let (country, revokedNow) = try row.decode((String?, Bool).self)
            if revokedNow {
                try await AuditLog.record(on: connection, logger: logger, actor: actor, action: "token.revoked",
                                          country: country, year: nil, entity: "token", entityID: String(id))
            }
            return true
        }
    }

    /// The identity a bearer token stands for, or nil when it is unknown, revoked or wrong.
    func authenticate(_ token: TokenSecret, logger: Logger) async throws -> Identity? {
        let rows = try await database.query("""
            SELECT token_hash, role, country::text,
                   last_used_at IS NULL OR last_used_at < now() - interval '1 minute'
            FROM tokens WHERE id = \(token.id) AND revoked_at IS NULL
            """, logger: logger).collect()
        guard let row = rows.first else { return nil }
        let (hash, role, country, stale) = try row.decode((ByteBuffer, String, String?, Bool).self)
        guard TokenSecret.constantTimeEqual(Array(buffer: hash), TokenSecret.hash(token.secret)),
              let role = Identity.Role(rawValue: role)
        else { return nil }
        if stale {
            // last use, to the minute: enough to find unused tokens, without a write per request;
            // best effort, so that a read-only standby still serves reads with a token
            _ = try? await database.query("UPDATE tokens SET last_used_at = now() WHERE id = \(token.id)", logger: logger)
        }
        return Identity(tokenID: token.id, role: role, country: country)
    }
}

/// The rules for a new token, shared by the API and the command line.
enum TokenRequest {
    static func validate(role: Identity.Role, country: String?, label: String?) throws {
        var problems: [FieldError] = []
        switch (role, country) {
        case (.country, nil):
            problems.append(.init(field: "country", code: .missingCountry, message: "a country token needs its country"))
        case (.secretariat, .some):
            problems.append(.init(field: "country", code: .unexpectedCountry, message: "a secretariat token has no country"))
        case (.country, .some(let code)) where code.wholeMatch(of: /[A-Z]{2}/) == nil:
            problems.append(.init(field: "country", code: .unknownCountry, message: "must be an ISO 3166-1 alpha-2 code in capitals"))
        default: break
        }
        if let label, label.unicodeScalars.count > 200 {
            problems.append(.init(field: "label", code: .tooLong, message: "must be at most 200 characters"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
