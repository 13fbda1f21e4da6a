import Foundation
import Logging

extension ReleaseService {
    /// The public view of `summary` under disclosure control, against every sum
    /// earlier releases made public.
    func disclose(_ summary: Summary, on session: DatabaseSession) async throws -> DisclosedSummary {
        let sets = try await SummaryRepository().contributors(summary.year, on: session)
        let earlier = try await repository.publishedFigures(on: session)
        return disclosure.publicView(of: summary, sets: sets, earlier: earlier)
    }

    /// `POST /v1/summaries/{year}/releases?dry_run=true`: the figures the year's next
    /// release would withhold, by reason and by indicator. Reads only: stores nothing.
    func dryRun(year: Int, _ input: ReleaseInput, logger: Logger) async throws -> ReleaseDryRun {
        if let note = input.note, note.unicodeScalars.count > 2000 {
            throw DomainError.invalid("note", .tooLong, "must be at most 2000 characters")
        }
        let now = clock.now()
        return try await database.read(logger: logger) { session in
            let number = try await repository.nextNumber(year, on: session)
            let summary = try await SummaryService.build(year: year, now: now, on: session)
            return ReleaseDryRun(year: year, release: number, disclosed: try await disclose(summary, on: session).view)
        }
    }
}
