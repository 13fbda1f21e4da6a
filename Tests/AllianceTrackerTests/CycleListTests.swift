import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// The secretariat's lists: every cycle with its counts, a year's lock exceptions,
/// and revoking one.
@Suite struct CycleListTests {
    @Test func theCycleListCountsAsTheSummaryDoes() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let dates2023 = ["opens_on": "2024-01-01", "due_on": "2024-03-31", "locks_on": "2024-06-30"]
            #expect(try await r.send(.put, "/v1/cycles/2023", token: r.secretariat, json: dates2023).status == .created)
            let report = "/v1/countries/FR/reports/2024"
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport())
            try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"1\""])
            let accepted = try await r.send(
                .post,
                "\(report)/review",
                token: r.secretariat,
                json: ["decision": "accept", "comment": "Thank you."],
                headers: [.ifMatch: "\"1\""]
            )
            #expect(try accepted.json()["status"] as? String == "accepted", "\(accepted.text)")

            let response = try await r.send(.get, "/v1/cycles", token: r.secretariat)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.headers[.cacheControl] == "no-store")
            let cycles = try #require(try response.json()["cycles"] as? [[String: Any]])
            #expect(cycles.map { $0["year"] as? Int } == [2023, 2024])
            #expect(cycles[0]["opens_on"] as? String == "2024-01-01")
            #expect(cycles[1]["due_on"] as? String == "2025-03-31")
            #expect(cycles[1]["locks_on"] as? String == "2025-06-30")
            let counts = try #require(cycles[1]["completeness"] as? [String: Any])
            #expect(counts["expected"] as? Int == 48)
            #expect(counts["submitted"] as? Int == 1)
            #expect(counts["accepted"] as? Int == 1)
            #expect(counts["on_time"] as? Int == 1)
            let summary = try await r.send(.get, "/v1/summaries/2024", token: r.secretariat).json()
            let live = try #require(summary["completeness"] as? [String: Any])
            #expect(NSDictionary(dictionary: live).isEqual(to: counts))
            let none = try #require(cycles[0]["completeness"] as? [String: Any])
            #expect(none["submitted"] as? Int == 0)
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE action LIKE 'cycle.%'") == [["2"]])
        }
    }

    @Test func anExceptionIsListedAndRevokedWithAReason() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let dates2023 = ["opens_on": "2024-01-01", "due_on": "2024-03-31", "locks_on": "2024-06-30"]
            try await r.send(.put, "/v1/cycles/2023", token: r.secretariat, json: dates2023)
            let report = "/v1/countries/FR/reports/2024"
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport())
            r.clock.set("2025-07-01T09:00:00Z")
            let granted = try await r.send(
                .post,
                "/v1/cycles/2024/exceptions",
                token: r.secretariat,
                json: ["country": "FR", "until": "2025-07-15T00:00:00Z", "reason": "Late police statistics."]
            )
            let id = try #require(try granted.json()["id"] as? Int)
            #expect(try granted.json()["revoked_at"] is NSNull)

            let listed = try await r.send(.get, "/v1/cycles/2024/exceptions", token: r.secretariat)
            #expect(listed.status == .ok)
            let exceptions = try #require(try listed.json()["exceptions"] as? [[String: Any]])
            #expect(exceptions.count == 1)
            #expect(exceptions.first?["id"] as? Int == id)
            #expect(exceptions.first?["country"] as? String == "FR")
            #expect(exceptions.first?["reason"] as? String == "Late police statistics.")
            #expect(exceptions.first?["until"] as? String == "2025-07-15T00:00:00Z")
            #expect(exceptions.first?["granted_at"] as? String == "2025-07-01T09:00:00Z")
            #expect(exceptions.first?["revoked_at"] is NSNull)
            try await r.send(.get, "/v1/cycles/2031/exceptions", token: r.secretariat).expectProblem(.notFound, code: "unknown_cycle")
            let empty = try await r.send(.get, "/v1/cycles/2023/exceptions", token: r.secretariat).json()
            #expect((empty["exceptions"] as? [Any])?.isEmpty == true)

            // refused: no reason, a blank one, NUL; an unknown id, one of another year
            let revoke = "/v1/cycles/2024/exceptions/\(id)"
            try await r.send(.delete, revoke, token: r.secretariat).expectProblem(.unprocessableContent, code: "missing_reason")
            try await r.send(.delete, "\(revoke)?reason=", token: r.secretariat).expectProblem(.unprocessableContent, code: "missing_reason")
            try await r.send(.delete, "\(revoke)?reason=%20%0A", token: r.secretariat)
                .expectProblem(.unprocessableContent, code: "missing_reason")
            try await r.send(.delete, "\(revoke)?reason=a%00", token: r.secretariat)
                .expectProblem(.unprocessableContent, code: "invalid_character")
            try await r.send(.delete, "\(revoke)?reason=\(String(repeating: "x", count: 2001))", token: r.secretariat)
                .expectProblem(.unprocessableContent, code: "missing_reason")
            for uri in ["/v1/cycles/2024/exceptions/999999", "/v1/cycles/2024/exceptions/x", "/v1/cycles/2023/exceptions/\(id)"] {
                try await r.send(.delete, "\(uri)?reason=Oops", token: r.secretariat).expectProblem(.notFound, code: "unknown_exception")
            }
            try await r.send(.delete, "/v1/cycles/2031/exceptions/\(id)?reason=Oops", token: r.secretariat)
                .expectProblem(.notFound, code: "unknown_cycle")
            #expect(try sql(r.url, "SELECT revoked_at IS NULL, revoked_by IS NULL FROM lock_exceptions") == [["t", "t"]])
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE action = 'cycle.exception_revoked'") == [["0"]])

            // the exception still stands: France may change its locked report
            let saved = try await r.send(.put, report, token: r.france, json: Reporting.completeReport(), headers: [.ifMatch: "\"1\""])
            #expect(saved.status == .ok, "\(saved.text)")

            r.clock.set("2025-07-02T10:00:00Z")
            let revoked = try await r.send(.delete, "\(revoke)?reason=Granted%20in%20error.", token: r.secretariat)
            #expect(revoked.status == .ok, "\(revoked.text)")
            #expect(revoked.headers[.cacheControl] == "no-store")
            #expect(try revoked.json()["revoked_at"] as? String == "2025-07-02T10:00:00Z")
            #expect(try revoked.json()["id"] as? Int == id)
            #expect(
                try sql(r.url, "SELECT revoked_at = '2025-07-02T10:00:00Z', revoked_by IS NOT NULL, until::text FROM lock_exceptions")
                    == [["t", "t", "2025-07-15 00:00:00+00"]]
            )
            #expect(
                try sql(
                    r.url,
                    """
                    SELECT actor_role, country, year::text, entity, entity_id, old_value::text, new_value::text, reason
                    FROM audit_log WHERE action = 'cycle.exception_revoked'
                    """
                ) == [
                    [
                        "secretariat", "FR", "2024", "lock_exception", String(id), #"{"revoked_at": null}"#,
                        #"{"revoked_at": "2025-07-02T10:00:00Z"}"#, "Granted in error.",
                    ]
                ]
            )

            // a revoked exception no longer opens the locked report
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 99), headers: [.ifMatch: "\"2\""])
                .expectProblem(.conflict, code: "cycle_locked")
            #expect(try sql(r.url, "SELECT count(*) FROM report_versions") == [["2"]])

            // revoking again changes nothing and answers the exception as it stands
            r.clock.set("2025-07-03T10:00:00Z")
            let again = try await r.send(.delete, "\(revoke)?reason=Again.", token: r.secretariat)
            #expect(again.status == .ok)
            #expect(try again.json()["revoked_at"] as? String == "2025-07-02T10:00:00Z")
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE action = 'cycle.exception_revoked'") == [["1"]])
            let after = try await r.send(.get, "/v1/cycles/2024/exceptions", token: r.secretariat).json()
            let row = try #require((after["exceptions"] as? [[String: Any]])?.first)
            #expect(row["revoked_at"] as? String == "2025-07-02T10:00:00Z")
        }
    }
}
