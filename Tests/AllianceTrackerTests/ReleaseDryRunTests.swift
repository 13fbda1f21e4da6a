import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `POST /v1/summaries/{year}/releases?dry_run=true`: what the next release would
/// withhold, on `DifferencingTests`' data, and nothing stored.
@Suite struct ReleaseDryRunTests {
    static let tables = ["summary_releases", "published_summaries", "release_figures", "audit_log", "idempotency_keys"]

    static func counts(_ url: DatabaseURL) throws -> [[String?]] {
        try sql(url, "SELECT " + tables.map { "(SELECT count(*) FROM \($0))" }.joined(separator: ", "))
    }

    @Test func aDryRunListsWhatTheReleaseWouldWithholdAndStoresNothing() async throws {
        try await withReporting { r in
            try DifferencingTests.data(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            try SummaryFixtures.report(r.url, "NL", 2024, versions: [[DifferencingTests.convicted: "57"]])
            let before = try Self.counts(r.url)
            let path = "/v1/summaries/2024/releases?dry_run=true"
            let response = try await r.send(.post, path, token: r.secretariat, json: ["note": "late NL"], headers: [Idempotency.header: "k1"])
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.headers[.cacheControl] == "no-store")
            let body = try response.json()
            #expect(body["year"] as? Int == 2024 && body["release"] as? Int == 2)
            // headline, total, mean and median of convicted: one quantity, 4 figures
            #expect(body["withheld_count"] as? [String: Int] == ["small_cell": 0, "differencing": 4])
            let indicators = try #require(body["indicators"] as? [[String: Any]])
            #expect(indicators.map { $0["code"] as? String } == [DifferencingTests.convicted])
            let statistics = ["headline", "total", "mean", "median"]
            #expect(indicators.first?["withheld"] as? [String: String] == Dictionary(uniqueKeysWithValues: statistics.map { ($0, "differencing") }))
            #expect((body["targets"] as? [Any])?.isEmpty == true)
            #expect(try Self.counts(r.url) == before)
            // the same key publishes afterwards: the dry run kept no answer for it
            let published = try await r.send(
                .post,
                "/v1/summaries/2024/releases",
                token: r.secretariat,
                json: [:],
                headers: [Idempotency.header: "k1"]
            )
            #expect(published.status == .created, "\(published.text)")
            #expect(try sql(r.url, "SELECT count(*) FROM summary_releases WHERE year = 2024") == [["2"]])
        }
    }

    @Test func aBadDryRunIsRefusedAndStoresNothing() async throws {
        try await withReporting { r in
            try DifferencingTests.data(r.url)
            let before = try Self.counts(r.url)
            let token = r.secretariat
            try await r.send(.post, "/v1/summaries/2024/releases?dry_run=maybe", token: token, json: [:])
                .expectProblem(.badRequest, code: "invalid_parameter")
            try await r.send(.post, "/v1/summaries/2030/releases?dry_run=true", token: token, json: [:])
                .expectProblem(.notFound, code: "unknown_cycle")
            let long = String(repeating: "x", count: 2001)
            try await r.send(.post, "/v1/summaries/2024/releases?dry_run=true", token: token, json: ["note": long])
                .expectProblem(.unprocessableContent, code: "too_long")
            try await r.send(.post, "/v1/summaries/2024/releases?dry_run=true", token: token, json: ["embargo_until": "soon"])
                .expectProblem(.unprocessableContent, code: "invalid_body")
            try await r.send(.post, "/v1/summaries/2024/releases?dry_run=true", token: token, json: [:], headers: [Idempotency.header: ""])
                .expectProblem(.badRequest, code: "invalid_idempotency_key")
            #expect(try Self.counts(r.url) == before)
        }
    }
}
