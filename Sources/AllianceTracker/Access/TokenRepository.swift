import Foundation
import PostgresNIO

/// The tokens table: only hashes of secrets are stored.
struct TokenRepository: Sendable {
    /// Inserts a token for `country` (which must exist); nil when it does not.
    func insert(_ request: TokenRequest, hash: [UInt8], at now: Date, in session: DatabaseSession) async throws -> (id: Int64, createdAt: Date)? {
        let rows = try await session.rows(
            """
            INSERT INTO tokens (token_hash, role, country, label, created_at)
            SELECT \(Data(hash)), \(request.role.rawValue), \(request.country), \(request.label), \(now)
            WHERE \(request.country)::text IS NULL OR EXISTS (SELECT 1 FROM countries WHERE code = \(request.country))
            RETURNING id, created_at
            """
        )
        return try rows.first.map { try $0.decode((Int64, Date).self) }
    }

    /// Revokes at `now` unless already revoked: the token's country, and whether
    /// this call revoked it; nil when there is no such token.
    func revoke(id: Int64, at now: Date, in session: DatabaseSession) async throws -> (country: String?, revokedNow: Bool)? {
        let rows = try await session.rows(
            """
            UPDATE tokens SET revoked_at = coalesce(revoked_at, \(now)) WHERE id = \(id)
            RETURNING country::text, revoked_at = \(now)
            """
        )
        return try rows.first.map { try $0.decode((String?, Bool).self) }
    }

    /// A live token's hash and identity, and whether its last use is over a minute old.
    func live(
        id: Int64,
        at now: Date,
        in session: DatabaseSession
    ) async throws -> (hash: [UInt8], role: Identity.Role, country: String?, stale: Bool)? {
        let rows = try await session.rows(
            """
            SELECT token_hash, role, country::text,
                   last_used_at IS NULL OR last_used_at < \(now) - interval '1 minute'
            FROM tokens WHERE id = \(id) AND revoked_at IS NULL
            """
        )
        guard let row = rows.first else { return nil }
        let (hash, role, country, stale) = try row.decode((ByteBuffer, Identity.Role, String?, Bool).self)
        return (Array(buffer: hash), role, country, stale)
    }

    func markUsed(id: Int64, at now: Date, in session: DatabaseSession) async throws {
        try await session.run("UPDATE tokens SET last_used_at = \(now) WHERE id = \(id)")
    }
}
