import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import Testing

@testable import AllianceTracker

/// A repeat of the live summary is served from memory while the data version stays,
/// and never after a change (sql/0020, `LiveSummaryCache`).
@Suite struct SummaryCacheTests {
    static let path = "/v1/summaries/2024"

    /// FR's 2024 report with two versions, the first accepted: 100 victims, then 150.
    static func history(_ url: DatabaseURL) throws {
        for year in 2023...2024 { try SummaryFixtures.cycle(url, year) }
        try SummaryFixtures.report(url, "FR", 2024, versions: [[SummaryTests.victims: "100"], [SummaryTests.victims: "150"]], accepted: 1)
    }

    static func victims(_ response: TestResponse) throws -> Decimal? {
        #expect(response.status == .ok, "\(response.text)")
        return SummaryTests.number(try SummaryTests.indicator(try response.json(), SummaryTests.victims)["total"])
    }

    @Test func aRepeatIsServedAsComputedUntilAChangeThenTheNewFigures() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            let first = try await r.send(.get, Self.path, token: r.secretariat)
            #expect(try Self.victims(first) == 100)
            let csv = try await r.send(.get, Self.path + "?format=csv", token: r.secretariat)
            #expect(csv.text.contains("indicator,icse_victims_identified,total,100,"))
            // later, nothing changed: the same body, computed_at included
            r.clock.set("2025-02-16T12:00:00Z")
            let repeated = try await r.send(.get, Self.path, token: r.secretariat)
            #expect(repeated.status == .ok)
            #expect(repeated.text == first.text)
            #expect(repeated.headers[.contentType] == "application/json")
            #expect(repeated.headers[.cacheControl] == "no-store")
            #expect(try sql(r.url, "SELECT accepted_version FROM reports") == [["1"]])

            // the amendment is accepted: both formats answer the new figures
            _ = try sql(r.url, "UPDATE reports SET accepted_version = 2, current_version = 2")
            let changed = try await r.send(.get, Self.path, token: r.secretariat)
            #expect(try Self.victims(changed) == 150)
            #expect(try changed.json()["computed_at"] as? String == "2025-02-16T12:00:00Z")
            let changedCSV = try await r.send(.get, Self.path + "?format=csv", token: r.secretariat)
            #expect(changedCSV.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(changedCSV.text.contains("indicator,icse_victims_identified,total,150,"))
            #expect(!changedCSV.text.contains("indicator,icse_victims_identified,total,100,"))
            // an unknown year is still a 404, never kept
            for _ in 0..<2 {
                try await r.send(.get, "/v1/summaries/2030", token: r.secretariat).expectProblem(.notFound, code: "unknown_cycle")
            }
        }
    }

    @Test func withTheCacheOffEveryReadComputes() async throws {
        @Sendable func cacheOff(_ config: inout Config) { config.summaryCache = false }
        try await withReporting(configure: cacheOff) { r in
            try Self.history(r.url)
            let first = try await r.send(.get, Self.path, token: r.secretariat).json()
            r.clock.set("2025-02-16T12:00:00Z")
            let second = try await r.send(.get, Self.path, token: r.secretariat).json()
            #expect(first["computed_at"] as? String == "2025-02-15T12:00:00Z")
            #expect(second["computed_at"] as? String == "2025-02-16T12:00:00Z")
        }
    }

    /// The version is read with every token (`TokenRepository.live`): its row deleted by
    /// the owner must stop no token from working, and the live summary then keeps nothing.
    @Test func withoutTheVersionsRowTokensWorkAndEveryReadComputes() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            #expect(try await r.send(.get, Self.path, token: r.secretariat).status == .ok)
            _ = try sql(r.url, "DELETE FROM summary_data_version")
            let first = try await r.send(.get, Self.path, token: r.secretariat)
            #expect(try Self.victims(first) == 100)
            r.clock.set("2025-02-16T12:00:00Z")
            let second = try await r.send(.get, Self.path, token: r.secretariat)
            #expect(try second.json()["computed_at"] as? String == "2025-02-16T12:00:00Z")
            #expect(try await r.send(.get, "/v1/countries/FR/reports/2024", token: r.france).status == .ok)
        }
    }

    @Test func theCacheKeepsTheNewestVersionOfAtMostItsCapacity() {
        let cache = LiveSummaryCache(capacity: 2)
        let keys = (2022...2024).map { LiveSummaryCache.Key(year: $0, format: ResponseFormat.json.rawValue) }
        cache.store(keys[0], version: 5, body: ByteBuffer(string: "2022 at 5"))
        cache.store(keys[0], version: 4, body: ByteBuffer(string: "2022 at 4"))  // late, older: not kept
        #expect(cache.body(keys[0], version: 5) == ByteBuffer(string: "2022 at 5"))
        #expect(cache.body(keys[0], version: 6) == nil)  // (a read at 4 would forget everything: below)
        cache.store(keys[1], version: 5, body: ByteBuffer(string: "2023"))
        _ = cache.body(keys[0], version: 5)  // 2022 served last: 2023 is the least recently used
        cache.store(keys[2], version: 5, body: ByteBuffer(string: "2024"))
        #expect(cache.count == 2)
        #expect(cache.body(keys[1], version: 5) == nil)
        #expect(cache.body(keys[0], version: 5) != nil && cache.body(keys[2], version: 5) != nil)
    }

    @Test func theSettingIsOnOrOff() throws {
        let url = ["DATABASE_URL": "postgres://alliance@127.0.0.1:5432/alliance"]
        #expect(try Config.fromEnvironment(url).summaryCache)
        #expect(try !Config.fromEnvironment(url.merging(["SUMMARY_CACHE": "OFF"]) { $1 }).summaryCache)
        #expect(try Config.fromEnvironment(url.merging(["SUMMARY_CACHE": "on"]) { $1 }).summaryCache)
        #expect(throws: ConfigError.self) { try Config.fromEnvironment(url.merging(["SUMMARY_CACHE": "sometimes"]) { $1 }) }
    }
}

