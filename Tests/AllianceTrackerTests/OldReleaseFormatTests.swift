import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `change_pp`, `panel` and `reason` are optional additions to format 1: a release
/// frozen before them still reads exactly as it was published.
@Suite struct OldReleaseFormatTests {
    /// The JSON without the members added since, at any depth.
    static func stripped(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !["change_pp", "panel", "reason", "withheld"].contains($0.key) }.mapValues(stripped)
        }
        if let array = value as? [Any] { return array.map(stripped) }
        return value
    }

    @Test func aReleaseFrozenBeforeChangeInPointsReadsUnchanged() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let stored = try #require(try sql(r.url, "SELECT document FROM published_summaries WHERE release = 1").first?[0])
            #expect(stored.contains("\"change_pp\""))
            // as the code before published it: the proportion's growth in percent of itself
            var document = try #require(Self.stripped(try JSONSerialization.jsonObject(with: Data(stored.utf8))) as? [String: Any])
            var indicators = try #require(document["indicators"] as? [[String: Any]])
            let index = try #require(indicators.firstIndex { $0["code"] as? String == FrozenReleaseTests.schools })
            var growth = try #require(indicators[index]["growth"] as? [String: Any])
            var lfl = try #require(growth["like_for_like"] as? [String: Any])
            lfl["pct"] = 20  // FR DE 60 vs 50, published when two countries were enough
            lfl["previous"] = 50
            lfl["current"] = 60
            lfl["suppressed"] = false
            growth["like_for_like"] = lfl
            indicators[index]["growth"] = growth
            indicators[index]["suppressed"] = false  // before 0018 it concerned the headline figures only
            document["indicators"] = indicators
            let old = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
            let oldJSON = String(decoding: old, as: UTF8.self)
            #expect(!oldJSON.contains("change_pp"))
            let oldCSV = "year,release\r\n2024,2\r\n"
            try sql(
                r.url,
                """
                INSERT INTO summary_releases (year, release, published_at, published_by, note, demo, summary)
                SELECT year, 2, published_at + interval '1 day', published_by, 'old format', demo, jsonb_set(summary, '{release}', '2')
                FROM summary_releases WHERE year = 2024 AND release = 1
                """
            )
            try sql(
                r.url,
                """
                INSERT INTO published_summaries (year, release, format_version, document, csv, frozen_at)
                VALUES (2024, 2, 1, $1, $2, now())
                """,
                [oldJSON, oldCSV]
            )
            try await EarlierReleaseFixtures.announce(r, year: 2024, release: 2)
            let expected = try FrozenRelease(formatVersion: 1, json: oldJSON, csv: oldCSV).json(release: 2, latest: 2)
            let json = try await r.send(.get, "/v1/public/summaries/2024/releases/2", token: nil)
            #expect(json.status == .ok)
            #expect(FrozenReleaseTests.uncited(json.text) == String(decoding: expected, as: UTF8.self))
            #expect(try await r.send(.get, "/v1/public/summaries/2024/releases/2?format=csv", token: nil).text == oldCSV)
            // the views built from releases read it too: the series keeps its published percent
            let series = try await r.send(.get, "/v1/public/indicators/schools_online_safety_pct/series", token: nil)
            #expect(series.status == .ok)
            let point = try #require((try series.json()["points"] as? [[String: Any]])?.first)
            #expect(SummaryTests.close(point["growth_like_for_like_pct"], "20"))  // as published: FR DE 60 vs 50
            #expect(SummaryTests.close(point["change_like_for_like_pp"], "10"))  // beside it, points: 60 − 50
            // the CSV shows a proportion in points only: the percent column stays empty
            let seriesCSV = try await r.send(.get, "/v1/public/indicators/schools_online_safety_pct/series?format=csv", token: nil)
            #expect(seriesCSV.text.hasPrefix("indicator,year,release,revised,value,countries,growth_like_for_like_pct,change_like_for_like_pp,"))
            #expect(seriesCSV.text.contains(",,10.0,false,false,\r\n"))
            // and the page shows points for the proportion, from its previous and current: 60 − 50, with its decimal
            let page = try await r.send(.get, "/", token: nil)
            #expect(page.status == .ok)
            #expect(page.text.contains("<td>+10.0 pp</td>"), "one decimal, as the CSV: 10.0")
        }
    }
}
