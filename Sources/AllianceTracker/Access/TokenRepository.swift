import Foundation
import PostgresNIO

/// The tokens table: only hashes of secrets are stored.
struct TokenRepository: Sendable {
    /// Inserts a token for `country` (which must exist); nil when it does not.
    func insert(_ request: TokenRequest, hash: [UInt8], at now: Date, in session: DatabaseSession) async throws -> (id: Int64, createdAt: Date)? {
        let rows = try await session.rows(
            """
            INSERT INTO tokens (token_hash, role, country, label, created_at, expires_at)
            SELECT \(Data(hash)), \(request.role.rawValue), \(request.country), \(request.label), \(now), \(request.expiresAt)
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

    /// An unrevoked token's hash and identity, whether it has expired at `now`, whether
    /// its last use is over a minute old, and the live summary's data version.
    func live(
        id: Int64,
        at now: Date,
        in session: DatabaseSession
    ) async throws -> LiveTokenRow? {
        guard let row = try await session.rows(LiveToken(id: id, now: now)).first else { return nil }
        let (hash, role, country, expired, stale, version) = try row.decode((ByteBuffer, Identity.Role, String?, Bool, Bool, Int64?).self)
        return LiveTokenRow(hash: Array(buffer: hash), role: role, country: country, expired: expired, stale: stale, summaryDataVersion: version)
    }

    /// Every token, by id: never a secret's hash.
    func list(in session: DatabaseSession) async throws -> [TokenListing] {
        let rows = try await session.rows(
            """
            SELECT id, role, country::text, label, created_at, last_used_at, expires_at, revoked_at
            FROM tokens ORDER BY id
            """
        )
        var tokens: [TokenListing] = []
        for row in rows {
            let (id, role, country, label, created, used, expires, revoked) = try row.decode(
                (Int64, Identity.Role, String?, String?, Date, Date?, Date?, Date?).self
            )
            tokens.append(
                TokenListing(
                    id: id,
                    role: role,
                    country: Nullable(country),
                    label: Nullable(label),
                    createdAt: created,
                    lastUsedAt: Nullable(used),
                    expiresAt: Nullable(expires),
                    revokedAt: Nullable(revoked)
                )
            )
        }
        return tokens
    }

    func markUsed(id: Int64, at now: Date, in session: DatabaseSession) async throws {
        try await session.run("UPDATE tokens SET last_used_at = \(now) WHERE id = \(id)")
    }
}

/// An unrevoked token as `TokenRepository.live` reads it.
struct LiveTokenRow {
    let hash: [UInt8]
    let role: Identity.Role
    let country: String?
    let expired: Bool
    /// Its last use is over a minute old.
    let stale: Bool
    /// The live summary's data version, read in the same statement (see `LiveToken`);
    /// nil only if its row is gone, which must not stop any token from working.
    let summaryDataVersion: Int64?
}

/// `TokenRepository.live`: run for every request that carries a token. It also reads
/// the live summary's data version (`SummaryRepository.dataVersionSQL`), a one-row
/// table: a repeat of a live summary then needs no statement of its own, and is one
/// round trip to PostgreSQL instead of two (issue 14, warm ≤ 2 ms).
private struct LiveToken: PreparedStatement {
    static let sql = """
        SELECT token_hash, role, country::text, coalesce(expires_at <= $2, false),
               last_used_at IS NULL OR last_used_at < $2 - interval '1 minute',
               (\(SummaryRepository.dataVersionSQL))
        FROM tokens WHERE id = $1 AND revoked_at IS NULL
        """
    static let bindingDataTypes: [PostgresDataType] = [.int8, .timestamptz]
    let id: Int64
    let now: Date
    func makeBindings() throws -> PostgresBindings { try .of(id, now) }
}
