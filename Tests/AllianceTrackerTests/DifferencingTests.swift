import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// The attacks of issue 13, by hand, at k = 3 (docs/statistics.md "Disclosure control"):
///
///                   2024                      2025
///   convicted      FR 10 DE 20 IT 30 ES 40   FR 11 DE 22 IT 33 ES 44 NL 60
///                  NL 57, accepted after release 1
///   identified     FR 1 DE 2 IT 3 ES 4       FR 2 DE 3 IT 4 ES 5 NL 6
///
/// 1. Two releases of 2024: release 1's total is 100 (4 countries); release 2's would
///    be 157, which less 100 gives NL's 57: withheld, `differencing`.
/// 2. A total against its like-for-like part: 2025's identified total is 20 (5
///    countries); like for like (4) it would be 14, which gives NL's 6.
/// 3. A year against the next: 2025's `previous` of convicted would be 157 (5 countries),
///    against 2024's release 1 (100, 4 countries): NL's 57 again.
@Suite struct DifferencingTests {
    static let convicted = "offenders_convicted"
    static let identified = "offenders_identified"

    static func data(_ url: DatabaseURL) throws {
        for year in [2024, 2025] { try SummaryFixtures.cycle(url, year) }
        let rows: [(String, Int, String, String)] = [
            ("FR", 2024, "10", "1"), ("DE", 2024, "20", "2"), ("IT", 2024, "30", "3"), ("ES", 2024, "40", "4"),
            ("FR", 2025, "11", "2"), ("DE", 2025, "22", "3"), ("IT", 2025, "33", "4"), ("ES", 2025, "44", "5"), ("NL", 2025, "60", "6"),
        ]
        for (country, year, convicted, identified) in rows {
            try SummaryFixtures.report(url, country, year, versions: [[Self.convicted: convicted, Self.identified: identified]])
        }
    }

    static func figures(_ r: Reporting, _ path: String) async throws -> [String: Any] {
        try SummaryTests.indicator(try await r.send(.get, path, token: nil).json(), convicted)
    }

    static func withheld(_ indicator: [String: Any]) -> [String: String] {
        indicator["withheld"] as? [String: String] ?? [:]
    }

