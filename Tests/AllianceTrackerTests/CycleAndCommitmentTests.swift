import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

@Suite struct CycleTests {
    @Test func aCycleFreezesItsExpectedReportersAndIsPublic() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            // Canada joins after the due date: recorded, but not expected for 2024
            try sql(r.url, "INSERT INTO memberships (country, joined_on) VALUES ('CA', '2025-04-01')")
            try await r.send(
                .put,
                "/v1/cycles/2024",
                token: r.secretariat,
                json: ["opens_on": "2025-01-01", "due_on": "2025-04-30", "locks_on": "2025-06-30"]
            )
            let cycle = try await r.send(.get, "/v1/cycles/2024", token: nil).json()
            let expected = try #require(cycle["expected_reporters"] as? [String])
            #expect(expected.count == 48)
            #expect(!expected.contains("CA"))
            #expect(cycle["due_on"] as? String == "2025-04-30")
            #expect((cycle["required_indicators"] as? [String])?.count == 15)
            try await r.send(.get, "/v1/cycles/2031", token: nil).expectProblem(.notFound, code: "unknown_cycle")
        }
    }

    @Test func badCyclesAreRefused() async throws {
        try await withReporting { r in
            let bad: [([String: Any], String)] = [
                (["opens_on": "2025-02-30", "due_on": "2025-03-31", "locks_on": "2025-06-30"], "invalid_date"),
                (["opens_on": "2025-04-01", "due_on": "2025-03-31", "locks_on": "2025-06-30"], "invalid_dates"),
                (
                    [
                        "opens_on": "2025-01-01", "due_on": "2025-03-31", "locks_on": "2025-06-30",
                        "required_indicators": ["icse_victims_identified", "nope"],
                    ], "unknown_indicator"
                ),
            ]
            for (body, code) in bad {
                try await r.send(.put, "/v1/cycles/2024", token: r.secretariat, json: body)
                    .expectProblem(.unprocessableContent, code: code)
            }
            #expect(try sql(r.url, "SELECT count(*) FROM reporting_cycles") == [["0"]])
        }
    }

    @Test func writesOutsideTheWindowAreRefusedUnlessExcepted() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let report = "/v1/countries/FR/reports/2024"
            r.clock.set("2024-12-31T23:00:00Z")
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport())
                .expectProblem(.conflict, code: "cycle_not_open")
            r.clock.set("2025-03-01T09:00:00Z")
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport())
            r.clock.set("2025-07-01T09:00:00Z")
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(), headers: [.ifMatch: "\"1\""])
                .expectProblem(.conflict, code: "cycle_locked")
            // the secretariat grants France two weeks
            let granted = try await r.send(
                .post,
                "/v1/cycles/2024/exceptions",
                token: r.secretariat,
                json: ["country": "FR", "until": "2025-07-15T00:00:00.000Z", "reason": "Late police statistics."]
            )
            #expect(granted.status == .created, "\(granted.text)")
            let saved = try await r.send(.put, report, token: r.france, json: Reporting.completeReport(), headers: [.ifMatch: "\"1\""])
            #expect(saved.status == .ok)
            // Germany has no exception
            try await r.send(.put, "/v1/countries/DE/reports/2024", token: r.germany, json: Reporting.completeReport())
                .expectProblem(.conflict, code: "cycle_locked")
            r.clock.set("2025-07-16T00:00:00Z")
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(), headers: [.ifMatch: "\"2\""])
                .expectProblem(.conflict, code: "cycle_locked")
            #expect(try sql(r.url, "SELECT reason FROM audit_log WHERE action = 'cycle.exception_granted'") == [["Late police statistics."]])
        }
    }
}

