import Foundation
import Logging
import PostgresNIO

/// When a year's report may be changed (SPEC §1): nobody before the cycle opens;
/// after `locks_on`, a country only under a lock exception still running. The
/// secretariat's own changes (import, review) are not held by the lock.
enum CycleWindow {
    static func check(
        year: Int, country: String, actor: AuditActor, now: Date, on connection: PostgresConnection, logger: Logger
    ) async throws {
        let today = AppClock(now: now).today()
        let rows = try await connection.query("""
            SELECT opens_on::text, locks_on::text,
                   EXISTS (SELECT 1 FROM lock_exceptions e
                           WHERE e.year = c.year AND e.country = \(country) AND e.until > \(now))
            FROM reporting_cycles c WHERE c.year = \(Int16(year))
            """, logger: logger).collect()
        guard let row = rows.first else { throw DomainError.unknownCycle(year) }
        let (opensOn, locksOn, excepted) = try row.decode((String, String, Bool).self)
        if today < opensOn {
            throw DomainError(.cycleNotOpen, "Reports for \(year) open on \(opensOn).")
        }
        if today > locksOn && actor.role == .country && !excepted {
            throw DomainError(.cycleLocked, "Reports for \(year) locked after \(locksOn); the secretariat can grant an exception.")
        }
    }
}

extension AppClock {
    /// A clock stopped at `now`.
    init(now: Date) {
        self.init { now }
    }
}
