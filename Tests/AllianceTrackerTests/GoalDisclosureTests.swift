import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// A goal's counts of commitments by status (`on_track`, `off_track`, `achieved`,
/// `no_data`) under disclosure control (docs/statistics.md "Disclosure control"): a
/// commitment's status is its country's, so the counts follow the rule on contributor
/// sets, counted in countries.
@Suite struct GoalDisclosureTests {
    static func commitments(_ r: Reporting, _ goal: Int, _ countries: [String]) throws {
        let rows = countries.enumerated().map { "('\($1)', \(goal), NULL, 'plan \($0)')" }.joined(separator: ", ")
        try sql(r.url, "INSERT INTO commitments (country, goal, indicator, title) VALUES \(rows)")
    }

    static func publicGoal(_ r: Reporting, _ year: Int, _ goal: Int, release: Int? = nil) async throws -> [String: Any] {
        let path = "/v1/public/summaries/\(year)" + (release.map { "/releases/\($0)" } ?? "")
        let goals = try #require(try await r.send(.get, path, token: nil).json()["goals"] as? [[String: Any]])
        return try #require(goals.first { $0["goal"] as? Int == goal })
    }

    static func csvWithheld(_ r: Reporting, _ year: Int) async throws -> [String] {
        let csv = try await r.send(.get, "/v1/public/summaries/\(year)?format=csv", token: nil).text
        return csv.components(separatedBy: "\r\n").filter { $0.contains(",withheld,") }
    }

    static let all = ["on_track": "small_cell", "off_track": "small_cell", "achieved": "small_cell", "no_data": "small_cell"]

    /// Three commitments, all France's: three of them, but one country's statuses.
    @Test func countsFromOneCountrysCommitmentsAreWithheld() async throws {
        try await withReporting { r in
            try SummaryFixtures.cycle(r.url, 2024)
            try Self.commitments(r, 2, ["FR", "FR", "FR"])
            let live = try #require((try await SummaryTests.live(r, 2024)["goals"] as? [[String: Any]])?.first { $0["goal"] as? Int == 2 })
            #expect(live["no_data"] as? Int == 3 && live["withheld"] == nil, "\(live)")
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let goal = try await Self.publicGoal(r, 2024, 2)
            #expect(goal["commitments"] as? Int == 3)
            #expect(goal["on_track"] is NSNull && goal["no_data"] is NSNull && goal["achieved"] is NSNull, "\(goal)")
            #expect(goal["withheld"] as? [String: String] == Self.all)
            let rows = try await Self.csvWithheld(r, 2024)
            #expect(rows.contains { $0.hasSuffix(",withheld,2,no_data,small_cell,,true") }, "\(rows)")
        }
    }

    /// Release 1 shows goal 2's counts over FR, DE, IT; NL's commitment comes after.
    /// Release 2's counts less release 1's would be NL's own status.
    @Test func aCommitmentAddedBetweenTwoReleasesIsNotReadOffTheirCounts() async throws {
        try await withReporting { r in
            try SummaryFixtures.cycle(r.url, 2024)
            try Self.commitments(r, 2, ["FR", "DE", "IT"])
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let first = try await Self.publicGoal(r, 2024, 2)
            #expect(first["no_data"] as? Int == 3 && first["on_track"] as? Int == 0, "\(first)")
            #expect(first["withheld"] as? [String: String] == [:])

            try Self.commitments(r, 2, ["NL"])
            let dryRun = try await r.send(.post, "/v1/summaries/2024/releases?dry_run=true", token: r.secretariat, json: [:]).json()
            #expect((dryRun["goals"] as? [[String: Any]])?.first?["code"] as? String == "2", "\(dryRun)")
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let second = try await Self.publicGoal(r, 2024, 2)
            #expect(second["commitments"] as? Int == 4)
            #expect(second["no_data"] is NSNull && second["on_track"] is NSNull, "\(second)")
            #expect(second["withheld"] as? [String: String] == Self.all.mapValues { _ in "differencing" })
            let rows = try await Self.csvWithheld(r, 2024)
            #expect(rows.contains { $0.hasSuffix(",withheld,2,no_data,differencing,,true") }, "\(rows)")
            #expect(!rows.contains { $0.contains(",goal,2,commitments_on_track,0") })
            // release 1 never changes
            #expect(try await Self.publicGoal(r, 2024, 2, release: 1)["no_data"] as? Int == 3)
            // what release 2 withheld is not recorded as public
            let recorded = try sql(r.url, "SELECT release, commitments::text FROM release_goal_figures WHERE goal = 2")
            #expect(recorded.count == 1 && recorded.first?.first == "1", "\(recorded)")
        }
    }

    /// A commitment's status carries over: 2024's counts and 2025's first are one quantity.
    @Test func aCommitmentAddedBeforeTheNextYearsFirstReleaseIsNotReadOffEither() async throws {
        try await withReporting { r in
            try SummaryFixtures.cycle(r.url, 2024)
            try SummaryFixtures.cycle(r.url, 2025)
            try Self.commitments(r, 2, ["FR", "DE", "IT"])
            _ = try await PublicStatisticsTests.publish(r, 2024)
            try Self.commitments(r, 2, ["NL"])
            _ = try await PublicStatisticsTests.publish(r, 2025)
            let goal = try await Self.publicGoal(r, 2025, 2)
            #expect(goal["no_data"] is NSNull, "\(goal)")
            #expect(goal["withheld"] as? [String: String] == Self.all.mapValues { _ in "differencing" })
        }
    }

    /// A release published before sql/0021 showed its goals' counts without naming the
    /// commitments: recorded as nothing known, it withholds that year's counts after it.
    @Test func aReleaseBefore0021IsRecordedAsAnySet() async throws {
        try await withReporting { r in
            try SummaryFixtures.cycle(r.url, 2024)
            try Self.commitments(r, 2, ["FR", "DE", "IT"])
            _ = try await PublicStatisticsTests.publish(r, 2024)
            // release 2 as published before 0021: a frozen document, nothing recorded
            try EarlierReleaseFixtures.releaseTwoBefore(
                "0021_release_goal_figures.sql",
                backfill: "SELECT record_earlier_goal_figures(year, release)",
                r.url
            )
            let recorded = "SELECT release, goal, data_year, commitments::text, country_count FROM release_goal_figures ORDER BY 1, 2"
            let goals = try sql(r.url, recorded)
            #expect(goals.first == ["1", "2", "2024", "{DE=2:no_data,FR=1:no_data,IT=3:no_data}", "3"], "\(goals)")
            #expect(goals.filter { $0[0] == "2" }.map { [$0[1], $0[3], $0[4]] } == (1...4).map { [String($0), nil, nil] })
            // the same three commitments again, but release 2's could have been any: withheld
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let third = try await Self.publicGoal(r, 2024, 2, release: 3)
            #expect(third["no_data"] is NSNull && third["withheld"] as? [String: String] == Self.all.mapValues { _ in "differencing" })
        }
    }
}
