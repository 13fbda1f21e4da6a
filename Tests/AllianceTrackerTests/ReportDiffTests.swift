import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `GET /v1/countries/{cc}/reports/{year}/diff`: what an amendment changed.
@Suite struct ReportDiffTests {
    static let report = "/v1/countries/FR/reports/2024"

    /// Version 1, accepted: every indicator but schools_online_safety_pct, narratives for goals 1 and 2.
    static var accepted: [String: Any] {
        var body = Reporting.completeReport(victims: 120)
        body["values"] = (body["values"] as! [[String: Any]]).filter { $0["indicator"] as? String != "schools_online_safety_pct" }
        body["narratives"] = [
            ["goal": 1, "actions_taken": "Joined ICSE.", "actions_planned": "Train more analysts."],
            ["goal": 2, "actions_taken": "New law.", "actions_planned": "Evaluate it."],
        ]
        return body
    }

    /// The amendment: one value changed, one removed, one added, a note only, one narrative.
    static var amendment: [String: Any] {
        var body = accepted
        var values = (body["values"] as! [[String: Any]]).filter { $0["indicator"] as? String != "awareness_campaigns" }
        for index in values.indices {
            switch values[index]["indicator"] as? String {
            case "icse_victims_identified": values[index]["value"] = 127
            case "offenders_convicted": values[index]["note"] = "Includes appeals decided in January."
            default: break
            }
        }
        values.append(["indicator": "schools_online_safety_pct", "value": 71])
        body["values"] = values
        body["narratives"] = [
            ["goal": 1, "actions_taken": "Joined ICSE.", "actions_planned": "Train 20 more analysts."],
            ["goal": 2, "actions_taken": "New law.", "actions_planned": "Evaluate it."],
        ]
        return body
    }

    /// The 2024 cycle, requiring only the victims figure, so that version 1 can leave one out.
    static func openCycle(_ r: Reporting) async throws {
        var cycle = Reporting.cycle2024
        cycle["required_indicators"] = ["icse_victims_identified"]
        #expect(try await r.send(.put, "/v1/cycles/2024", token: r.secretariat, json: cycle).status == .created)
    }

    static func fileAndAmend(_ r: Reporting) async throws {
        try await openCycle(r)
        #expect(try await r.send(.put, report, token: r.france, json: accepted).status == .created)
        #expect(try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"1\""]).status == .ok)
        let review = try await r.send(.post, "\(report)/review", token: r.secretariat, json: ["decision": "accept"], headers: [.ifMatch: "\"1\""])
        #expect(review.status == .ok, "\(review.text)")
        #expect(try await r.send(.put, report, token: r.france, json: amendment, headers: [.ifMatch: "\"1\""]).status == .ok)
    }

