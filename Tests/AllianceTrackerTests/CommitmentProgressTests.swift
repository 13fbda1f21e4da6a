import Foundation
import Testing

@testable import AllianceTracker

/// Commitment progress worked out by hand (docs/statistics.md, "Commitments"): the
/// latest accepted value up to the year against the value the path requires that year.
@Suite struct CommitmentProgressTests {
    static let victims = "icse_victims_identified"
    static let days = "notice_takedown_median_days"
    static let hotline = "hotline_reports_confirmed"

    /// FR accepted 2023: victims 100, takedown 4 days, hotline 50; 2024: victims 130
    /// and takedown 2 days (version 1 accepted; version 2, 999 victims, is not).
    static func history(_ url: DatabaseURL) throws {
        try SummaryFixtures.cycle(url, 2023)
        try SummaryFixtures.cycle(url, 2024)
        try SummaryFixtures.report(url, "FR", 2023, versions: [[victims: "100", days: "4", hotline: "50"]])
        try SummaryFixtures.report(url, "FR", 2024, status: "submitted", versions: [[victims: "130", days: "2"], [victims: "999"]], accepted: 1)
        try sql(
            url,
            """
            INSERT INTO commitments (country, goal, indicator, title, baseline_year, baseline_value, target_year, target_value, target_growth_pct)
            VALUES ('FR', 1, 'icse_victims_identified', 'linear', 2022, 100, 2026, 200, NULL),
                   ('FR', 1, 'icse_victims_identified', 'compound', 2022, 100, NULL, NULL, 10),
                   ('FR', 1, 'icse_victims_identified', 'achieved rising', 2022, 100, 2030, 125, NULL),
                   ('FR', 4, 'notice_takedown_median_days', 'achieved falling', 2022, 5, 2025, 2, NULL),
                   ('FR', 4, 'notice_takedown_median_days', 'falling', 2022, 3, 2026, 1, NULL),
                   ('FR', 4, 'hotline_reports_confirmed', 'stale', 2022, 40, 2026, 80, NULL),
                   ('FR', 1, 'icse_victims_identified', 'no baseline', NULL, NULL, 2026, 200, NULL),
                   ('FR', 2, NULL, 'a national plan', NULL, NULL, NULL, NULL, NULL),
                   ('DE', 1, 'icse_victims_identified', 'german', 2022, 100, 2026, 200, NULL)
            """
        )
    }

    /// title → progress, for FR in `query`.
    static func progress(_ r: Reporting, _ query: String = "") async throws -> [String: [String: Any]] {
        let response = try await r.send(.get, "/v1/countries/FR/commitments\(query)", token: r.france)
        #expect(response.status == .ok, "\(response.text)")
        let list = try #require(try response.json()["commitments"] as? [[String: Any]])
        var byTitle: [String: [String: Any]] = [:]
        for item in list { byTitle[item["title"] as? String ?? ""] = item["progress"] as? [String: Any] }
        return byTitle
    }

    static func expect(
        _ p: [String: Any]?,
        _ status: String,
        current: Decimal?,
        year: Int?,
        expected: Decimal?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(p?["status"] as? String == status, "\(String(describing: p))", sourceLocation: sourceLocation)
        #expect(SummaryTests.number(p?["current"]) == current, "\(String(describing: p))", sourceLocation: sourceLocation)
        #expect(p?["current_year"] as? Int == year, "\(String(describing: p))", sourceLocation: sourceLocation)
        #expect(SummaryTests.number(p?["expected"]) == expected, "\(String(describing: p))", sourceLocation: sourceLocation)
    }

