import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// OG1.1 read as written, on the level: the victims identified so far, like for like.
@Suite struct OG11LevelTests {
    /// An empty 2012 cycle, then identified victims:
    ///
    ///         2013   2014   2015
    ///   FR     100    120    130
    ///   DE     200    150    180
    ///   IT      50     —      60    (a gap: not in the level's panel)
    static func history(_ url: DatabaseURL) throws {
        for year in 2012...2015 { try SummaryFixtures.cycle(url, year) }
        let figures = [("FR", [100, 120, 130]), ("DE", [200, 150, 180]), ("IT", [50, nil, 60])]
        for (country, values) in figures {
            for (offset, value) in values.enumerated() {
                guard let value else { continue }
                try SummaryFixtures.report(url, country, 2013 + offset, versions: [[SummaryTests.victims: String(value)]])
            }
        }
    }

    @Test func og11IsJudgedOnTheLevelWithTheFlowsGrowthBesideIt() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            let victims = try SummaryTests.indicator(try await SummaryTests.live(r, 2015), SummaryTests.victims)
            let level = try #require(victims["level"] as? [String: Any])
            #expect(level["baseline_year"] as? Int == 2013)
            #expect(level["panel"] as? [String] == ["DE", "FR"])
            // end of 2014: 100 + 120 + 200 + 150 = 570; end of 2015: 570 + 130 + 180 = 880
            #expect(SummaryTests.number(level["previous"]) == 570)
            #expect(SummaryTests.number(level["current"]) == 880)
            #expect(SummaryTests.close(level["growth_pct"], "54.385964912", digits: 6))  // 310 / 570
            // the yearly flow's growth stays beside it: FR DE 270 → 310
            let flow = try #require((victims["growth"] as? [String: Any])?["like_for_like"] as? [String: Any])
            #expect(SummaryTests.close(flow["pct"], "14.814814815", digits: 6))
            // 2014: from 300 (the 2013 figure of FR DE) to 570
            let first = try #require(
                try SummaryTests.indicator(try await SummaryTests.live(r, 2014), SummaryTests.victims)["level"] as? [String: Any]
            )
            #expect(SummaryTests.close(first["growth_pct"], "90"))
            // only flows are read as levels
            #expect(try SummaryTests.indicator(try await SummaryTests.live(r, 2015), "schools_online_safety_pct")["level"] == nil)

            let csv = try await r.send(.get, "/v1/summaries/2015?format=csv", token: r.secretariat).text
            #expect(csv.contains("2015,,false,indicator,icse_victims_identified,level,880,2,false"))
            #expect(csv.contains("2015,,false,indicator,icse_victims_identified,level_growth_pct,54.4,2,false"))

            // on the page: the Alliance's level (from 2 countries: withheld publicly), and
            // INTERPOL's milestones, their compound growth per year labelled GLOBAL
            _ = try await PublicStatisticsTests.publish(r, 2015)
            let page = try await r.send(.get, "/", token: nil).text
            #expect(page.contains("<span data-figure=\"og11-level\">withheld: from fewer countries than the disclosure minimum</span>"))
            // (3000 / 1617)^(1/4) − 1 = 16.7 %; (10000 / 3000)^(1/3) − 1 = 49.4 %
            #expect(page.contains("<li>GLOBAL, all countries connected to ICSE: 1,617 (2010) to 3,000 (2014): +16.7 % a year</li>"))
            #expect(page.contains("<li>GLOBAL, all countries connected to ICSE: 3,000 (2014) to 10,000 (2017): +49.4 % a year</li>"))
        }
    }

    /// OG1.1 as seeded is judged on the level (`cumulative_level`). In 2014 the flow of
    /// FR and DE fell from 300 to 270 (−10 %: not met on the flow), while the victims
    /// identified so far rose from 300 to 570 (+90 %: met).
    @Test func og11sVerdictIsTheLevelsGrowth() async throws {
        try await withReporting { r in
            try Self.history(r.url)
            // only a flow is read as a level
            try await r.send(
                .patch,
                "/v1/targets/OG1.1",
                token: r.secretariat,
                json: ["indicator": "notice_takedown_median_days", "reason": "x"]
            ).expectProblem(.unprocessableContent, code: "invalid_basis")
            // 2013, the baseline year, has no level a year before: undecided, never a guess
            let first = try #require((try await SummaryTests.live(r, 2013)["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "OG1.1" })
            #expect(first["met"] is NSNull && first["value"] is NSNull)
            #expect(first["reason"] as? String == "no_base")
            let og11 = try #require((try await SummaryTests.live(r, 2014)["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "OG1.1" })
            #expect(og11["basis"] as? String == "cumulative_level")
            #expect(SummaryTests.close(og11["value"], "90"))
            #expect(SummaryTests.number(og11["previous"]) == 300 && SummaryTests.number(og11["current"]) == 570)
            #expect(og11["met"] as? Bool == true)
            let flow = try #require(
                (try SummaryTests.indicator(try await SummaryTests.live(r, 2014), SummaryTests.victims)["growth"] as? [String: Any])?["like_for_like"]
                    as? [String: Any]
            )
            #expect(SummaryTests.close(flow["pct"], "-10"))
            // 2015: 570 → 880, +54.4 %
            let later = try #require((try await SummaryTests.live(r, 2015)["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "OG1.1" })
            #expect(SummaryTests.close(later["value"], "54.385964912", digits: 6))
        }
    }
}
