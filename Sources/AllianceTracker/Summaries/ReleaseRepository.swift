import Foundation

/// The SQL of releases: the release rows and their frozen public documents.
struct ReleaseRepository: Sendable {
    /// The channel a publication is announced on (`ReleaseListener` listens to it).
    static let channel = "alliance_releases"

    /// Announces a release to every instance; PostgreSQL delivers it at COMMIT,
    /// and never when the transaction rolls back.
    func notify(year: Int, release: Int, on session: DatabaseSession) async throws {
        try await session.run("SELECT pg_notify(\(Self.channel), \("\(year).\(release)"))")
    }

    /// Locks the year's cycle, so that one publisher at a time numbers its releases.
    /// False when the year has no cycle.
    func lockCycle(_ year: Int, on session: DatabaseSession) async throws -> Bool {
        try await !session.rows("SELECT 1 FROM reporting_cycles WHERE year = \(Int16(year)) FOR UPDATE").isEmpty
    }

    func nextNumber(_ year: Int, on session: DatabaseSession) async throws -> Int {
        try await session.rows("SELECT coalesce(max(release), 0) + 1 FROM summary_releases WHERE year = \(Int16(year))")[0]
            .decode(Int.self)
    }

    /// Stores a release with the full summary the secretariat saw.
    func insert(_ info: ReleaseInfo, publishedBy: Int64?, summary: String, on session: DatabaseSession) async throws {
        try await session.run(
            """
            INSERT INTO summary_releases (year, release, published_at, embargo_until, published_by, note, demo, summary)
            VALUES (\(Int16(info.year)), \(info.release), \(info.publishedAt), \(info.embargoUntil), \(publishedBy), \(info.note),
                    \(info.demo), \(summary)::jsonb)
            """
        )
    }

    /// Stores a release's public document; one already there stays as it is.
    func insert(_ document: FrozenRelease, year: Int, release: Int, at now: Date, on session: DatabaseSession) async throws {
        try await session.run(
            """
            INSERT INTO published_summaries (year, release, format_version, document, csv, frozen_at)
            VALUES (\(Int16(year)), \(release), \(Int16(document.formatVersion)), \(document.json), \(document.csv), \(now))
            ON CONFLICT (year, release) DO NOTHING
            """
        )
    }

    /// Every release of every year (or of one), oldest first.
    func releases(year: Int?, on session: DatabaseSession) async throws -> [ReleaseInfo] {
        try await session.rows(
            """
            SELECT year, release, published_at, embargo_until, note, demo FROM summary_releases
            WHERE \(year.map(Int16.init))::smallint IS NULL OR year = \(year.map(Int16.init))
            ORDER BY year, release
            """
        ).map { row in
            let (year, release, published, embargo, note, demo) = try row.decode((Int, Int, Date, Date?, String?, Bool).self)
            return ReleaseInfo(year: year, release: release, publishedAt: published, embargoUntil: embargo, note: note, demo: demo)
        }
    }

    /// A release's frozen public document; nil for a release published before
    /// documents were frozen (or for none).
    func document(year: Int, release: Int, on session: DatabaseSession) async throws -> FrozenRelease? {
        try await session.rows(
            """
            SELECT format_version, document, csv FROM published_summaries WHERE year = \(Int16(year)) AND release = \(release)
            """
        ).first.map { row in
            let (version, json, csv) = try row.decode((Int, String, String).self)
            return FrozenRelease(formatVersion: version, json: json, csv: csv)
        }
    }

    /// Releases without a frozen document: published before sql/0005, oldest first.
    func unfrozen(on session: DatabaseSession) async throws -> [(year: Int, release: Int)] {
        try await session.rows(
            """
            SELECT r.year, r.release FROM summary_releases r
            WHERE NOT EXISTS (SELECT 1 FROM published_summaries p WHERE p.year = r.year AND p.release = r.release)
            ORDER BY r.year, r.release FOR UPDATE OF r
            """
        ).map { try $0.decode((Int, Int).self) }
    }

    /// The summary a release stored when published (as 0003 defined it), as JSON.
    func storedSummary(year: Int, release: Int, on session: DatabaseSession) async throws -> String? {
        try await session.rows(
            "SELECT summary::text FROM summary_releases WHERE year = \(Int16(year)) AND release = \(release)"
        ).first?.decode(String.self)
    }
}
