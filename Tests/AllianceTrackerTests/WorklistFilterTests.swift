import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// The worklist's `?status=` filter, its CSV, and what it refuses.
@Suite struct WorklistFilterTests {
    @Test func theStatusFilterNarrowsTheRowsOnly() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            try await WorklistTests.fileEveryStatus(r)
            let all = try await r.worklist()
            let drafts = try await r.worklist("?status=draft")
            #expect((drafts["reports"] as? [[String: Any]])?.map { $0["country"] as? String } == ["DE"])
            let two = try await r.worklist("?status=draft&status=returned&status=draft")
            #expect((two["reports"] as? [[String: Any]])?.map { $0["country"] as? String } == ["DE", "ES"])
            let amendments = try await r.worklist("?status=amendment_draft&status=amendment_submitted&status=amendment_returned")
            #expect((amendments["reports"] as? [[String: Any]])?.map { $0["country"] as? String } == ["BE", "FR", "PL"])
            for narrowed in [drafts, two, amendments] {
                #expect(NSDictionary(dictionary: narrowed["counts"] as! [String: Any]).isEqual(to: all["counts"] as! [String: Any]))
                #expect(narrowed["by_status"] as? [String: Int] == all["by_status"] as? [String: Int])
            }

            for query in [
                "?status=late", "?status=", "?status=draft&status=Draft", "?status=draft,returned", "?status=%00",
                "?format=csv&status=\(String(repeating: "x", count: 5000))",
            ] {
                let refused = try await r.send(.get, "/v1/cycles/2024/reports\(query)", token: r.secretariat)
                try refused.expectProblem(.badRequest, code: "invalid_parameter")
                let fields = try #require(try refused.json()["errors"] as? [[String: Any]])
                #expect(fields.first?["field"] as? String == "status", "\(refused.text)")
            }
        }
    }

    @Test func theWorklistAsCSV() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            try await WorklistTests.fileEveryStatus(r)
            let byFormat = try await r.send(.get, "/v1/cycles/2024/reports?format=csv", token: r.secretariat)
            let byAccept = try await r.send(.get, "/v1/cycles/2024/reports", token: r.secretariat, headers: [.accept: "text/csv"])
            for response in [byFormat, byAccept] {
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                let lines = response.text.components(separatedBy: "\r\n")
                #expect(lines.count == 50)  // header, 48 rows, and the empty string after the last CRLF
                #expect(
                    lines[0]
                        == "country,expected,status,version,accepted_version,first_submitted_at,on_time,days_late,last_change_at,changes_since_accepted"
                )
                #expect(lines.contains("FR,true,amendment_draft,2,1,2025-02-16T10:00:00Z,true,,2025-02-18T12:00:00Z,3"))
                #expect(lines.contains("AT,true,not_started,,,,,,,"))
            }
            let narrowed = try await r.send(.get, "/v1/cycles/2024/reports?format=csv&status=draft", token: r.secretariat)
            #expect(narrowed.text.components(separatedBy: "\r\n").dropFirst() == ["DE,true,draft,1,,,,,2025-02-16T09:00:00Z,", ""])
            try await r.send(.get, "/v1/cycles/2024/reports?format=xml", token: r.secretariat).expectProblem(.badRequest, code: "invalid_parameter")
            let asked = try await r.send(.get, "/v1/cycles/2024/reports?format=json", token: r.secretariat, headers: [.accept: "text/csv"])
            #expect(asked.headers[.contentType] == "application/json")
        }
    }

    @Test func whoMayReadIt() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            try await r.send(.get, "/v1/cycles/2031/reports", token: r.secretariat).expectProblem(.notFound, code: "unknown_cycle")
            for year in ["1999", "abc", "2024.0"] {
                try await r.send(.get, "/v1/cycles/\(year)/reports", token: r.secretariat).expectProblem(.badRequest, code: "invalid_parameter")
            }
            try await r.send(.get, "/v1/cycles/2024/reports", token: r.france).expectProblem(.forbidden, code: "forbidden")
            try await r.send(.get, "/v1/cycles/2024/reports?format=csv", token: r.germany).expectProblem(.forbidden, code: "forbidden")
            try await r.send(.get, "/v1/cycles/2024/reports", token: nil).expectProblem(.unauthorized, code: "unauthorized")
        }
    }
}
