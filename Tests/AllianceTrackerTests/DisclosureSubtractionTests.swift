import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Disclosure control against subtraction in the multi-year view, the level and the
/// targets. Victims identified (found in review):
///
///         2013   2014   2015
///   FR      10    100    110
///   DE      10    200    210
///   IT      10    300    330
///   NL       —      —     77
///
/// The 2015 total (4 countries) is 727. Before this test, the public release also
/// carried the panel FR DE IT with its sum 650 (in `since_baseline`, in the OG1.1
/// target, and as the level's 1280 − 630): 727 − 650 = 77, the Netherlands' own figure.
@Suite struct DisclosureSubtractionTests {
    @Test func aNamedPanelsSumIsNeverPublic() async throws {
        try await withReporting { r in
            for year in 2013...2015 { try SummaryFixtures.cycle(r.url, year) }
            let data: [(String, [Int?])] = [("FR", [10, 100, 110]), ("DE", [10, 200, 210]), ("IT", [10, 300, 330]), ("NL", [nil, nil, 77])]
            for (country, values) in data {
                for (offset, value) in values.enumerated() {
                    guard let value else { continue }
                    try SummaryFixtures.report(r.url, country, 2013 + offset, versions: [[SummaryTests.victims: String(value)]])
                }
            }
            // the secretariat sees the panel and its sums
            let live = try SummaryTests.indicator(try await SummaryTests.live(r, 2015), SummaryTests.victims)
            #expect((live["since_baseline"] as? [String: Any])?["panel"] as? [String] == ["DE", "FR", "IT"])
            #expect(SummaryTests.number((live["level"] as? [String: Any])?["current"]) == 1280)

            _ = try await PublicStatisticsTests.publish(r, 2015)
            let document = try await r.send(.get, "/v1/public/summaries/2015", token: nil).json()
            let victims = try SummaryTests.indicator(document, SummaryTests.victims)
            #expect(SummaryTests.number(victims["total"]) == 727)
            let since = try #require(victims["since_baseline"] as? [String: Any])
            #expect(since["panel"] as? [String] == [])
            #expect(since["current"] is NSNull && since["baseline"] is NSNull)
            // the rate over FR DE IT needs their 2015 sum, one country away from the public total
            #expect(since["cagr_pct"] is NSNull, "\(since)")
            let withheld = try #require(victims["withheld"] as? [String: String])
            #expect(withheld["since_baseline"] == "differencing" && withheld["level"] == "differencing")
            #expect(withheld["growth_like_for_like"] == "differencing" && withheld["total"] == nil)
            let level = try #require(victims["level"] as? [String: Any])
            #expect(level["panel"] as? [String] == [])
            #expect(level["current"] is NSNull && level["previous"] is NSNull)
            #expect(level["growth_pct"] is NSNull, "\(level)")
            let og11 = try #require((document["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "OG1.1" })
            #expect(og11["previous"] is NSNull && og11["current"] is NSNull)
            #expect(og11["value"] is NSNull && og11["met"] is NSNull)
            #expect(og11["withheld"] as? [String: String] == ["value": "differencing"])
            // no 650, 630 or 1280 anywhere in the public JSON or CSV
            let csv = try await r.send(.get, "/v1/public/summaries/2015?format=csv", token: nil).text
            let text = try await r.send(.get, "/v1/public/summaries/2015", token: nil).text
            for sum in ["650", "630", "1280"] {
                #expect(!csv.contains(",\(sum),"), "CSV carries \(sum)")
                #expect(!text.contains(":\(sum),") && !text.contains(":\(sum)}"), "JSON carries \(sum)")
            }
        }
    }
}
