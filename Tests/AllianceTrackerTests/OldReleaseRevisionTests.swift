import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// A release frozen before `withheld` existed (sql/0018) said only `suppressed`: in the
/// revision history and the bulk download its withheld headline is withheld with no
/// reason, and gives no revision.
@Suite struct OldReleaseRevisionTests {
    @Test func aHeadlineWithheldBeforeReasonsIsWithheldWithoutOne() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let stored = try #require(try sql(r.url, "SELECT document FROM published_summaries WHERE release = 1").first?[0])
            var document = try #require(OldReleaseFormatTests.stripped(try JSONSerialization.jsonObject(with: Data(stored.utf8))) as? [String: Any])
            var indicators = try #require(document["indicators"] as? [[String: Any]])
            let index = try #require(indicators.firstIndex { $0["code"] as? String == SummaryTests.victims })
            indicators[index]["suppressed"] = true
            for figure in ["headline", "total", "mean", "median"] { indicators[index][figure] = NSNull() }
            document["indicators"] = indicators
            document["release"] = 2
            let old = String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
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
                "INSERT INTO published_summaries (year, release, format_version, document, csv, frozen_at) VALUES (2024, 2, 1, $1, $2, now())",
                [old, "year,release\r\n2024,2\r\n"]
            )
            try await EarlierReleaseFixtures.announce(r, year: 2024, release: 2)

            let year = try #require(try await RevisionHistoryTests.years(r).first)
            let figures = try #require(year["releases"] as? [[String: Any]])
            #expect(figures.compactMap { $0["release"] as? Int } == [1, 2])
            #expect(figures[1]["value"] is NSNull)
            #expect(figures[1]["withheld"] as? Bool == true)
            #expect(figures[1]["withheld_reason"] is NSNull)
            #expect((year["revision"] as? [String: Any])?["missing"] as? String == "latest_withheld")
            #expect((year["revision"] as? [String: Any])?["change"] is NSNull)

            let rows = try await PublicDownloadTests.rows(r).rows.filter { $0["indicator"] == SummaryTests.victims && $0["release"] == "2" }
            let total = try #require(rows.first { $0["statistic"] == "TOTAL" })
            #expect([total["value"], total["withheld"], total["withheld_reason"], total["revised"]] == ["", "true", "", "true"])
        }
    }
}
