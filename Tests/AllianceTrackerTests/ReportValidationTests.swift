import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Bad input gets a 4xx problem naming the field, and nothing is stored.
@Suite struct ReportValidationTests {
    static func report(_ value: [String: Any]) -> [String: Any] {
        ["values": [value]]
    }

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let path: String
        let body: String
        let status: HTTPResponse.Status
        let code: String
        let field: String?
        var description: String { name }
    }

    static func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static let cases: [Case] = [
        Case(
            name: "malformed JSON",
            path: "/v1/countries/FR/reports/2024",
            body: #"{"values": [ {"indicator": "#,
            status: .badRequest,
            code: "malformed_json",
            field: nil
        ),
        Case(
            name: "wrong type",
            path: "/v1/countries/FR/reports/2024",
            body: #"{"values": [{"indicator": 7, "value": 1}]}"#,
            status: .unprocessableContent,
            code: "invalid_body",
            field: "values[0].indicator"
        ),
        Case(
            name: "a string for a number",
            path: "/v1/countries/FR/reports/2024",
            body: #"{"values": [{"indicator": "offenders_convicted", "value": "many"}]}"#,
            status: .unprocessableContent,
            code: "invalid_body",
            field: "values[0].value"
        ),
        Case(
            name: "negative count",
            path: "/v1/countries/FR/reports/2024",
            body: json(report(["indicator": "icse_victims_identified", "value": -3])),
            status: .unprocessableContent,
            code: "out_of_range",
            field: "values[0].value"
        ),
        Case(
            name: "fractional count",
            path: "/v1/countries/FR/reports/2024",
            body: json(report(["indicator": "icse_victims_identified", "value": 2.5])),
            status: .unprocessableContent,
            code: "not_whole_number",
            field: "values[0].value"
        ),
        Case(
            name: "ratio over 100",
            path: "/v1/countries/FR/reports/2024",
            body: json(report(["indicator": "schools_online_safety_pct", "value": 100.5])),
            status: .unprocessableContent,
            code: "out_of_range",
            field: "values[0].value"
        ),
        Case(
            name: "number for a boolean",
            path: "/v1/countries/FR/reports/2024",
            body: json(report(["indicator": "dedicated_le_unit", "value": 1])),
            status: .unprocessableContent,
            code: "invalid_type",
            field: "values[0].value"
        ),
        Case(
            name: "unknown indicator",
            path: "/v1/countries/FR/reports/2024",
            body: json(report(["indicator": "victims_rescued_by_drones", "value": 3])),
            status: .unprocessableContent,
            code: "unknown_indicator",
            field: "values[0].indicator"
        ),
        Case(
            name: "value and reason",
            path: "/v1/countries/FR/reports/2024",
            body: json(report(["indicator": "offenders_convicted", "value": 3, "not_available": "unknown"])),
            status: .unprocessableContent,
            code: "conflicting_value",
            field: "values[0].not_available"
        ),
        Case(
            name: "goal 9",
            path: "/v1/countries/FR/reports/2024",
            body: json(["values": [], "narratives": [["goal": 9, "actions_taken": "x"]]]),
            status: .unprocessableContent,
            code: "unknown_goal",
            field: "narratives[0].goal"
        ),
        Case(
            name: "unknown country",
            path: "/v1/countries/ZZ/reports/2024",
            body: json(["values": []]),
            status: .notFound,
            code: "unknown_country",
            field: nil
        ),
        Case(
            name: "year out of range",
            path: "/v1/countries/FR/reports/1999",
            body: json(["values": []]),
            status: .badRequest,
            code: "invalid_parameter",
            field: "year"
        ),
        Case(
            name: "year without a cycle",
            path: "/v1/countries/FR/reports/2030",
            body: json(["values": []]),
            status: .notFound,
            code: "unknown_cycle",
            field: nil
        ),
        Case(
            name: "a later joiner with no membership",
            path: "/v1/countries/CA/reports/2024",
            body: json(["values": []]),
            status: .unprocessableContent,
            code: "not_a_member",
            field: "country"
        ),
        Case(
            name: "commitment under goal 9",
            path: "/v1/countries/FR/commitments",
            body: json(["goal": 9, "title": "Something"]),
            status: .unprocessableContent,
            code: "unknown_goal",
            field: "goal"
        ),
        Case(
            name: "commitment with an indicator of another goal",
            path: "/v1/countries/FR/commitments",
            body: json(["goal": 1, "title": "Faster takedown", "indicator": "notice_takedown_median_days"]),
            status: .unprocessableContent,
            code: "goal_mismatch",
            field: "indicator"
        ),
    ]

    @Test(arguments: cases)
    func refusedAndNothingStored(_ test: Case) async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let method: HTTPRequest.Method = test.path.hasSuffix("commitments") ? .post : .put
            let response = try await r.client.execute(
                uri: test.path,
                method: method,
                headers: r.headers(r.secretariat),
                body: ByteBuffer(string: test.body)
            ) { $0 }
            try response.expectProblem(test.status, code: test.code)
            if let field = test.field {
                let errors = try #require(try response.json()["errors"] as? [[String: Any]], "\(response.text)")
                #expect(errors.contains { $0["field"] as? String == field }, "\(response.text)")
            }
            try expectNothingStored(r.url)
        }
    }

    @Test func aTwoMebibyteBodyIsRefused() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let padding = String(repeating: "x", count: 2 << 20)
            let body = ByteBuffer(string: #"{"values": [], "narratives": [{"goal": 1, "actions_taken": "\#(padding)"}]}"#)
            let response = try await r.client.execute(
                uri: "/v1/countries/FR/reports/2024",
                method: .put,
                headers: r.headers(r.france),
                body: body
            ) { $0 }
            try response.expectProblem(.contentTooLarge, code: "body_too_large")
            try expectNothingStored(r.url)
        }
    }

    private func expectNothingStored(_ url: DatabaseURL) throws {
        #expect(
            try sql(url, "SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM report_versions) + (SELECT count(*) FROM commitments)") == [
                ["0"]
            ]
        )
        #expect(try sql(url, "SELECT count(*) FROM audit_log WHERE entity <> 'cycle'") == [["0"]])
    }
}
