import Foundation
import Testing

@testable import AllianceTracker

/// A release as published before a release table existed (sql/0018, sql/0021): a copy of
/// `year`'s release 1 frozen as release 2, with nothing recorded of its figures; then
/// the migration's own backfill, run again from its file.
enum EarlierReleaseFixtures {
    static func releaseTwoBefore(_ migration: String, backfill call: String, _ url: DatabaseURL, year: Int = 2024) throws {
        try copyReleaseOne(url, year: year, note: "before \(migration.prefix(4))")
        let file = try String(contentsOf: TestDatabase.sqlDirectory.appendingPathComponent(migration), encoding: .utf8)
        let backfill = try #require(file.range(of: call).map { String(file[$0.lowerBound...]) })
        try sql(url, backfill)
    }

    /// `year`'s release 1 written again as release 2, by SQL: no publication, no
    /// notification; published `later` (an SQL interval) than release 1.
    static func copyReleaseOne(_ url: DatabaseURL, year: Int = 2024, note: String, later: String = "1 day") throws {
        try sql(
            url,
            """
            INSERT INTO summary_releases (year, release, published_at, published_by, note, demo, summary)
            SELECT year, 2, published_at + interval '\(later)', published_by, '\(note)', demo, jsonb_set(summary, '{release}', '2')
            FROM summary_releases WHERE year = \(year) AND release = 1;
            INSERT INTO published_summaries (year, release, format_version, document, csv, frozen_at)
            SELECT year, 2, format_version, document, csv, frozen_at FROM published_summaries WHERE year = \(year) AND release = 1;
            """
        )
    }

    /// Announces a release written by SQL as a publication does (`pg_notify`), and waits
    /// until the app serves it: its listener reloads the list, which may still be held
    /// from the publication before. Bounded in tries, not in time.
    static func announce(_ r: Reporting, year: Int, release: Int) async throws {
        try sql(r.url, "SELECT pg_notify($1, $2)", [ReleaseRepository.channel, "\(year).\(release)"])
        for _ in 0..<300 {
            if try await r.send(.get, "/v1/public/summaries/\(year)/releases/\(release)", token: nil).status == .ok { return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
