import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

@Suite struct ReportLifecycleTests {
    /// docs/rules.md §2 end to end, as the secretariat and a focal point would do it.
    @Test func theWholePathFromCycleToAmendment() async throws {
        try await withReporting { r in
            let report = "/v1/countries/FR/reports/2024"
            try await r.openCycle2024()

            // the country saves a draft: version 1
            let draft = try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 120))
            #expect(draft.status == .created)
            #expect(draft.headers[.eTag] == "\"1\"")
            #expect(try draft.json()["status"] as? String == "draft")

            // an update needs If-Match: 428 without, 412 stale, 200 current
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 130))
                .expectProblem(.preconditionRequired, code: "precondition_required")
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 130), headers: [.ifMatch: "\"7\""])
                .expectProblem(.preconditionFailed, code: "version_mismatch")
            // If-Match compares strongly: a weak tag does not match
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 130), headers: [.ifMatch: "W/\"1\""])
                .expectProblem(.preconditionFailed, code: "version_mismatch")
            let updated = try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 130), headers: [.ifMatch: "\"1\""])
            #expect(updated.status == .ok)
            #expect(updated.headers[.eTag] == "\"2\"")

            // submits; the secretariat returns it with a comment
            let submitted = try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"2\""])
            #expect(try submitted.json()["status"] as? String == "submitted", "\(submitted.text)")
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(), headers: [.ifMatch: "\"2\""])
                .expectProblem(.conflict, code: "report_under_review")
            try await r.send(.post, "\(report)/review", token: r.secretariat, json: ["decision": "return"], headers: [.ifMatch: "\"2\""])
                .expectProblem(.unprocessableContent, code: "missing_comment")
            let returned = try await r.send(
                .post,
                "\(report)/review",
                token: r.secretariat,
                json: ["decision": "return", "comment": "Victims figure double counts 2023 cases."],
                headers: [.ifMatch: "\"2\""]
            )
            #expect(try returned.json()["status"] as? String == "returned")

            // corrects and resubmits; the secretariat accepts
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 125), headers: [.ifMatch: "\"2\""])
            try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"3\""])
            let accepted = try await r.send(
                .post,
                "\(report)/review",
                token: r.secretariat,
                json: ["decision": "accept", "comment": "Thank you."],
                headers: [.ifMatch: "\"3\""]
            )
            #expect(try accepted.json()["status"] as? String == "accepted")
            #expect(try accepted.json()["accepted_version"] as? Int == 3)

            // the country amends: version 4 is worked on, version 3 still counts
            let amended = try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 127), headers: [.ifMatch: "\"3\""])
            let amendment = try amended.json()
            #expect(amendment["version"] as? Int == 4)
            #expect(amendment["accepted_version"] as? Int == 3)
            #expect(try counted(r) == "125")
            try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"4\""])
            #expect(try counted(r) == "125")
            try await r.send(.post, "\(report)/review", token: r.secretariat, json: ["decision": "accept"], headers: [.ifMatch: "\"4\""])
            #expect(try counted(r) == "127")

            // every version stays readable, exactly as saved
            let versions = try #require(try await r.send(.get, "\(report)/versions", token: r.france).json()["versions"] as? [[String: Any]])
            #expect(versions.compactMap { $0["version"] as? Int } == [1, 2, 3, 4])
            #expect(versions.map { $0["accepted"] as? Bool } == [false, false, false, true])
            #expect(versions.map { $0["saved_by"] as? String } == ["country", "country", "country", "country"])
            let first = try await r.send(.get, "\(report)/versions/1", token: r.france).json()
            let firstValues = try #require(first["values"] as? [[String: Any]])
            #expect(firstValues.first { $0["indicator"] as? String == "icse_victims_identified" }?["value"] as? Int == 120)
            #expect(firstValues.first { $0["indicator"] as? String == "dedicated_le_unit" }?["value"] as? Bool == true)

            // each step in the audit log: who, what, and why
            let log = try sql(
                r.url,
                """
                SELECT a.action, a.actor_role, t.country, a.old_value->>'status', a.new_value->>'status', a.reason
                FROM audit_log a LEFT JOIN tokens t ON t.id = a.actor_token
                WHERE a.entity = 'report' ORDER BY a.id
                """
            )
            #expect(
                log == [
                    ["report.created", "country", "FR", nil, "draft", nil],
                    ["report.saved", "country", "FR", "draft", "draft", nil],
                    ["report.submitted", "country", "FR", "draft", "submitted", nil],
                    ["report.returned", "secretariat", nil, "submitted", "returned", "Victims figure double counts 2023 cases."],
                    ["report.saved", "country", "FR", "returned", "draft", nil],
                    ["report.submitted", "country", "FR", "draft", "submitted", nil],
                    ["report.accepted", "secretariat", nil, "submitted", "accepted", "Thank you."],
                    ["report.saved", "country", "FR", "accepted", "draft", nil],
                    ["report.submitted", "country", "FR", "draft", "submitted", nil],
                    ["report.accepted", "secretariat", nil, "submitted", "accepted", nil],
                ]
            )
            let changes = try sql(
                r.url,
                """
                SELECT old_value->>'value', new_value->>'value' FROM audit_log
                WHERE action = 'report.value_changed' AND entity_id = 'FR/2024/icse_victims_identified' ORDER BY id
                """
            )
            #expect(changes == [[nil, "120"], ["120", "130"], ["130", "125"], ["125", "127"]])
            // each save's own entry comes before the changes of its values, which name its version
            let saves = try sql(
                r.url,
                """
                SELECT action, coalesce(new_value->>'version', '') FROM audit_log
                WHERE country = 'FR' AND action IN ('report.created', 'report.saved', 'report.value_changed') ORDER BY id
                """
            )
            let collapsed = saves.enumerated().filter { $0.offset == 0 || saves[$0.offset - 1] != $0.element }.map(\.element)
            #expect(
                collapsed == [
                    ["report.created", "1"], ["report.value_changed", "1"], ["report.saved", "2"], ["report.value_changed", "2"],
                    ["report.saved", "3"], ["report.value_changed", "3"], ["report.saved", "4"], ["report.value_changed", "4"],
                ]
            )
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE at IS NULL OR actor_role IS NULL") == [["0"]])
        }
    }

    /// The value that counts in summaries: the accepted version's.
    private func counted(_ r: Reporting) throws -> String? {
        try sql(
            r.url,
            """
            SELECT v.value::text FROM reports p JOIN report_values v
              ON v.report_id = p.id AND v.version = p.accepted_version AND v.indicator = 'icse_victims_identified'
            WHERE p.country = 'FR' AND p.year = 2024
            """
        ).first?.first ?? nil
    }

    @Test func twelveConcurrentSavesWithOneIfMatchLeaveExactlyOneWinner() async throws {
        try await withReporting { r in
            let report = "/v1/countries/FR/reports/2024"
            try await r.openCycle2024()
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 100))
            let statuses = try await withThrowingTaskGroup(of: (Int, HTTPResponse.Status).self) { group in
                for writer in 1...12 {
                    group.addTask {
                        let response = try await r.send(
                            .put,
                            report,
                            token: r.france,
                            json: Reporting.completeReport(victims: 1000 + writer),
                            headers: [.ifMatch: "\"1\""]
                        )
                        return (writer, response.status)
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            let winners = statuses.filter { $0.value == .ok }.map(\.key)
            #expect(winners.count == 1)
            #expect(statuses.values.filter { $0 == .preconditionFailed }.count == 11)
            let winner = try #require(winners.first)
            let stored = try await r.send(.get, report, token: r.france).json()
            #expect(stored["version"] as? Int == 2)
            let values = try #require(stored["values"] as? [[String: Any]])
            #expect(values.first { $0["indicator"] as? String == "icse_victims_identified" }?["value"] as? Int == 1000 + winner)
            #expect(try sql(r.url, "SELECT count(*) FROM report_versions") == [["2"]])
        }
    }

    @Test func submissionNamesEachMissingIndicatorAndUnjustifiedWarning() async throws {
        try await withReporting { r in
            let report = "/v1/countries/FR/reports/2024"
            try await r.openCycle2024()
            var body = Reporting.completeReport(victims: 120)
            var values = body["values"] as! [[String: Any]]
            values.removeAll { ["offenders_convicted", "awareness_campaigns"].contains($0["indicator"] as? String) }
            values[values.firstIndex { $0["indicator"] as? String == "notice_takedown_median_days" }!]["value"] = 90
            body["values"] = values
            try await r.send(.put, report, token: r.france, json: body)
            let refused = try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"1\""])
            try refused.expectProblem(.unprocessableContent, code: "validation_failed")
            let errors = try #require(try refused.json()["errors"] as? [[String: Any]])
            let listed = errors.map { "\($0["field"]!) \($0["code"]!)" }
            #expect(
                listed == [
                    "values.awareness_campaigns missing_indicator",
                    "values.offenders_convicted missing_indicator",
                    "values.notice_takedown_median_days.note outside_expected_range",
                ]
            )
            #expect(try sql(r.url, "SELECT status FROM reports") == [["draft"]])
        }
    }

    @Test func aChangeOverHalfOnLastYearNeedsANote() async throws {
        try await withReporting { r in
            // 2023 accepted with 100 victims identified
            let cycle2023: [String: Any] = ["opens_on": "2024-01-01", "due_on": "2024-03-31", "locks_on": "2025-06-30"]
            try await r.send(.put, "/v1/cycles/2023", token: r.secretariat, json: cycle2023)
            try await r.openCycle2024()
            try await r.send(.put, "/v1/countries/FR/reports/2023", token: r.france, json: Reporting.completeReport(victims: 100))
            try await r.send(.post, "/v1/countries/FR/reports/2023/submit", token: r.france, headers: [.ifMatch: "\"1\""])
            try await r.send(
                .post,
                "/v1/countries/FR/reports/2023/review",
                token: r.secretariat,
                json: ["decision": "accept"],
                headers: [.ifMatch: "\"1\""]
            )

            let report = "/v1/countries/FR/reports/2024"
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport(victims: 151))
            try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"1\""])
                .expectProblem(.unprocessableContent, code: "change_over_50_percent")
            try await r.send(
                .put,
                report,
                token: r.france,
                json: Reporting.completeReport(victims: 151, note: "New ICSE connection in March."),
                headers: [.ifMatch: "\"1\""]
            )
            let submitted = try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"2\""])
            #expect(submitted.status == .ok, "\(submitted.text)")
        }
    }
}
