import Foundation
import Testing

@testable import AllianceTracker

/// `release_figures` (0018) for a release published before it: its public figures,
/// with their counts and unknown countries, read as the worst case.
@Suite struct ReleaseFiguresBackfillTests {
    @Test func aReleaseBefore0018IsRecordedWithUnknownSetsAndReadAsTheWorstCase() async throws {
        try await withReporting { r in
            try DifferencingTests.data(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            // release 2 as published before 0018: a frozen document, nothing recorded; then the
            // migration's backfill, run again: release 1 is recorded already and stays as it is
            try EarlierReleaseFixtures.releaseTwoBefore(
                "0018_release_figures.sql",
                backfill: "SELECT record_earlier_release_figures(year, release)",
                r.url
            )
            let recorded = "SELECT release, indicator, data_year, countries::text, country_count FROM release_figures ORDER BY 1, 2"
            #expect(
                try sql(r.url, recorded) == [
                    ["1", DifferencingTests.convicted, "2024", "{DE=20,ES=40,FR=10,IT=30}", "4"],
                    ["1", DifferencingTests.identified, "2024", "{DE=2,ES=4,FR=1,IT=3}", "4"],
                    ["2", DifferencingTests.convicted, "2024", nil, "4"],
                    ["2", DifferencingTests.identified, "2024", nil, "4"],
                ]
            )
            // four countries again, but maybe not the same four: withheld
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let third = try await r.send(.get, "/v1/public/summaries/2024/releases/3", token: nil).json()
            let identified = try SummaryTests.indicator(third, DifferencingTests.identified)
            #expect(identified["total"] is NSNull)
            #expect((identified["withheld"] as? [String: String])?["total"] == "differencing")
            // and the table keeps what it holds
            #expect(throws: (any Error).self) { try sql(r.url, "DELETE FROM release_figures WHERE release = 2") }
            #expect(throws: (any Error).self) { try sql(r.url, "UPDATE release_figures SET country_count = 9") }
            #expect(try sql(r.url, "SELECT count(*) FROM release_figures WHERE release = 2") == [["2"]])
        }
    }
}
