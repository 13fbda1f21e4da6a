import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `GET /v1/cycles/{year}/reports`: the secretariat's worklist (docs/rules.md §2).
@Suite struct WorklistTests {
    /// Every status, built through the report API; the 2024 cycle is due 2025-03-31.
    static func fileEveryStatus(_ r: Reporting) async throws {
        r.clock.set("2025-02-16T09:00:00Z")
        for country in ["FR", "DE", "IT", "ES", "NL", "PL", "BE"] { try await r.file(country) }
        r.clock.set("2025-02-16T10:00:00Z")
        for country in ["FR", "IT", "ES", "NL", "PL", "BE"] { try await r.submit(country, version: 1) }
        r.clock.set("2025-02-17T11:00:00Z")
        for country in ["FR", "NL", "PL", "BE"] { try await r.review(country, "accept", version: 1) }
        try await r.review("ES", "return", version: 1)
        r.clock.set("2025-02-18T12:00:00Z")
        // France's amendment: one value changed, one note added, one indicator removed
        var amendment = Reporting.completeReport(victims: 127)
        var values = (amendment["values"] as! [[String: Any]]).filter { $0["indicator"] as? String != "awareness_campaigns" }
        values[4]["note"] = "Includes appeals decided in January."
        amendment["values"] = values
        let amended = try await r.send(.put, Reporting.path("FR"), token: r.france, json: amendment, headers: [.ifMatch: "\"1\""])
        #expect(amended.status == .ok, "\(amended.text)")
        try await r.file("PL", version: 1, victims: 130)
        try await r.file("BE", version: 1, victims: 99)
        r.clock.set("2025-02-19T13:00:00Z")
        try await r.submit("PL", version: 2)
        try await r.submit("BE", version: 2)
        r.clock.set("2025-02-20T14:00:00Z")
        try await r.review("BE", "return", version: 2)
    }

    @Test func everyStatusWithItsFields() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let empty = try await r.worklist()
            #expect(empty["year"] as? Int == 2024)
            #expect(empty["due_on"] as? String == "2025-03-31")
            #expect(empty["today"] as? String == "2025-02-15")
            let fresh = try #require(empty["reports"] as? [[String: Any]])
            #expect(fresh.count == 48)
            #expect(fresh.allSatisfy { $0["status"] as? String == "not_started" && $0["expected"] as? Bool == true })
            for field in ["version", "accepted_version", "first_submitted_at", "on_time", "days_late", "last_change_at", "changes_since_accepted"] {
                #expect(fresh.allSatisfy { $0[field] is NSNull }, "\(field)")
            }
            #expect((empty["by_status"] as? [String: Int])?["not_started"] == 48)
            try await r.expectCountsAreTheCompleteness()

            try await Self.fileEveryStatus(r)
            try await r.expectCountsAreTheCompleteness()
            let rows = try await r.worklistRows()
            let expected: [String: String] = [
                "FR": "amendment_draft", "DE": "draft", "IT": "submitted", "ES": "returned", "NL": "accepted",
                "PL": "amendment_submitted", "BE": "amendment_returned", "AT": "not_started",
            ]
            for (country, status) in expected { #expect(rows[country]?["status"] as? String == status, "\(country)") }
            let byStatus = try #require(try await r.worklist()["by_status"] as? [String: Int])
            #expect(
                byStatus == [
                    "not_started": 41, "draft": 1, "submitted": 1, "returned": 1, "accepted": 1,
                    "amendment_draft": 1, "amendment_submitted": 1, "amendment_returned": 1,
                ]
            )
            let fr = try #require(rows["FR"])
            #expect(fr["version"] as? Int == 2)
            #expect(fr["accepted_version"] as? Int == 1)
            #expect(fr["first_submitted_at"] as? String == "2025-02-16T10:00:00Z")
            #expect(fr["on_time"] as? Bool == true)
            #expect(fr["days_late"] is NSNull)
            #expect(fr["last_change_at"] as? String == "2025-02-18T12:00:00Z")
            #expect(fr["changes_since_accepted"] as? Int == 3)
            let de = try #require(rows["DE"])
            #expect(de["version"] as? Int == 1)
            #expect(de["accepted_version"] is NSNull && de["first_submitted_at"] is NSNull && de["changes_since_accepted"] is NSNull)
            #expect(de["on_time"] is NSNull && de["days_late"] is NSNull)
            #expect(de["last_change_at"] as? String == "2025-02-16T09:00:00Z")
            // a review is a change: the accepted report and the returned ones show its time
            #expect(rows["NL"]?["last_change_at"] as? String == "2025-02-17T11:00:00Z")
            #expect(rows["NL"]?["changes_since_accepted"] as? Int == 0)
            #expect(rows["ES"]?["last_change_at"] as? String == "2025-02-17T11:00:00Z")
            #expect(rows["BE"]?["last_change_at"] as? String == "2025-02-20T14:00:00Z")
            #expect(rows["PL"]?["last_change_at"] as? String == "2025-02-19T13:00:00Z")
            #expect(rows["IT"]?["last_change_at"] as? String == "2025-02-16T10:00:00Z")
            #expect(rows["IT"]?["on_time"] as? Bool == true)