@Suite struct CommitmentTests {
    @Test func createReadAndPatch() async throws {
        try await withReporting { r in
            let created = try await r.send(
                .post,
                "/v1/countries/FR/commitments",
                token: r.france,
                json: [
                    "goal": 4, "operational_goal": "OG4.2", "indicator": "notice_takedown_median_days",
                    "title": "Take down within 2 days", "baseline_year": 2013, "baseline_value": 5, "target_year": 2020, "target_value": 2,
                ]
            )
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(try created.json()["id"] as? Int)
            #expect(created.headers[.location] == "/v1/countries/FR/commitments/\(id)")
            let patched = try await r.send(
                .patch,
                "/v1/countries/FR/commitments/\(id)",
                token: r.france,
                json: ["target_value": NSNull(), "target_growth_pct": -10, "title": "Halve takedown time"],
                headers: [.ifMatch: "\"1\""]
            )
            #expect(patched.status == .ok, "\(patched.text)")
            let body = try patched.json()
            #expect(body["title"] as? String == "Halve takedown time")
            #expect(body["target_value"] == nil)
            #expect(body["target_growth_pct"] as? Int == -10)
            #expect(body["baseline_value"] as? Int == 5)
            // a patch that breaks a rule changes nothing
            try await r.send(.patch, "/v1/countries/FR/commitments/\(id)", token: r.france, json: ["target_value": 1], headers: [.ifMatch: "\"2\""])
                .expectProblem(.unprocessableContent, code: "conflicting_target")
            try await r.send(.patch, "/v1/countries/FR/commitments/\(id)", token: r.france, json: ["colour": "blue"], headers: [.ifMatch: "\"2\""])
                .expectProblem(.unprocessableContent, code: "unknown_field")
            let list = try await r.send(.get, "/v1/countries/FR/commitments", token: r.secretariat).json()
            #expect((list["commitments"] as? [[String: Any]])?.first?["title"] as? String == "Halve takedown time")
            try await r.send(.get, "/v1/countries/FR/commitments/\(id)", token: r.germany).expectProblem(.notFound, code: "not_found")
            try await r.send(.get, "/v1/countries/DE/commitments/\(id)", token: r.germany).expectProblem(.notFound, code: "unknown_commitment")
            #expect(
                try sql(r.url, "SELECT action FROM audit_log WHERE entity = 'commitment' ORDER BY id")
                    == [["commitment.created"], ["commitment.changed"]]
            )
        }
    }
}

@Suite struct AuditTests {
    @Test func theSecretariatSeesAllAndACountryItsOwnPageByPage() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            try await r.send(.put, "/v1/countries/FR/reports/2024", token: r.france, json: Reporting.completeReport())
            try await r.send(.put, "/v1/countries/DE/reports/2024", token: r.germany, json: Reporting.completeReport())
            let all = try await r.send(.get, "/v1/audit", token: r.secretariat).json()
            let entries = try #require(all["entries"] as? [[String: Any]])
            #expect(Set(entries.compactMap { $0["country"] as? String }) == ["FR", "DE"])
            let french = try await r.send(.get, "/v1/audit", token: r.france).json()
            #expect((french["entries"] as? [[String: Any]])?.allSatisfy { $0["country"] as? String == "FR" } == true)
            try await r.send(.get, "/v1/audit?country=DE", token: r.france).expectProblem(.notFound, code: "not_found")
            try await r.send(.get, "/v1/audit?year=20x4", token: r.secretariat).expectProblem(.badRequest, code: "invalid_parameter")

            // pages of two, followed to the end, give every entry once
            var next: String? = "/v1/audit?country=FR&limit=2"
            var seen: [Int] = []
            while let page = next {
                let body = try await r.send(.get, page, token: r.secretariat).json()
                seen += (body["entries"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
                next = body["next"] as? String
            }
            let frenchIDs = try sql(r.url, "SELECT id FROM audit_log WHERE country = 'FR' ORDER BY id").compactMap { $0[0].flatMap { Int($0) } }
            #expect(seen == frenchIDs)
            #expect(frenchIDs.count > 2)
        }
    }
}