    @Test func eachStatusByHandInTheLatestCycle() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            let p = try await Self.progress(r)
            #expect(p.count == 8)  // FR's only
            #expect(p["linear"]?["year"] as? Int == 2024)  // the latest cycle
            // 100 + (200 − 100) × 2/4 = 150 required; 130 → off track
            Self.expect(p["linear"], "off_track", current: 130, year: 2024, expected: 150)
            // 100 × 1.1² = 121 required; 130 → on track
            Self.expect(p["compound"], "on_track", current: 130, year: 2024, expected: 121)
            // 130 ≥ 125, the target, on a rising path → achieved (path: 100 + 25 × 2/8)
            Self.expect(p["achieved rising"], "achieved", current: 130, year: 2024, expected: Decimal(string: "106.25"))
            // 2 ≤ 2, the target, on a falling path → achieved (path: 5 − 3 × 2/3 = 3)
            Self.expect(p["achieved falling"], "achieved", current: 2, year: 2024, expected: 3)
            // path 3 − 2 × 2/4 = 2; 2 ≤ 2 on a falling path → on track
            Self.expect(p["falling"], "on_track", current: 2, year: 2024, expected: 2)
            // nothing accepted for 2024: 2023's 50 against 40 + 40 × 2/4 = 60 → off track
            Self.expect(p["stale"], "off_track", current: 50, year: 2023, expected: 60)
            Self.expect(p["no baseline"], "no_data", current: 130, year: 2024, expected: nil)
            Self.expect(p["a national plan"], "no_data", current: nil, year: nil, expected: nil)
        }
    }

    @Test func anEarlierYearJudgesTheValuesUpToIt() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            let p = try await Self.progress(r, "?year=2023")
            #expect(p["linear"]?["year"] as? Int == 2023)
            Self.expect(p["linear"], "off_track", current: 100, year: 2023, expected: 125)
            Self.expect(p["compound"], "off_track", current: 100, year: 2023, expected: 110)
            Self.expect(p["achieved rising"], "off_track", current: 100, year: 2023, expected: Decimal(string: "103.125"))
            // 4 > 3, the target: path 5 − 3 × 1/3 = 4 → on track, not achieved
            Self.expect(p["achieved falling"], "on_track", current: 4, year: 2023, expected: 4)
            // path 3 − 2 × 1/4 = 2.5; 4 > 2.5 on a falling path → off track
            Self.expect(p["falling"], "off_track", current: 4, year: 2023, expected: Decimal(string: "2.5"))
            // before any accepted value
            Self.expect(try await Self.progress(r, "?year=2022")["linear"], "no_data", current: nil, year: nil, expected: 100)
            for bad in ["abc", "2011", "2101"] {
                try await r.send(.get, "/v1/countries/FR/commitments?year=\(bad)", token: r.france)
                    .expectProblem(.badRequest, code: "invalid_parameter")
            }
        }
    }

    /// A value from before the baseline year says nothing of progress since: FR's only
    /// values before 2024 (100 victims in 2023) would otherwise read as achieved.
    @Test func aValueFromBeforeTheBaselineIsNotProgress() async throws {
        try await withReporting { r in
            try SummaryFixtures.cycle(r.url, 2023)
            try SummaryFixtures.cycle(r.url, 2024)
            try SummaryFixtures.report(r.url, "FR", 2023, versions: [[Self.victims: "160"]])
            try sql(
                r.url,
                """
                INSERT INTO commitments (country, goal, indicator, title, baseline_year, baseline_value, target_year, target_value)
                VALUES ('FR', 1, 'icse_victims_identified', 'from 2024', 2024, 100, 2026, 150)
                """
            )
            Self.expect(try await Self.progress(r, "?year=2024")["from 2024"], "no_data", current: nil, year: nil, expected: 100)
        }
    }

    @Test func theLiveSummaryCountsTheSameFigures() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            let summary = try await SummaryTests.live(r, 2024)
            let goals = try #require(summary["goals"] as? [[String: Any]])
            func counts(_ goal: Int) -> [Int?] {
                let g = goals.first { $0["goal"] as? Int == goal }
                return ["commitments", "on_track", "off_track", "achieved", "no_data"].map { g?[$0] as? Int }
            }
            // goal 1: FR linear off, compound on, achieved rising, no baseline; DE german: no value → no data
            #expect(counts(1) == [5, 1, 1, 1, 2])
            #expect(counts(2) == [1, 0, 0, 0, 1])
            #expect(counts(4) == [3, 1, 1, 1, 0])
            let progress = try #require(summary["commitment_progress"] as? [[String: Any]])
            let stale = try #require(progress.first { $0["title"] as? String == "stale" })
            #expect(stale["current_year"] as? Int == 2023)
            #expect(SummaryTests.number(stale["current"]) == 50)
            #expect(stale["status"] as? String == "off_track")
        }
    }
}
