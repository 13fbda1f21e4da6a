import Foundation
import Logging
import Synchronization

/// The published releases as the public sees them, kept in memory: a release never
/// changes once published, so serving it costs no database round trip. The list of
/// releases is re-read every few seconds, which is how long another instance's new
/// release can take to show; meanwhile requests are served from the list they have
/// (an embargo's end is checked on every request). Each list and each body is
/// loaded once, however many requests ask for it at the same moment.
actor PublicReleases {
    let database: Database
    let releases: ReleaseService
    let clock: AppClock
    let gzip = GzipCompression()

    static let indexLifetime: TimeInterval = 5

    typealias Index = (fetched: Date, releases: [ReleaseInfo], headlines: [String])

    private var index: Index?
    private var refreshing: Task<Index, any Error>?
    /// Bumped by `invalidate`, so that a read begun before a publication cannot
    /// put back the list without it.
    private var generation = 0
    private var documents: [String: Task<(FrozenRelease, PublishedSummaryV1), any Error>] = [:]
    private var rendered: [String: Task<CacheableResponse.Rendered, any Error>] = [:]

    /// What a request can read without waiting its turn on the actor: the fresh list
    /// and the bodies already made. Written only by the actor, beside its own state;
    /// a miss goes through the actor as before.
    private struct Ready {
        var index: Index?
        var rendered: [String: CacheableResponse.Rendered] = [:]
    }
    private nonisolated let ready = Mutex(Ready())

    init(database: Database, releases: ReleaseService, clock: AppClock) {
        self.database = database
        self.releases = releases
        self.clock = clock
    }

    /// Forgets the list of releases, as after a publication on this instance.
    func invalidate() {
        index = nil
        refreshing = nil
        generation += 1
        ready.withLock { $0.index = nil }
    }

    /// `visible(logger:)`, from the fresh list when there is one, without the actor.
    nonisolated func visibleNow(logger: Logger) async throws -> [ReleaseInfo] {
        let index = ready.withLock { $0.index }
        guard let index, Date().timeIntervalSince(index.fetched) < Self.indexLifetime else { return try await visible(logger: logger) }
        let now = clock.now()
        return index.releases.filter { $0.visible(at: now) }
    }

    /// `rendered(_:make:)`, from the bodies already made, without the actor.
    nonisolated func renderedNow(
        _ key: String,
        make: @escaping @Sendable () async throws -> CacheableResponse.Rendered
    ) async throws -> CacheableResponse.Rendered {
        if let body = ready.withLock({ $0.rendered[key] }) { return body }
        return try await rendered(key, make: make)
    }

    /// Releases visible now (published, past any embargo), oldest first.
    func visible(logger: Logger) async throws -> [ReleaseInfo] {
        let now = clock.now()
        return try await loadIndex(logger: logger).releases.filter { $0.visible(at: now) }
    }

    /// The latest visible release of each year, oldest year first.
    nonisolated func latestByYear(logger: Logger) async throws -> [ReleaseInfo] {
        Dictionary(grouping: try await visibleNow(logger: logger), by: \.year).values
            .compactMap { $0.max { $0.release < $1.release } }
            .sorted { $0.year < $1.year }
    }

    /// Names the latest visible release of every year ("2023.2,2024.1"): a rendered
    /// body built from them is current as long as this is unchanged, embargoes included.
    nonisolated func signature(logger: Logger) async throws -> String {
        try await latestByYear(logger: logger).map { "\($0.year).\($0.release)" }.joined(separator: ",")
    }

    /// Codes of the dashboard's headline indicators.
    func headlineIndicators(logger: Logger) async throws -> [String] {
        try await loadIndex(logger: logger).headlines
    }

    /// A release's public document, as frozen when it was published.
    func frozen(_ info: ReleaseInfo, logger: Logger) async throws -> FrozenRelease {
        try await document(info, logger: logger).0
    }

    /// The figures of a release's public document.
    func published(_ info: ReleaseInfo, logger: Logger) async throws -> PublishedSummaryV1 {
        try await document(info, logger: logger).1
    }

    private func document(_ info: ReleaseInfo, logger: Logger) async throws -> (FrozenRelease, PublishedSummaryV1) {
        let key = "\(info.year)/\(info.release)"
        let task =
            documents[key]
            ?? Task { [releases] in
                let frozen = try await releases.frozen(year: info.year, release: info.release, logger: logger)
                return (frozen, try frozen.published())
            }
        documents[key] = task
        do { return try await task.value } catch {
            documents[key] = nil
            throw error
        }
    }

    /// A rendered body, made and compressed once per key.
    func rendered(_ key: String, make: @escaping @Sendable () async throws -> CacheableResponse.Rendered) async throws -> CacheableResponse.Rendered {
        let task = rendered[key] ?? Task { [gzip] in try await make().gzipped(counting: gzip) }
        rendered[key] = task
        do {
            let body = try await task.value
            // a key names what its body is made of, so a body is right for its key whenever it was made
            ready.withLock { $0.rendered[key] = body }
            return body
        } catch {
            rendered[key] = nil
            throw error
        }
    }

    /// The list as last read; a stale one is refreshed in the background and served
    /// meanwhile. Only the very first read waits for the database.
    private func loadIndex(logger: Logger) async throws -> Index {
        if let index, Date().timeIntervalSince(index.fetched) < Self.indexLifetime { return index }
        let task =
            refreshing
            ?? Task { [database, releases] in
                let list = try await releases.releases(logger: logger)
                let headlines = try await database.read(logger: logger) { try await PublicStatisticsRepository().headlineIndicators(on: $0) }
                return (Date(), list, headlines)
            }
        refreshing = task
        let started = generation
        if let index {
            Task { try? await self.finishRefresh(task, started: started) }
            return index
        }
        return try await finishRefresh(task, started: started)
    }

    private func finishRefresh(_ task: Task<Index, any Error>, started: Int) async throws -> Index {
        defer { if refreshing == task { refreshing = nil } }
        let fresh = try await task.value
        guard started == generation else { return try await loadIndex(logger: Logger(label: "alliance")) }
        let changed = index?.releases != fresh.releases
        if changed { rendered = [:] }
        index = fresh
        ready.withLock { ready in
            if changed { ready.rendered = [:] }
            ready.index = fresh
        }
        return fresh
    }
}

extension DomainError {
    static func noRelease(_ year: Int) -> DomainError {
        DomainError(.noRelease, "No summary for \(year) has been published yet.")
    }
}
