import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// A release published on one instance is served by every other one at once, through
/// LISTEN/NOTIFY, not the poll (made an hour long here).
@Suite struct ReleaseListenerTests {
    static let summary2024 = "/v1/public/summaries/2024"

    static func config(_ url: DatabaseURL, listening: Bool = true) -> Config {
        var config = TestDatabase.config(url)
        config.clock = TestClock("2025-07-01T12:00:00Z").appClock
        config.releaseIndexLifetime = 3600
        config.listensForReleases = listening
        return config
    }

    /// Whether `client` serves release `release` of 2024 within 30 s: a wait, not a timing.
    /// `field`: `latest_release` for a release copied by SQL, whose document still says release 1.
    static func serves(_ client: some TestClientProtocol, release: Int, field: String = "release") async throws -> Bool {
        let end = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < end {
            let response = try await client.execute(uri: summary2024, method: .get)
            if response.status == .ok, try response.json()[field] as? Int == release { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// The back ends of the database's listeners.
    static func listeners(_ url: DatabaseURL) throws -> Set<String> {
        Set(
            try sql(
                url,
                "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND application_name = '\(ReleaseListener.applicationName)'"
            ).compactMap { $0[0] }
        )
    }

    /// Waits (up to 30 s) until `count` listeners are in place, none of them in `gone`.
    static func waitForListeners(_ url: DatabaseURL, count: Int, notAmong gone: Set<String> = []) async throws -> Set<String> {
        let end = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < end {
            let now = try listeners(url)
            if now.count == count, now.isDisjoint(with: gone) { return now }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("\(count) listeners did not appear")
        return []
    }

    @Test func aReleasePublishedOnOneInstanceIsServedByAnotherWithoutAPoll() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try SummaryTests.history(url)
            let token = try makeToken(url, role: "secretariat", country: nil)
            try await buildApplication(config: Self.config(url)).test(.router) { a in
                try await buildApplication(config: Self.config(url)).test(.router) { b in
                    // B reads its list (nothing published) and would keep it for an hour
                    try await b.execute(uri: Self.summary2024, method: .get).expectProblem(.notFound, code: "no_release")
                    _ = try await Self.waitForListeners(url, count: 2)
                    try await FrozenReleaseTests.publish(a, token)
                    #expect(try await Self.serves(b, release: 1))
                    try await FrozenReleaseTests.publish(a, token)
                    #expect(try await Self.serves(b, release: 2))
                }
            }
        }
    }

    @Test func aListenerCutOffCatchesUpAndHearsAgain() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try SummaryTests.history(url)
            let token = try makeToken(url, role: "secretariat", country: nil)
            try await buildApplication(config: Self.config(url, listening: false)).test(.router) { a in
                try await buildApplication(config: Self.config(url)).test(.router) { b in
                    try await b.execute(uri: Self.summary2024, method: .get).expectProblem(.notFound, code: "no_release")
                    let first = try await Self.waitForListeners(url, count: 1)
                    try await FrozenReleaseTests.publish(a, token)
                    #expect(try await Self.serves(b, release: 1))
                    // a release that announces nothing (written by SQL, at release 1's time, which
                    // is the test clock's now): with an hour's poll, only the reload after B's
                    // listener reconnects can bring it
                    try EarlierReleaseFixtures.copyReleaseOne(url, note: "unannounced", later: "0 seconds")
                    let stale = try await b.execute(uri: Self.summary2024, method: .get) { $0 }
                    #expect(try stale.json()["latest_release"] as? Int == 1)
                    try sql(
                        url,
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '\(ReleaseListener.applicationName)'"
                    )
                    #expect(try await Self.serves(b, release: 2, field: "latest_release"))
                    // and it hears the next one on its new connection
                    _ = try await Self.waitForListeners(url, count: 1, notAmong: first)
                    try await FrozenReleaseTests.publish(a, token)
                    #expect(try await Self.serves(b, release: 3))
                }
            }
        }
    }

    /// Publishes in a transaction that then rolls back; returns the release it had numbered.
    static func rolledBackPublication(_ url: DatabaseURL) async throws -> String {
        struct Abandoned: Error { let release: String }
        let tokenID = try #require(Int64(try sql(url, "SELECT max(id)::text FROM tokens")[0][0] ?? ""))
        let actor = AuditActor(Identity(tokenID: tokenID, role: .secretariat, country: nil))
        return try await withDatabase(TestDatabase.asService(url), logger: TestDatabase.logger) { database in
            let service = ReleaseService(database: database, disclosure: Disclosure(minimumCountries: 3), clock: .system)
            do {
                return try await database.transaction(logger: TestDatabase.logger) { session in
                    let (info, _) = try await service.publish(year: 2024, ReleaseInput(), actor: actor, in: session, logger: TestDatabase.logger)
                    throw Abandoned(release: "\(info.year).\(info.release)")
                }
            } catch let abandoned as Abandoned {
                return abandoned.release
            }
        }
    }

    /// NOTIFY is sent at COMMIT: a dry run and a publication rolled back announce nothing.
    @Test func onlyACommittedPublicationIsAnnounced() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try SummaryTests.history(url)
            let token = try makeToken(url, role: "secretariat", country: nil)
            let listener = try LibPQConnection(url: url)
            _ = try listener.execute("LISTEN alliance_releases")
            try await buildApplication(config: Self.config(url, listening: false)).test(.router) { a in
                let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
                let dry = try await a.execute(
                    uri: "/v1/summaries/2024/releases?dry_run=true",
                    method: .post,
                    headers: headers,
                    body: ByteBuffer(string: "{}")
                )
                #expect(dry.status == .ok)
                #expect(try await Self.rolledBackPublication(url) == "2024.1")
                try await FrozenReleaseTests.publish(a, token)
            }
            // the release's notification comes after any the dry run or the refusal sent
            var heard: [String] = []
            let end = ContinuousClock.now + .seconds(30)
            while heard.isEmpty, ContinuousClock.now < end {
                heard = listener.notifications()
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(heard == ["2024.1"])
        }
    }
}
