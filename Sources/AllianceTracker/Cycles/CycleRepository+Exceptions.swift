import Foundation
import PostgresNIO

/// The statements on lock exceptions beyond granting one.
extension CycleRepository {
    /// The year's exceptions, revoked ones included, oldest first.
    func exceptions(_ year: Int, in session: DatabaseSession) async throws -> [LockException] {
        let rows = try await session.rows(
            """
            SELECT id, country::text, until, reason, granted_at, revoked_at
            FROM lock_exceptions WHERE year = \(Int16(year)) ORDER BY id
            """
        )
        return try rows.map { try Self.exception(year, $0) }
    }

    /// The year's exception `id`, locked until the transaction ends; nil when the year has none such.
    func lockException(_ year: Int, id: Int64, in session: DatabaseSession) async throws -> LockException? {
        let rows = try await session.rows(
            """
            SELECT id, country::text, until, reason, granted_at, revoked_at
            FROM lock_exceptions WHERE year = \(Int16(year)) AND id = \(id) FOR UPDATE
            """
        )
        return try rows.first.map { try Self.exception(year, $0) }
    }

    /// Marks a standing exception revoked at `now` by `actor`.
    func revokeException(_ id: Int64, by actor: AuditActor, at now: Date, in session: DatabaseSession) async throws {
        try await session.run(
            """
            UPDATE lock_exceptions SET revoked_at = \(now), revoked_by = \(actor.tokenID)
            WHERE id = \(id) AND revoked_at IS NULL
            """
        )
    }

    private static func exception(_ year: Int, _ row: PostgresRow) throws -> LockException {
        let (id, country, until, reason, grantedAt, revokedAt) = try row.decode((Int64, String, Date, String, Date, Date?).self)
        return LockException(
            id: id,
            year: year,
            country: country,
            until: until,
            reason: reason,
            grantedAt: grantedAt,
            revokedAt: Nullable(revokedAt)
        )
    }
}
