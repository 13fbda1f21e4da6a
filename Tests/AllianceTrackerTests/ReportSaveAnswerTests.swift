import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// A save answers with the report it wrote, built without reading it back (`Report.saved`):
/// the answer must be, byte for byte, what a `GET` reads from the database afterwards.
@Suite struct ReportSaveAnswerTests {
    /// Values out of order, numbers written as `2.50`, `1e2` and `3.0`, a reason with spaces
    /// around it, narratives out of order.
    static let awkward = """
        {"values": [
          {"indicator": "removed_within_3_days_pct", "value": 88.10},
          {"indicator": "notice_takedown_median_days", "value": 2.50, "nature": "estimated", "source": "OFAC"},
          {"indicator": "icse_victims_identified", "value": 1e2, "note": "first year"},
          {"indicator": "hash_database_images", "not_available": "  being rebuilt  "},
          {"indicator": "dedicated_le_unit", "value": true},
          {"indicator": "awareness_campaigns", "value": 3.0}],
         "narratives": [{"goal": 3, "actions_taken": "b", "actions_planned": "c"}, {"goal": 1, "actions_taken": "a"}]}
        """

    @Test func theAnswerIsWhatIsStored() async throws {
        try await withReporting { r in
            let report = "/v1/countries/FR/reports/2024"
            try await r.openCycle2024()
            let created = try await r.client.execute(uri: report, method: .put, headers: r.headers(r.france), body: ByteBuffer(string: Self.awkward))
            #expect(created.status == .created, "\(created.text)")
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.headers[.location] == report)
            let read = try await r.send(.get, report, token: r.france)
            #expect(read.headers[.eTag] == "\"1\"")
            #expect(created.text == read.text)
            let values = try #require(try created.json()["values"] as? [[String: Any]]).compactMap { $0["indicator"] as? String }
            #expect(values == values.sorted())
            #expect(try sql(r.url, "SELECT count(*) FROM report_values WHERE version = 1")[0][0] == "6")
            #expect(try sql(r.url, "SELECT string_agg(goal::text, ',' ORDER BY goal) FROM report_narratives")[0][0] == "1,3")
            #expect(try sql(r.url, "SELECT not_available FROM report_values WHERE indicator = 'hash_database_images'")[0][0] == "being rebuilt")

            // a second version, then an amendment of the accepted one: the review dates come along
            let second = try await r.send(.put, report, token: r.france, json: Reporting.completeReport(), headers: [.ifMatch: "\"1\""])
            #expect(second.status == .ok)
            #expect(try second.text == (await r.send(.get, report, token: r.france)).text)
            try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"2\""])
            try await r.send(.post, "\(report)/review", token: r.secretariat, json: ["decision": "accept"], headers: [.ifMatch: "\"2\""])
            let amended = try await r.client.execute(
                uri: report,
                method: .put,
                headers: r.headers(r.france, [.ifMatch: "\"2\""]),
                body: ByteBuffer(string: Self.awkward)
            )
            #expect(amended.status == .ok)
            #expect(amended.headers[.eTag] == "\"3\"")
            let amendment = try amended.json()
            #expect(amendment["accepted_version"] as? Int == 2)
            #expect(amendment["first_submitted_at"] as? String == "2025-02-15T12:00:00Z")
            #expect(try amended.text == (await r.send(.get, report, token: r.france)).text)
            #expect(try sql(r.url, "SELECT current_version, status, accepted_version FROM reports")[0] == ["3", "draft", "2"])
        }
    }
}
