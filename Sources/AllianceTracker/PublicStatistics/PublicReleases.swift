import Foundation
import Logging
import Synchronization

/// The published releases as the public sees them, kept in memory: a release never
/// changes once published, so serving it costs no database round trip. The list of
/// releases is reloaded from the primary when `ReleaseListener` hears of a publication,
/// and re-read every few seconds as a fallback; meanwhile requests are served from the
/// list they have (an embargo's end is checked on every request). The list never goes
/// backwards (`ReleaseIndex.merging`). Each list and each body is loaded once, however
/// many requests ask for it at the same moment.
actor PublicReleases {
    let database: Database
    let releases: ReleaseService
    /// Reads on the primary: a reload after a notification, and a document the read
    /// database (a standby that may lag) does not have yet.
    let primary: ReleaseService
    let clock: AppClock
    let gzip = GzipCompression()
    /// How long a list is served before it is re-read (the polling fallback).
    let indexLifetime: TimeInterval

    typealias Index = (fetched: Date, releases: [ReleaseInfo], headlines: [String])

    private var index: Index?
    private var refreshing: Task<Index, any Error>?
    /// Bumped by `invalidate`, so that a read begun before a publication cannot
    /// put back the list without it.
    private var generation = 0
    /// Set by `invalidate`: the next read goes to the primary, which has the publication.
    private var readPrimaryNext = false
    /// Every release seen, kept when the list is forgotten: a list read later is joined to it.
    private var known: [ReleaseInfo] = []
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

    init(database: Database, releases: ReleaseService, clock: AppClock, primary: ReleaseService? = nil, indexLifetime: TimeInterval = 5) {
        self.database = database
        self.releases = releases
        self.primary = primary ?? releases
        self.clock = clock
        self.indexLifetime = indexLifetime
    }

    /// Forgets the list of releases, as after a publication on this instance; the
    /// next read is from the primary.
    func invalidate() {
        index = nil
        refreshing = nil
        generation += 1
        readPrimaryNext = true
        ready.withLock { $0.index = nil }
    }

    /// Reads the list in full from the primary and takes it in, however fresh the one
    /// held: after a notification, and after `ReleaseListener` (re)connects.
    func reload(logger: Logger) async throws {
        let started = generation
        installUnlessInvalidated(try await Self.read(primary, logger: logger), started: started)
    }

    /// What a poll does, awaited: reads the list from the read database and takes it in.
    func poll(logger: Logger) async throws {
        let started = generation
        installUnlessInvalidated(try await Self.read(releases, logger: logger), started: started)
    }

    /// A list read before `invalidate()` may lack the publication that called it: its
    /// releases are kept as known, but it is not served; the next read goes to the primary.
    private func installUnlessInvalidated(_ read: Index, started: Int) {
        guard started == generation else {
            known = ReleaseIndex.merging(known: known, read: read.releases)
            return
        }
        install(read)
    }

    /// `visible(logger:)`, from the fresh list when there is one, without the actor.
    nonisolated func visibleNow(logger: Logger) async throws -> [ReleaseInfo] {
        let now = clock.now()
        return try await listNow(logger: logger).filter { $0.visible(at: now) }
    }

    /// The latest release of `year` visible now, found in the fresh list without copying it:
    /// read on every request for a year's summary.
    nonisolated func latestVisibleNow(year: Int, logger: Logger) async throws -> ReleaseInfo? {
        let now = clock.now()
        return try await listNow(logger: logger).last { $0.year == year && $0.visible(at: now) }
    }

    /// Every release known, embargoed ones included, from the fresh list when there is one.
    nonisolated func listNow(logger: Logger) async throws -> [ReleaseInfo] {
        let index = ready.withLock { $0.index }
        guard let index, Date().timeIntervalSince(index.fetched) < indexLifetime else { return try await loadIndex(logger: logger).releases }
        return index.releases
    }

    /// The `Cache-Control` of a public answer begun at `started`: never past the next
    /// embargo's end after `started`, so that an answer made while an embargo ended
    /// (without the release it frees) is not kept at all. When the list cannot be read,
    /// nothing is kept (`max-age=0`).
    nonisolated func cacheControl(since started: Date, logger: Logger) async -> String {
        let now = clock.now()
        guard let list = try? await listNow(logger: logger) else { return CacheableResponse.cacheControl(nextEmbargoEnd: now, now: now) }
        return CacheableResponse.cacheControl(nextEmbargoEnd: ReleaseIndex.nextEmbargoEnd(of: list, after: started), now: now)
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
        ReleaseIndex.latestByYear(try await visibleNow(logger: logger))
    }

    /// Names the latest visible release of every year ("2023.2,2024.1"): a rendered
    /// body built from them is current as long as this is unchanged, embargoes included.
    nonisolated func signature(logger: Logger) async throws -> String {
        ReleaseIndex.names(try await latestByYear(logger: logger))
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
            ?? Task { [releases, primary] in
                let frozen: FrozenRelease
                do {
                    frozen = try await releases.frozen(year: info.year, release: info.release, logger: logger)
                } catch is UnfrozenRelease {
                    // a read database that has not replayed the publication yet: the primary has it
                    frozen = try await primary.frozen(year: info.year, release: info.release, logger: logger)
                }
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
        if let index, Date().timeIntervalSince(index.fetched) < indexLifetime { return index }
        let task =
            refreshing
            ?? Task { [primaryFirst = readPrimaryNext, primary, releases] in
                // the primary has the publication for sure; while it is down, the read
                // database's list serves (joined to what is known, so nothing goes back)
                if primaryFirst, let index = try? await Self.read(primary, logger: logger) { return index }
                return try await Self.read(releases, logger: logger)
            }
        refreshing = task
        readPrimaryNext = false
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
        return install(fresh)
    }

    private static func read(_ source: ReleaseService, logger: Logger) async throws -> Index {
        let list = try await source.releases(logger: logger)
        let headlines = try await source.database.read(logger: logger) { try await PublicStatisticsRepository().headlineIndicators(on: $0) }
        return (Date(), list, headlines)
    }

    /// Takes in a list just read, joined to every release already seen.
    @discardableResult
    private func install(_ read: Index) -> Index {
        known = ReleaseIndex.merging(known: known, read: read.releases)
        let fresh = (fetched: read.fetched, releases: known, headlines: read.headlines)
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