            for country in ["PL", "BE"] {
                #expect(rows[country]?["version"] as? Int == 2, "\(country)")
                #expect(rows[country]?["accepted_version"] as? Int == 1, "\(country)")
                #expect(rows[country]?["changes_since_accepted"] as? Int == 1, "\(country)")
                #expect(rows[country]?["first_submitted_at"] as? String == "2025-02-16T10:00:00Z", "\(country)")
            }
            for country in ["IT", "ES"] {
                #expect(rows[country]?["version"] as? Int == 1, "\(country)")
                #expect(rows[country]?["accepted_version"] is NSNull, "\(country)")
                #expect(rows[country]?["changes_since_accepted"] is NSNull, "\(country)")
                #expect(rows[country]?["on_time"] as? Bool == true, "\(country)")
                #expect(rows[country]?["days_late"] is NSNull, "\(country)")
            }
            #expect(rows["NL"]?["version"] as? Int == 1 && rows["NL"]?["accepted_version"] as? Int == 1)
            #expect(rows.values.allSatisfy { $0["expected"] as? Bool == true })
            // the count equals the diff endpoint's
            for country in ["FR", "PL", "BE", "NL"] {
                let diff = try await r.send(.get, "\(Reporting.path(country))/diff", token: r.secretariat).json()
                let listed = try #require(diff["values"] as? [Any])
                #expect(rows[country]?["changes_since_accepted"] as? Int == listed.count, "\(country)")
            }
            #expect(
                try sql(r.url, "SELECT country, reviewed_at::text FROM reports WHERE reviewed_at IS NOT NULL ORDER BY country") == [
                    ["BE", "2025-02-20 14:00:00+00"], ["ES", "2025-02-17 11:00:00+00"], ["FR", "2025-02-17 11:00:00+00"],
                    ["NL", "2025-02-17 11:00:00+00"], ["PL", "2025-02-17 11:00:00+00"],
                ]
            )
        }
    }

    @Test func daysLateCountsFromTheDueDate() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            try await r.file("IT")
            try await r.submit("IT", version: 1)
            r.clock.set("2025-03-31T23:59:00Z")
            try await r.file("NL")
            try await r.submit("NL", version: 1)
            var rows = try await r.worklistRows()
            // submitted on the due date: on time
            #expect(rows["NL"]?["on_time"] as? Bool == true)
            #expect(rows["NL"]?["days_late"] is NSNull)
            #expect(rows["AT"]?["days_late"] is NSNull)
            #expect(rows["AT"]?["on_time"] is NSNull)
            r.clock.set("2025-04-01T00:00:00Z")
            rows = try await r.worklistRows()
            #expect(rows["AT"]?["days_late"] as? Int == 1)
            #expect(rows["AT"]?["on_time"] as? Bool == false)
            r.clock.set("2025-04-05T08:00:00Z")
            try await r.file("AT")
            try await r.submit("AT", version: 1)
            try await r.expectCountsAreTheCompleteness()
            r.clock.set("2025-04-10T08:00:00Z")
            rows = try await r.worklistRows()
            // submitted late: counted to the first submission, not to today
            #expect(rows["AT"]?["days_late"] as? Int == 5)
            #expect(rows["AT"]?["on_time"] as? Bool == false)
            #expect(rows["AT"]?["first_submitted_at"] as? String == "2025-04-05T08:00:00Z")
            #expect(rows["DE"]?["days_late"] as? Int == 10)
            #expect(rows["IT"]?["days_late"] is NSNull)
            #expect(rows["IT"]?["on_time"] as? Bool == true)
            let body = try await r.worklist()
            let counts = try #require(body["counts"] as? [String: Any])
            let reports = try #require(body["reports"] as? [[String: Any]])
            #expect(counts["on_time"] as? Int == reports.count { $0["expected"] as? Bool == true && $0["on_time"] as? Bool == true })
            #expect(counts["submitted"] as? Int == 3)
            #expect(rows["NL"]?["on_time"] as? Bool == true)

            // a country no longer expected that filed still has its row, not counted
            try sql(r.url, "DELETE FROM cycle_expected_reporters WHERE year = 2024 AND country = 'AT'")
            rows = try await r.worklistRows()
            #expect(rows.count == 48)
            #expect(rows["AT"]?["expected"] as? Bool == false)
            #expect(rows["AT"]?["status"] as? String == "submitted")
            try await r.expectCountsAreTheCompleteness()
            #expect(try await r.worklist()["counts"].flatMap { ($0 as? [String: Any])?["submitted"] as? Int } == 2)
        }
    }
}
