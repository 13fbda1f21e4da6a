import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `POST /v1/imports` alone is not held to the request deadline (`BulkUpload`).
@Suite struct ImportDeadlineTests {
    @Test func anImportOutlastsTheDeadline() async throws {
        try await TestDatabase.withFreshDatabase { url in
            var config = TestDatabase.config(url)
            config.clock = TestClock("2025-02-15T12:00:00Z").appClock
            // a deadline no request can meet
            config.requestTimeout = .nanoseconds(1)
            let secretariat = try makeToken(url, role: "secretariat", country: nil)
            try sql(url, "INSERT INTO reporting_cycles (year, opens_on, due_on, locks_on) VALUES (2024, '2025-01-01', '2025-03-31', '2025-06-30')")
            let app = try buildApplication(config: config)
            try await app.test(.router) { client in
                let imported = try await client.execute(
                    uri: "/v1/imports?year=2024",
                    method: .post,
                    headers: [.authorization: "Bearer \(secretariat)", .contentType: "text/csv"],
                    body: ByteBuffer(string: "country,indicator,value\nFR,icse_victims_identified,5\nDE,icse_victims_identified,7\n")
                ) { $0 }
                #expect(imported.status == .ok, "\(imported.text)")
                #expect(try imported.json()["countries"] as? Int == 2)
                #expect(try sql(url, "SELECT count(*) FROM reports") == [["2"]])
            }
        }
    }
}
