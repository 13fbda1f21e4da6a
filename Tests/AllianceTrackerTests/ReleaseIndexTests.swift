import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

@testable import AllianceTracker

/// An instance's view of releases never goes backwards, and no public answer is kept
/// in a cache past the next embargo's end.
@Suite struct ReleaseIndexTests {
    /// A database cloned before the publication plays a standby that has not replayed it.
    @Test func aListFromALaggingDatabaseTakesNoReleaseAway() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try SummaryTests.history(url)
            let lagging = url.with(database: url.database + "_lag")
            try sql(TestDatabase.adminURL, "CREATE DATABASE \(lagging.database) TEMPLATE \(url.database)")
            defer { _ = try? sql(TestDatabase.adminURL, "DROP DATABASE IF EXISTS \(lagging.database) WITH (FORCE)") }
            let token = try makeToken(url, role: "secretariat", country: nil)
            try await FrozenReleaseTests.withRouter(url, minimumCountries: 3) { try await FrozenReleaseTests.publish($0, token) }
            let logger = TestDatabase.logger
            try await withDatabase(TestDatabase.asService(lagging), logger: logger) { standby in
                try await withDatabase(TestDatabase.asService(url), logger: logger) { primary in
                    let disclosure = Disclosure(minimumCountries: 3)
                    let releases = PublicReleases(
                        database: standby,
                        releases: ReleaseService(database: standby, disclosure: disclosure, clock: .system),
                        clock: .system,
                        primary: ReleaseService(database: primary, disclosure: disclosure, clock: .system)
                    )
                    #expect(try await releases.visible(logger: logger).isEmpty, "the standby has no release yet")
                    try await releases.reload(logger: logger)  // as after a notification
                    #expect(try await releases.visible(logger: logger).map(\.release) == [1])
                    try await releases.poll(logger: logger)  // the standby's shorter list
                    let seen = try await releases.visible(logger: logger)
                    #expect(seen.map(\.release) == [1], "a poll of the lagging database took the release away")
                    // its document, which the standby lacks, comes from the primary
                    let info = try #require(seen.first)
                    #expect(try await releases.published(info, logger: logger).year == 2024)
                }
            }
        }
    }

    /// After a publication on this instance the next read goes to the primary; with the
    /// primary down then (bench/replica.sh once met it: one public read of 1,020 answered
    /// 503), the read database's list serves.
    @Test func aReadAfterAPublicationUsesTheStandbyWhileThePrimaryIsDown() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            try await withDatabase(TestDatabase.asService(r.url), logger: TestDatabase.logger) { standby in
                let primary = Database(pool: PostgresClient(configuration: StandbyFixtures.down.clientConfiguration()))
                primary.detach()
                let disclosure = Disclosure(minimumCountries: 3)
                let releases = PublicReleases(
                    database: standby,
                    releases: ReleaseService(database: standby, disclosure: disclosure, clock: .system),
                    clock: .system,
                    primary: ReleaseService(database: primary, disclosure: disclosure, clock: .system)
                )
                await releases.invalidate()
                let visible = try await releases.visible(logger: TestDatabase.logger)
                #expect(visible.map(\.release) == [1])
            }
        }
    }

    @Test func mergingKeepsEveryReleaseKnownAndAddsNewOnes() {
        let at = Date(timeIntervalSince1970: 0)
        func info(_ year: Int, _ release: Int) -> ReleaseInfo {
            ReleaseInfo(year: year, release: release, publishedAt: at, embargoUntil: nil, note: nil, demo: false)
        }
        let merged = ReleaseIndex.merging(known: [info(2024, 1), info(2024, 2)], read: [info(2023, 1), info(2024, 1)])
        #expect(merged.map { "\($0.year).\($0.release)" } == ["2023.1", "2024.1", "2024.2"])
    }

    /// An answer begun before an embargo's end and made after it may lack the release
    /// the end frees: the cap counts from when the answer began, so it is not kept.
    @Test func anAnswerBegunBeforeAnEmbargoEndedIsNotKept() {
        let end = Date(timeIntervalSince1970: 1000)
        let embargoed = ReleaseInfo(year: 2024, release: 2, publishedAt: end - 60, embargoUntil: end, note: nil, demo: false)
        let next = ReleaseIndex.nextEmbargoEnd(of: [embargoed], after: end - 0.2)
        #expect(CacheableResponse.cacheControl(nextEmbargoEnd: next, now: end + 0.3) == "public, max-age=0")
        // begun after the end: nothing pending
        #expect(ReleaseIndex.nextEmbargoEnd(of: [embargoed], after: end + 0.1) == nil)
    }

    @Test func theCapIsWholeSecondsRoundedDown() {
        let now = Date(timeIntervalSince1970: 1000)
        #expect(CacheableResponse.cacheControl(nextEmbargoEnd: nil, now: now) == "public, max-age=60")
        #expect(CacheableResponse.cacheControl(nextEmbargoEnd: now + 0.5, now: now) == "public, max-age=0")
        #expect(CacheableResponse.cacheControl(nextEmbargoEnd: now + 25.9, now: now) == "public, max-age=25")
        #expect(CacheableResponse.cacheControl(nextEmbargoEnd: now + 600, now: now) == "public, max-age=60")
    }

    static func cacheControls(_ r: Reporting) async throws -> [String: String?] {
        var found: [String: String?] = [:]
        for path in [
            "/v1/public/summaries/2024", "/v1/public/summaries/2024?format=csv", "/", "/years/2024", "/v1/goals", "/v1/public/overview",
            "/v1/public/indicators/icse_victims_identified/series", "/v1/public/summaries/2024/releases/1",
        ] {
            let response = try await r.send(.get, path, token: nil)
            #expect(response.status == .ok, "\(path): \(response.text)")
            found[path] = response.headers[.cacheControl]
        }
        return found
    }

    @Test func noPublicAnswerIsKeptPastTheNextEmbargosEnd() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            #expect(Set(try await Self.cacheControls(r).values) == ["public, max-age=60"], "no embargo pending")
            _ = try await PublicStatisticsTests.publish(r, 2024, ["embargo_until": "2025-02-15T12:00:25Z"])
            #expect(Set(try await Self.cacheControls(r).values) == ["public, max-age=25"])
            #expect(try await r.send(.get, "/v1/public/summaries/2024", token: nil).json()["release"] as? Int == 1)
            // a 304 carries the same cap
            let etag = try #require(try await r.send(.get, "/v1/public/summaries/2024", token: nil).headers[.eTag])
            let notModified = try await r.send(.get, "/v1/public/summaries/2024", token: nil, headers: [.ifNoneMatch: etag])
            #expect(notModified.status == .notModified)
            #expect(notModified.headers[.cacheControl] == "public, max-age=25")
            r.clock.set("2025-02-15T12:00:24Z")
            #expect(Set(try await Self.cacheControls(r).values) == ["public, max-age=1"])
            r.clock.set("2025-02-15T12:00:25Z")
            #expect(try await r.send(.get, "/v1/public/summaries/2024", token: nil).json()["release"] as? Int == 2)
            #expect(Set(try await Self.cacheControls(r).values) == ["public, max-age=60"], "the embargo is over")
        }
    }
}
