/// When a year's report may be changed (docs/rules.md §1): nobody before the cycle opens;
/// after `locks_on`, a country only under a lock exception still running. The
/// secretariat's own changes (import, review) are not held by the lock.
struct CycleWindow: Sendable {
    let year: Int
    /// Dates as PostgreSQL writes them (`2025-03-31`), so that they compare as text.
    let opensOn: String
    let locksOn: String
    /// Whether the country in question has a lock exception running now.
    let exceptionRunning: Bool

    func check(today: String, role: ActorRole) throws {
        if today < opensOn {
            throw DomainError(.cycleNotOpen, "Reports for \(year) open on \(opensOn).")
        }
        if today > locksOn && role == .country && !exceptionRunning {
            throw DomainError(.cycleLocked, "Reports for \(year) locked after \(locksOn); the secretariat can grant an exception.")
        }
    }
}