extension SummaryCacheTests {
    /// A repeat at the version the token's check read (`AppRequestContext.summaryDataVersion`)
    /// is served without a statement: here the database is detached, and only a read
    /// that needs it fails.
    @Test func aRepeatAtTheTokensVersionNeedsNoDatabase() async throws {
        let database = Database(pool: PostgresClient(configuration: StandbyFixtures.down.clientConfiguration()))
        database.detach()
        let cache = LiveSummaryCache()
        cache.store(LiveSummaryCache.Key(year: 2024, format: "json"), version: 7, body: ByteBuffer(string: "kept at 7"))
        let summaries = SummaryService(database: database, clock: .system, cache: cache)
        @Sendable func render(_: Summary) -> ByteBuffer { ByteBuffer(string: "computed") }
        let body = try await summaries.live(year: 2024, format: "json", version: 7, logger: TestDatabase.logger, render: render)
        #expect(body == ByteBuffer(string: "kept at 7"))
        for version in [nil, 8] as [Int64?] {
            await #expect(throws: DomainError.self) {
                try await summaries.live(year: 2024, format: "json", version: version, logger: TestDatabase.logger, render: render)
            }
        }
    }

    /// A database restored from a backup takes its counter back; the numbers after it
    /// would come again with other figures, so nothing kept before is served.
    @Test func aVersionGoingBackForgetsWhatWasKept() {
        let cache = LiveSummaryCache()
        let key = LiveSummaryCache.Key(year: 2024, format: "json")
        cache.store(key, version: 57, body: ByteBuffer(string: "before the restore"))
        #expect(cache.body(key, version: 57) == ByteBuffer(string: "before the restore"))
        #expect(cache.body(key, version: 40) == nil)
        #expect(cache.body(key, version: 57) == nil)
        cache.store(key, version: 41, body: ByteBuffer(string: "after"))
        #expect(cache.body(key, version: 41) == ByteBuffer(string: "after"))
    }
}