    @Test func noPairOfPublicFiguresGivesACountryByDifference() async throws {
        try await withReporting { r in
            try Self.data(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let stored = "SELECT document, csv FROM published_summaries WHERE year = 2024 AND release = 1"
            let first = try sql(r.url, stored)
            let firstCSV = try await r.send(.get, "/v1/public/summaries/2024/releases/1?format=csv", token: nil).text
            let release1 = try await Self.figures(r, "/v1/public/summaries/2024/releases/1")
            #expect(SummaryTests.number(release1["total"]) == 100)
            // NL's late 2024 report is accepted
            try SummaryFixtures.report(r.url, "NL", 2024, versions: [[Self.convicted: "57"]])
            #expect(SummaryTests.number(try SummaryTests.indicator(try await SummaryTests.live(r, 2024), Self.convicted)["total"]) == 157)

            _ = try await PublicStatisticsTests.publish(r, 2024)
            let second = try await Self.figures(r, "/v1/public/summaries/2024/releases/2")
            let statistics = ["headline", "total", "mean", "median"]
            for key in statistics { #expect(second[key] is NSNull, "\(key): \(second)") }
            #expect(Self.withheld(second) == Dictionary(uniqueKeysWithValues: statistics.map { ($0, "differencing") }))
            #expect(second["suppressed"] as? Bool == true)
            // the other indicator's countries did not change: its figures stay
            let other = try SummaryTests.indicator(try await r.send(.get, "/v1/public/summaries/2024/releases/2", token: nil).json(), Self.identified)
            #expect(SummaryTests.number(other["total"]) == 10 && Self.withheld(other).isEmpty)
            let csv2024 = try await r.send(.get, "/v1/public/summaries/2024/releases/2?format=csv", token: nil).text
            #expect(csv2024.contains(",indicator,offenders_convicted,headline,,5,true\r\n"))
            #expect(csv2024.contains(",withheld,offenders_convicted,total,differencing,,true\r\n"))
            // release 1 never changes
            #expect(try sql(r.url, stored) == first)
            #expect(try await r.send(.get, "/v1/public/summaries/2024/releases/1?format=csv", token: nil).text == firstCSV)
            #expect(SummaryTests.number(try await Self.figures(r, "/v1/public/summaries/2024/releases/1")["total"]) == 100)

            _ = try await PublicStatisticsTests.publish(r, 2025)
            let y2025 = try await r.send(.get, "/v1/public/summaries/2025", token: nil).json()
            let convicted = try SummaryTests.indicator(y2025, Self.convicted)
            #expect(SummaryTests.number(convicted["total"]) == 170)
            #expect(convicted["previous"] is NSNull)
            let growth = try #require(convicted["growth"] as? [String: [String: Any]])
            #expect(growth["like_for_like"]?["previous"] is NSNull && growth["like_for_like"]?["pct"] is NSNull)
            #expect(growth["all_reporters"]?["previous"] is NSNull && growth["all_reporters"]?["pct"] is NSNull)
            let convictedWithheld = Self.withheld(convicted)
            for key in ["previous", "growth_all_reporters", "growth_like_for_like"] {
                #expect(convictedWithheld[key] == "differencing", "\(key): \(convictedWithheld)")
            }
            let identified = try SummaryTests.indicator(y2025, Self.identified)
            #expect(SummaryTests.number(identified["total"]) == 20 && SummaryTests.number(identified["previous"]) == 10)
            let identifiedGrowth = try #require(identified["growth"] as? [String: [String: Any]])
            #expect(SummaryTests.number(identifiedGrowth["all_reporters"]?["pct"]) == 100)
            #expect(identifiedGrowth["like_for_like"]?["current"] is NSNull && identifiedGrowth["like_for_like"]?["pct"] is NSNull)
            #expect(Self.withheld(identified)["growth_like_for_like"] == "differencing")
            let csv2025 = try await r.send(.get, "/v1/public/summaries/2025?format=csv", token: nil).text
            #expect(csv2025.contains(",indicator,offenders_convicted,previous,,5,true\r\n"))
            #expect(csv2025.contains(",withheld,offenders_convicted,previous,differencing,,true\r\n"))
            #expect(csv2025.contains(",withheld,offenders_identified,growth_like_for_like,differencing,,true\r\n"))

            // the series and the overview show 2024 from release 2: withheld, and why
            let series = try await r.send(.get, "/v1/public/indicators/offenders_convicted/series", token: nil).json()
            let points = try #require(series["points"] as? [[String: Any]])
            #expect(points.map { $0["year"] as? Int } == [2024, 2025])
            #expect(points[0]["value"] is NSNull && points[0]["withheld"] as? [String: String] == ["headline": "differencing"])
            #expect(SummaryTests.number(points[1]["value"]) == 170)
            let seriesCSV = try await r.send(.get, "/v1/public/indicators/offenders_convicted/series?format=csv", token: nil).text
            #expect(seriesCSV.contains("offenders_convicted,2024,2,true,,5,,,true,false,headline:differencing\r\n"), "\(seriesCSV)")
            let overviewCSV = try await r.send(.get, "/v1/public/overview?format=csv", token: nil).text
            #expect(overviewCSV.contains("2024,2,true,offenders_convicted,,5,true,false,headline:differencing\r\n"), "\(overviewCSV)")
            let overview = try await r.send(.get, "/v1/public/overview", token: nil).json()
            let years = try #require(overview["years"] as? [[String: Any]])
            let headline2024 = try #require((years[0]["headlines"] as? [[String: Any]])?.first { $0["indicator"] as? String == Self.convicted })
            #expect(headline2024["value"] is NSNull && headline2024["suppressed"] as? Bool == true)
            #expect(headline2024["withheld"] as? [String: String] == ["headline": "differencing"])
            let page = try await r.send(.get, "/years/2024", token: nil).text
            #expect(page.contains("withheld: would reveal a country by difference with another published figure"))

            // no public figure anywhere is 157, 14 or 57 of these indicators, and no two public sums
            // of one quantity have countries 1 or 2 apart
            for path in ["/v1/public/summaries/2024/releases/1", "/v1/public/summaries/2024", "/v1/public/summaries/2025"] {
                let csv = try await r.send(.get, path + "?format=csv", token: nil).text
                for line in csv.split(separator: "\r\n") where line.contains("offenders_") {
                    #expect(![",157,", ",14,", ",57,"].contains { line.contains($0) }, "\(path): \(line)")
                }
            }
            let close = try sql(
                r.url,
                """
                SELECT count(*) FROM release_figures a JOIN release_figures b
                  ON a.indicator = b.indicator AND a.data_year = b.data_year
                WHERE cardinality(ARRAY(SELECT unnest(a.countries) EXCEPT SELECT unnest(b.countries)))
                    + cardinality(ARRAY(SELECT unnest(b.countries) EXCEPT SELECT unnest(a.countries))) BETWEEN 1 AND 2
                   OR cardinality(a.countries) < 3
                """
            )
            #expect(close == [["0"]])
            // recorded per release: 2024/1 both totals; 2024/2 identified's; 2025 both totals and identified's previous
            let recorded = try sql(r.url, "SELECT year, release, count(*) FROM release_figures GROUP BY 1, 2 ORDER BY 1, 2")
            #expect(recorded == [["2024", "1", "2"], ["2024", "2", "1"], ["2025", "1", "3"]])
        }
    }
    /// A target in points on a flow whose base is 0: no rate, so the indicator's growth
    /// is never decided, yet the target's value is 12 − 0, the total of two countries.
    /// It is withheld as the headline is (`small_cell`), never published.
    @Test func aTargetInPointsFromZeroKeepsASmallCellWithheld() async throws {
        try await withReporting { r in
            for year in [2023, 2024] { try SummaryFixtures.cycle(r.url, year) }
            for country in ["FR", "DE", "IT"] { try SummaryFixtures.report(r.url, country, 2023, versions: [[Self.identified: "0"]]) }
            for (country, value) in [("FR", "5"), ("DE", "7")] {
                try SummaryFixtures.report(r.url, country, 2024, versions: [[Self.identified: value]])
            }
            let target: [String: Any] = [
                "id": "ID-POINTS", "indicator": Self.identified, "scope": "alliance", "rule": "annual_growth_at_least", "threshold": 1,
                "basis": "all_reporters", "change": "points", "description": "More identified each year.", "reason": "test",
            ]
            let created = try await r.send(.post, "/v1/targets", token: r.secretariat, json: target)
            #expect(created.status == .created, "\(created.text)")
            let live = try #require(
                (try await SummaryTests.live(r, 2024)["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "ID-POINTS" }
            )
            #expect(SummaryTests.number(live["value"]) == 12)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let document = try await r.send(.get, "/v1/public/summaries/2024", token: nil).json()
            let published = try #require((document["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "ID-POINTS" })
            #expect(published["value"] is NSNull && published["met"] is NSNull, "\(published)")
            #expect(published["withheld"] as? [String: String] == ["value": "small_cell"])
        }
    }
    /// A revision: FR's 2024 value is amended from 10 to 15 after release 1 (total 100
    /// over four countries). Release 2's total, 105, over the same four countries, would
    /// give FR's correction (+5) by difference: withheld, `differencing`.
    @Test func anAmendedValueIsNotGivenAwayByTheNextRelease() async throws {
        try await withReporting { r in
            try SummaryFixtures.cycle(r.url, 2024)
            for (country, value) in [("FR", "10"), ("DE", "20"), ("IT", "30"), ("ES", "40")] {
                try SummaryFixtures.report(r.url, country, 2024, versions: [[Self.convicted: value]])
            }
            _ = try await PublicStatisticsTests.publish(r, 2024)
            try sql(
                r.url,
                """
                WITH r AS (SELECT id FROM reports WHERE country = 'FR' AND year = 2024),
                v AS (INSERT INTO report_versions (report_id, version) SELECT id, 2 FROM r RETURNING report_id)
                INSERT INTO report_values (report_id, version, indicator, measure_kind, value)
                SELECT v.report_id, 2, i.code, i.measure_kind, 15 FROM v, indicators i WHERE i.code = 'offenders_convicted'
                """
            )
            try sql(r.url, "UPDATE reports SET current_version = 2, accepted_version = 2 WHERE country = 'FR' AND year = 2024")
            #expect(SummaryTests.number(try SummaryTests.indicator(try await SummaryTests.live(r, 2024), Self.convicted)["total"]) == 105)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let first = try await Self.figures(r, "/v1/public/summaries/2024/releases/1")
            #expect(SummaryTests.number(first["total"]) == 100)
            let second = try await Self.figures(r, "/v1/public/summaries/2024/releases/2")
            #expect(second["total"] is NSNull, "\(second)")
            #expect(Self.withheld(second)["total"] == "differencing")
        }
    }
}
