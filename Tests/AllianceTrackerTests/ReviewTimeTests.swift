import Foundation
import Testing

@testable import AllianceTracker

/// `reports.reviewed_at` (0011): set by every review, and backfilled from the audit log.
@Suite struct ReviewTimeTests {
    @Test func theBackfillTakesTheLastReviewFromTheAuditLogElseAcceptedAt() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            r.clock.set("2025-02-16T09:00:00Z")
            try await r.file("FR")
            try await r.submit("FR", version: 1)
            r.clock.set("2025-02-17T10:00:00Z")
            try await r.review("FR", "return", version: 1)
            try await r.submit("FR", version: 1)
            r.clock.set("2025-02-18T11:00:00Z")
            try await r.review("FR", "accept", version: 1)
            try await r.file("DE")
            r.clock.set("2025-02-19T12:00:00Z")
            try await r.submit("DE", version: 1)
            try await r.review("DE", "return", version: 1)
            try await r.file("ES")
            // a report accepted before reviews were audited: only accepted_at says when
            try sql(r.url, "UPDATE reports SET status = 'accepted', accepted_version = 1, accepted_at = '2025-01-20T08:00:00Z' WHERE country = 'ES'")
            let reviewed = "SELECT country, reviewed_at::text FROM reports ORDER BY country"
            let stored = try sql(r.url, reviewed)
            #expect(
                stored == [
                    ["DE", "2025-02-19 12:00:00+00"], ["ES", nil], ["FR", "2025-02-18 11:00:00+00"],
                ]
            )
            // the migration's backfill, run again on these rows
            let file = try String(contentsOf: TestDatabase.sqlDirectory.appendingPathComponent("0011_review_times.sql"), encoding: .utf8)
            let backfill = try #require(file.range(of: "UPDATE reports r").map { String(file[$0.lowerBound...]) })
            try sql(r.url, "UPDATE reports SET reviewed_at = NULL")
            try sql(r.url, backfill)
            #expect(
                try sql(r.url, reviewed) == [
                    ["DE", "2025-02-19 12:00:00+00"], ["ES", "2025-01-20 08:00:00+00"], ["FR", "2025-02-18 11:00:00+00"],
                ]
            )
        }
    }
}
