import Foundation
import Logging
import PostgresNIO

/// The published releases as the public sees them, kept in memory: a release never
/// changes once published, so serving it costs no database round trip. The list of
/// releases is re-read every few seconds, which is how long another instance's new
/// release (or an embargo's end) can take to show.
actor PublicReleases {
    let database: PostgresClient
    let disclosure: Disclosure
    let clock: AppClock

    static let indexLifetime: TimeInterval = 5

    private var index: (fetched: Date, releases: [ReleaseInfo], headlines: [String])?
    private var summaries: [String: Summary] = [:]
    private var rendered: [String: CacheableResponse.Rendered] = [:]

    init(database: PostgresClient, disclosure: Disclosure, clock: AppClock) {
        self.database = database
        self.disclosure = disclosure
        self.clock = clock
    }

    /// Forgets the list of releases, as after a publication on this instance.
    func invalidate() {
        index = nil
    }

    /// Releases visible now (published, past any embargo), oldest first.
    func visible(logger: Logger) async throws -> [ReleaseInfo] {
        let now = clock.now()
        return try await loadIndex(logger: logger).releases.filter { $0.visible(at: now) }
    }

    /// The latest visible release of each year, oldest year first.
    func latestByYear(logger: Logger) async throws -> [ReleaseInfo] {
        Dictionary(grouping: try await visible(logger: logger), by: \.year).values
            .compactMap { $0.max { $0.release < $1.release } }
            .sorted { $0.year < $1.year }
    }

    /// Codes of the dashboard's headline indicators.
    func headlineIndicators(logger: Logger) async throws -> [String] {
        try await loadIndex(logger: logger).headlines
    }

    /// A release's summary after disclosure control, with which release is latest.
    func summary(_ info: ReleaseInfo, latest: Int, logger: Logger) async throws -> Summary {
        let key = "\(info.year)/\(info.release)"
        var summary: Summary
        if let cached = summaries[key] {
            summary = cached
        } else {
            guard let stored = try await database.withConnection({ connection in
                try await ReleaseStore.summary(year: info.year, release: info.release, on: connection, logger: logger)
            }) else { throw Problem.noRelease(info.year) }
            summary = disclosure.publicView(of: stored)
            summaries[key] = summary
        }
        summary.latestRelease = latest
        summary.revisedSince = latest > info.release
        return summary
    }

    /// A rendered body, made once per key.
    func rendered(_ key: String, make: @Sendable () async throws -> CacheableResponse.Rendered) async throws -> CacheableResponse.Rendered {
        if let body = rendered[key] { return body }
        let body = try await make()
        rendered[key] = body
        return body
    }

    private func loadIndex(logger: Logger) async throws -> (fetched: Date, releases: [ReleaseInfo], headlines: [String]) {
        if let index, Date().timeIntervalSince(index.fetched) < Self.indexLifetime { return index }
        let (releases, headlines) = try await database.withConnection { connection in
            let releases = try await ReleaseStore.releases(on: connection, logger: logger)
            let headlines = try await connection.query(
                "SELECT code FROM indicators WHERE headline ORDER BY goal, code", logger: logger
            ).collect().map { try $0.decode(String.self) }
            return (releases, headlines)
        }
        let fresh = (Date(), releases, headlines)
        if index?.releases != releases { rendered = [:] }
        index = fresh
        return fresh
    }
}

extension Problem {
    static func noRelease(_ year: Int) -> Problem {
        Problem(.notFound, code: "no_release", title: "Not published",
                detail: "No summary for \(year) has been published yet.")
    }
}
