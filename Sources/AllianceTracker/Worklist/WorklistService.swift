import Foundation
import Logging

/// The secretariat's cycle worklist: who has not filed, what awaits review, what was returned.
struct WorklistService: Sendable {
    let database: Database
    let clock: AppClock
    let worklists = WorklistRepository()
    let cycles = CycleRepository()
    let summaries = SummaryRepository()

    /// `year`'s worklist, its rows narrowed to `statuses` when given; counted to today's UTC date.
    func worklist(_ year: Int, statuses: Set<WorklistStatus>?, logger: Logger) async throws -> Worklist {
        let today = AppClock.dayFormatter.string(from: clock.now())
        // one snapshot, so that `counts` and the rows agree
        return try await database.snapshot(logger: logger) { session in
            guard let cycle = try await cycles.cycle(year, in: session),
                let counts = try await summaries.completeness(year, on: session)
            else { throw DomainError.unknownCycle(year) }
            let rows = try await worklists.rows(year, today: today, in: session)
            return Worklist(year: year, dueOn: cycle.dueOn, today: today, counts: counts, rows: rows, only: statuses)
        }
    }
}