    @Test func theDefaultDiffNamesExactlyWhatTheAmendmentChanged() async throws {
        try await withReporting { r in
            try await Self.fileAndAmend(r)
            let stored = try sql(r.url, "SELECT (SELECT count(*) FROM audit_log), (SELECT count(*) FROM report_versions)")
            for token in [r.france, r.secretariat] {
                let response = try await r.send(.get, "\(Self.report)/diff", token: token)
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[.cacheControl] == "no-store")
                let body = try response.json()
                #expect(body["country"] as? String == "FR")
                #expect(body["year"] as? Int == 2024)
                #expect(body["from"] as? Int == 1)
                #expect(body["to"] as? Int == 2)
                let values = try #require(body["values"] as? [[String: Any]])
                #expect(
                    values.map { $0["indicator"] as? String } == [
                        "awareness_campaigns", "icse_victims_identified", "offenders_convicted", "schools_online_safety_pct",
                    ]
                )
                #expect(values.map { $0["change"] as? String } == ["removed", "changed", "changed", "added"])
                let old = values.map { $0["old"] as? [String: Any] }
                let new = values.map { $0["new"] as? [String: Any] }
                #expect(old[0]?["value"] as? Int == 3 && values[0]["new"] is NSNull)
                #expect(old[1]?["value"] as? Int == 120 && new[1]?["value"] as? Int == 127)
                #expect(old[2]?["note"] == nil && new[2]?["note"] as? String == "Includes appeals decided in January.")
                #expect(old[2]?["value"] as? Int == 95 && new[2]?["value"] as? Int == 95)
                #expect(values[3]["old"] is NSNull && new[3]?["value"] as? Int == 71)
                let narratives = try #require(body["narratives"] as? [[String: Any]])
                #expect(narratives.map { $0["goal"] as? Int } == [1])
                #expect(narratives.first?["change"] as? String == "changed")
                #expect((narratives.first?["old"] as? [String: Any])?["actions_planned"] as? String == "Train more analysts.")
                #expect((narratives.first?["new"] as? [String: Any])?["actions_planned"] as? String == "Train 20 more analysts.")
            }
            // reading the diff stores nothing
            #expect(try sql(r.url, "SELECT (SELECT count(*) FROM audit_log), (SELECT count(*) FROM report_versions)") == stored)
        }
    }

    @Test func versionsCanBeNamedAndTheDiffReadsBackwards() async throws {
        try await withReporting { r in
            try await Self.fileAndAmend(r)
            let backwards = try await r.send(.get, "\(Self.report)/diff?from=2&to=1", token: r.france).json()
            let values = try #require(backwards["values"] as? [[String: Any]])
            #expect(values.map { $0["change"] as? String } == ["added", "changed", "changed", "removed"])
            #expect(backwards["from"] as? Int == 2 && backwards["to"] as? Int == 1)
            let same = try await r.send(.get, "\(Self.report)/diff?from=2", token: r.france).json()
            #expect((same["values"] as? [Any])?.isEmpty == true && (same["narratives"] as? [Any])?.isEmpty == true)
            let explicit = try await r.send(.get, "\(Self.report)/diff?to=2", token: r.france).json()
            #expect((explicit["values"] as? [Any])?.count == 4)
            // a second save of the amendment: the default still starts from the accepted version
            #expect(try await r.send(.put, Self.report, token: r.france, json: Self.amendment, headers: [.ifMatch: "\"2\""]).status == .ok)
            let resaved = try await r.send(.get, "\(Self.report)/diff", token: r.france).json()
            #expect(resaved["from"] as? Int == 1 && resaved["to"] as? Int == 3)
            #expect((resaved["values"] as? [Any])?.count == 4 && (resaved["narratives"] as? [Any])?.count == 1)
        }
    }

    @Test func withNoAcceptedVersionTheDefaultIsThePreviousOne() async throws {
        try await withReporting { r in
            try await Self.openCycle(r)
            try await r.send(.get, "\(Self.report)/diff", token: r.france).expectProblem(.notFound, code: "unknown_report")
            try await r.send(.put, Self.report, token: r.france, json: Self.accepted)
            // version 1 alone: compared with itself
            let first = try await r.send(.get, "\(Self.report)/diff", token: r.france).json()
            #expect(first["from"] as? Int == 1 && first["to"] as? Int == 1)
            #expect((first["values"] as? [Any])?.isEmpty == true && (first["narratives"] as? [Any])?.isEmpty == true)
            try await r.send(.put, Self.report, token: r.france, json: Self.amendment, headers: [.ifMatch: "\"1\""])
            let second = try await r.send(.get, "\(Self.report)/diff", token: r.france).json()
            #expect(second["from"] as? Int == 1 && second["to"] as? Int == 2)
            #expect((second["values"] as? [Any])?.count == 4)
        }
    }

    @Test func badVersionsAreRefused() async throws {
        try await withReporting { r in
            try await Self.fileAndAmend(r)
            for (query, name) in [
                ("from=0", "from"), ("from=-1", "from"), ("to=abc", "to"), ("to=1.5", "to"), ("from=", "from"),
                ("to=99999999999999999999", "to"), ("from=%201", "from"),
            ] {
                let response = try await r.send(.get, "\(Self.report)/diff?\(query)", token: r.france)
                try response.expectProblem(.badRequest, code: "invalid_parameter")
                let errors = try #require(try response.json()["errors"] as? [[String: Any]], "\(query)")
                #expect(errors.first?["field"] as? String == name, "\(query)")
            }
            for query in ["from=3", "to=9", "from=1&to=2147483647"] {
                try await r.send(.get, "\(Self.report)/diff?\(query)", token: r.france).expectProblem(.notFound, code: "unknown_version")
            }
            try await r.send(.get, "/v1/countries/FR/reports/2023/diff", token: r.secretariat).expectProblem(.notFound, code: "unknown_report")
            try await r.send(.get, "/v1/countries/FR/reports/1999/diff", token: r.secretariat).expectProblem(.badRequest, code: "invalid_parameter")
            try await r.send(.get, "\(Self.report)/diff", token: r.germany).expectProblem(.notFound, code: "not_found")
        }
    }
}
