import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

@Suite struct DemoTests {
    /// Figures the demo's 21 releases withhold, by reason (docs/statistics.md).
    static let withheldByReason: [[String?]] = [["differencing", "685"]]

    @Test func demoDataFillsEveryYearFrom2013AndPublishesAllButTheLast() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let clock = AppClock(now: ISO8601DateFormatter().date(from: "2026-11-22T12:00:00Z")!)
            let outcome = try await withDatabase(url, logger: TestDatabase.logger) { database in
                try await DemoSeeder(clock: clock).seed(database, logger: TestDatabase.logger)
            }
            #expect(outcome.years == 2013...2025)
            #expect(outcome.openYear == 2025)
            #expect(try sql(url, "SELECT count(DISTINCT year) FROM summary_releases WHERE demo") == [["12"]])
            #expect(try sql(url, "SELECT bool_and(demo) FROM reports") == [["t"]])
            // gaps, late submissions, returned and amended reports, not-available values
            #expect(try sql(url, "SELECT count(*) < 13 * 48 FROM reports") == [["t"]])
            #expect(
                try sql(
                    url,
                    """
                    SELECT count(*) > 0 FROM reports r JOIN reporting_cycles c ON c.year = r.year
                    WHERE (r.first_submitted_at AT TIME ZONE 'UTC')::date > c.due_on
                    """
                ) == [["t"]]
            )
            #expect(try sql(url, "SELECT count(*) > 0 FROM reports WHERE accepted_version > 1") == [["t"]])
            #expect(try sql(url, "SELECT count(*) > 0 FROM summary_releases WHERE release = 2") == [["t"]])
            #expect(try sql(url, "SELECT count(*) > 0 FROM report_values WHERE not_available IS NOT NULL") == [["t"]])
            // the cost of disclosure control on the demo data, by reason (docs/statistics.md)
            let withheld = try sql(
                url,
                """
                SELECT w.value #>> '{}', count(*) FROM published_summaries p,
                       jsonb_array_elements((p.document::jsonb -> 'indicators') || (p.document::jsonb -> 'targets')) i,
                       jsonb_each(i -> 'withheld') w
                GROUP BY 1 ORDER BY 1
                """
            )
            #expect(withheld == DemoTests.withheldByReason, "\(withheld)")
            let detail = try sql(
                url,
                """
                SELECT w.key, w.value #>> '{}', count(*), (SELECT count(*) FROM published_summaries) FROM published_summaries p,
                       jsonb_array_elements((p.document::jsonb -> 'indicators') || (p.document::jsonb -> 'targets')) i,
                       jsonb_each(i -> 'withheld') w
                GROUP BY 1, 2 ORDER BY 1, 2
                """
            )
            let expected: [(String, Int)] = [
                ("growth_all_reporters", 128), ("growth_like_for_like", 82), ("headline", 63), ("level", 74), ("mean", 54), ("median", 60),
                ("previous", 101), ("share_pct", 3), ("since_baseline", 67), ("total", 39), ("value", 14),
            ]
            #expect(detail == expected.map { [$0.0, "differencing", String($0.1), "21"] }, "\(detail)")
            // seeding again adds nothing
            let again = try await withDatabase(url, logger: TestDatabase.logger) { database in
                try await DemoSeeder(clock: clock).seed(database, logger: TestDatabase.logger)
            }
            #expect(again.alreadyPresent)
            #expect(try sql(url, "SELECT count(*) FROM summary_releases") == [["\(outcome.releases)"]])

            var config = TestDatabase.config(url)
            config.clock = clock
            let app = try buildApplication(config: config)
            let secretariat = try makeToken(url, role: "secretariat", country: nil)
            try await app.test(.router) { client in
                try await Self.everyIndicatorHasItsMultiYearFigure(client, token: secretariat)
                // what a release of the open year would withhold now (docs/statistics.md)
                let dryRun = try await client.execute(
                    uri: "/v1/summaries/2025/releases?dry_run=true",
                    method: .post,
                    headers: [.authorization: "Bearer \(secretariat)", .contentType: "application/json"],
                    body: ByteBuffer(string: "{}")
                )
                #expect(dryRun.status == .ok)
                let answer = try dryRun.json()
                #expect(answer["withheld_count"] as? [String: Int] == ["small_cell": 94, "differencing": 0], "\(String(buffer: dryRun.body))")
                #expect(try sql(url, "SELECT count(*) FROM summary_releases WHERE year = 2025") == [["0"]])
                try await client.execute(uri: "/v1/public/overview", method: .get) { response in
                    let overview = try response.json()
                    #expect(overview["demo"] as? Bool == true)
                    #expect((overview["notice"] as? String)?.contains("Demonstration") == true)
                    let years = (overview["years"] as? [[String: Any]])?.compactMap { $0["year"] as? Int }
                    #expect(years == Array(2013...2024))  // 2025 is open, not published
                }
            }
        }
    }

    /// Live and published, every indicator has its figure since its baseline year
    /// (2013 for OG1.1), and ratios and booleans are in points only, in JSON and CSV.
    static func everyIndicatorHasItsMultiYearFigure(_ client: some TestClientProtocol, token: String) async throws {
        let live = try await client.execute(uri: "/v1/summaries/2024", method: .get, headers: [.authorization: "Bearer \(token)"])
        #expect(live.status == .ok)
        let indicators = try #require(try live.json()["indicators"] as? [[String: Any]])
        #expect(indicators.count == 15)
        for indicator in indicators {
            let code = indicator["code"] as? String ?? ""
            let since = try #require(indicator["since_baseline"] as? [String: Any])
            let points = ["ratio", "boolean"].contains(indicator["measure_kind"] as? String ?? "")
            #expect(since["reason"] is NSNull, "\(code): \(since)")
            #expect(SummaryTests.number(since[points ? "change_pp" : "cagr_pct"]) != nil, "\(code): \(since)")
            #expect(since[points ? "cagr_pct" : "change_pp"] is NSNull, "\(code): \(since)")
            if code == SummaryTests.victims { #expect(since["baseline_year"] as? Int == 2013) }
        }
        // OG1.1 as seeded is judged on the level: its panel, its two levels, a verdict
        let victims = try #require(indicators.first { $0["code"] as? String == SummaryTests.victims })
        let level = try #require(victims["level"] as? [String: Any])
        let og11 = try #require((try live.json()["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "OG1.1" })
        #expect(og11["basis"] as? String == "cumulative_level")
        #expect(og11["countries"] as? Int == (level["panel"] as? [Any])?.count && (og11["countries"] as? Int ?? 0) >= 3)
        #expect(SummaryTests.number(og11["previous"]) == SummaryTests.number(level["previous"]))
        #expect(SummaryTests.number(og11["current"]) == SummaryTests.number(level["current"]))
        #expect(og11["met"] is Bool, "\(og11)")
        let csv = try await client.execute(uri: "/v1/public/summaries/2024?format=csv", method: .get)
        let text = String(buffer: csv.body)
        #expect(text.contains(",indicator,schools_online_safety_pct,change_like_for_like_pp,"))
        #expect(text.contains(",indicator,national_awareness_strategy,change_since_baseline_pp,"))
        #expect(!text.contains(",indicator,schools_online_safety_pct,growth_"))
        #expect(!text.contains(",indicator,national_awareness_strategy,cagr_"))
        // the public series, release by release: points for a proportion, never percent
        let series = try await client.execute(uri: "/v1/public/indicators/schools_online_safety_pct/series", method: .get)
        let seriesPoints = try #require(try series.json()["points"] as? [[String: Any]])
        #expect(seriesPoints.count == 12)
        for point in seriesPoints.dropFirst() {
            // a number, or withheld and named so
            let withheld = (point["withheld"] as? [String: String])?["growth_like_for_like"]
            #expect((SummaryTests.number(point["change_like_for_like_pp"]) != nil) != (withheld != nil), "\(point)")
            #expect(point["growth_like_for_like_pct"] is NSNull, "\(point)")
        }
    }

    /// Seeded on 2026-11-29, 2025 is open: it opened 2026-10-04, was due 2026-11-24, locks 2027-01-10.
    @Test func lastYearIsLeftOpenWithReportsAtEveryStage() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let clock = AppClock(now: ISO8601DateFormatter().date(from: "2026-11-29T08:00:00Z")!)
            let seed = {
                try await withDatabase(url, logger: TestDatabase.logger) { try await DemoSeeder(clock: clock).seed($0, logger: TestDatabase.logger) }
            }
            let outcome = try await seed()
            #expect(outcome.openYear == 2025)
            #expect(
                try sql(url, "SELECT opens_on::text, due_on::text, locks_on::text FROM reporting_cycles WHERE year = 2025")
                    == [["2026-10-04", "2026-11-24", "2027-01-10"]]
            )
            #expect(try sql(url, "SELECT count(*) FROM summary_releases WHERE year = 2025") == [["0"]])
            #expect(try sql(url, "SELECT count(DISTINCT year), min(year), max(year) FROM summary_releases") == [["12", "2013", "2024"]])
            #expect(try sql(url, "SELECT count(*) FROM reports WHERE year = 2025 AND country = 'FR'") == [["0"]])
            #expect(try sql(url, "SELECT bool_and(demo) FROM reports WHERE year = 2025") == [["t"]])
            let stages = """
                SELECT CASE WHEN r.accepted_version IS NOT NULL AND r.status = 'submitted' THEN 'amendment_submitted'
                            WHEN r.status = 'submitted' AND (r.first_submitted_at AT TIME ZONE 'UTC')::date > c.due_on THEN 'submitted late'
                            ELSE r.status END, count(*)
                FROM reports r JOIN reporting_cycles c USING (year) WHERE year = 2025 GROUP BY 1 ORDER BY 1
                """
            let expected = try sql(url, "SELECT count(*) FROM cycle_expected_reporters WHERE year = 2025")[0][0].flatMap { Int($0) } ?? 0
            #expect(expected == 48)
            #expect(
                try sql(url, stages) == [
                    ["accepted", "1"], ["amendment_submitted", "1"], ["draft", "11"], ["returned", "1"], ["submitted", "17"],
                    ["submitted late", "5"],
                ]
            )
            // every step went through the services: audited at its moment, none after the seeding day
            #expect(try sql(url, "SELECT count(*) FROM audit_log WHERE year = 2025 AND action = 'report.submitted'") == [["26"]])
            #expect(try sql(url, "SELECT max(at) < '2026-11-29' FROM audit_log WHERE year = 2025") == [["t"]])

            let reports = try sql(url, "SELECT count(*) FROM reports")
            #expect(try await seed().alreadyPresent)
            #expect(try sql(url, "SELECT count(*) FROM reports") == reports)

            var config = TestDatabase.config(url)
            config.clock = clock
            let france = try makeToken(url, role: "country", country: "FR")
            let headers: HTTPFields = [.authorization: "Bearer \(france)", .contentType: "application/json"]
            let draft = ByteBuffer(string: #"{"values":[{"indicator":"dedicated_le_unit","value":true}]}"#)
            try await buildApplication(config: config).test(.router) { client in
                try await client.execute(uri: "/v1/cycles/2025", method: .get) { response in
                    #expect(response.status == .ok)
                    let cycle = try response.json()
                    #expect((cycle["expected_reporters"] as? [String])?.contains("FR") == true)
                }
                // the seeding day is inside 2025's window, and 2024 is locked: France can start 2025 only
                try await client.execute(uri: "/v1/countries/FR/reports/2024", method: .put, headers: headers, body: draft) { response in
                    #expect(response.status == .conflict)
                    let problem = try response.json()
                    #expect(problem["code"] as? String == "cycle_locked")
                }
                try await client.execute(uri: "/v1/countries/FR/reports/2025", method: .put, headers: headers, body: draft) { response in
                    #expect(response.status == .created)
                    #expect(response.headers[.eTag] == "\"1\"")
                }
            }
            #expect(
                try sql(url, "SELECT year, status, current_version FROM reports WHERE country = 'FR' AND year >= 2024 ORDER BY year") == [
                    ["2024", "accepted", "1"], ["2025", "draft", "1"],
                ]
            )
        }
    }
}
