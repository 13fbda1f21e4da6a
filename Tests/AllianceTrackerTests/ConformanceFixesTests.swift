import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

@testable import AllianceTracker

/// What a schemathesis run found: requests answered with a 404 for a known path, a
/// 500, or a silent acceptance, where the contract says which 4xx. Nothing is stored.
@Suite struct ConformanceFixesTests {
    /// Sends `body` exactly as written: JSONSerialization would not write these numbers.
    static func send(
        _ r: Reporting,
        _ method: HTTPRequest.Method,
        _ uri: String,
        _ body: String,
        token: String? = nil
    ) async throws -> TestResponse {
        try await r.client.execute(uri: uri, method: method, headers: r.headers(token ?? r.secretariat), body: ByteBuffer(string: body))
    }

    static func fields(_ response: TestResponse) throws -> [String] {
        (try response.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    @Test func numbersTooLargeOrTooPreciseAreNamedNotCalledMalformed() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let cases = [
                ("/v1/countries/DE/commitments", #"{"goal":1,"title":"t","baseline_year":2020,"baseline_value":1e200}"#, "baseline_value"),
                // 2.5 fits baseline_value: only the goal is named
                ("/v1/countries/DE/commitments", #"{"goal":1.5,"title":"t","baseline_year":2020,"baseline_value":2.5}"#, "goal"),
                ("/v1/countries/DE/commitments", #"{"goal":9223372036854775808,"title":"t"}"#, "goal"),
                (
                    "/v1/countries/DE/reports/2024", #"{"values":[{"indicator":"icse_victims_identified","value":5e-324}]}"#,
                    "values[0].value"
                ),
            ]
            for (uri, body, field) in cases {
                let response = try await Self.send(r, uri.hasSuffix("2024") ? .put : .post, uri, body)
                try response.expectProblem(.unprocessableContent, code: "invalid_body")
                #expect(try Self.fields(response) == [field], "\(body)")
            }
            try await Self.send(r, .post, "/v1/countries/DE/commitments", #"{"goal":1,"#)
                .expectProblem(.badRequest, code: "malformed_json")
            #expect(try sql(r.url, "SELECT (SELECT count(*) FROM commitments) + (SELECT count(*) FROM reports)") == [["0"]])
        }
    }

    @Test func anyMethodOnAKnownPathIs405AndOnAnUnknownOne404() async throws {
        try await withApp { client, _ async throws in
            let cases = [
                ("/v1/goals", "QUERY", "GET, HEAD"), ("/v1/tokens", "PROPFIND", "GET, POST, HEAD"),
                ("/v1/countries/FR/reports/2024/submit", "QUERY", "POST"),
            ]
            for (uri, name, allow) in cases {
                let method = try #require(HTTPRequest.Method(name))
                try await client.execute(uri: uri, method: method) { response async throws in
                    try response.expectProblem(.methodNotAllowed, code: "method_not_allowed")
                    #expect(response.headers[.allow] == allow)
                }
            }
            let query = try #require(HTTPRequest.Method("QUERY"))
            try await client.execute(uri: "/v1/nothing-here", method: query) { response async throws in
                try response.expectProblem(.notFound, code: "not_found")
            }
        }
    }

    @Test func textWithNULIsRefusedBeforeAnyStateIsChecked() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            try await r.send(.put, "/v1/countries/DE/reports/2024", token: r.germany, json: Reporting.completeReport())
            let cases: [(HTTPRequest.Method, String, String, String)] = [
                (.post, "/v1/countries/DE/commitments", #"{"goal":1,"title":"a\u0000b"}"#, "title"),
                (
                    .put, "/v1/cycles/2024",
                    #"{"opens_on":"2025-01-01","due_on":"2025-03-31","locks_on":"2025-06-30","required_indicators":["\u0000"]}"#,
                    "required_indicators[0]"
                ),
                (.post, "/v1/cycles/2024/exceptions", #"{"country":"FR","until":"2025-07-15T00:00:00Z","reason":"late\u0000"}"#, "reason"),
                (.post, "/v1/summaries/2024/releases", #"{"note":"n\u0000"}"#, "note"),
                (.post, "/v1/tokens", #"{"role":"country","country":"FR","label":"\u0000"}"#, "label"),
                // the report is not submitted (409) and this PUT has no If-Match (428): NUL is refused first
                (.post, "/v1/countries/DE/reports/2024/review", #"{"decision":"return","comment":"\u0000"}"#, "comment"),
                (
                    .put, "/v1/countries/DE/reports/2024",
                    #"{"values":[{"indicator":"icse_victims_identified","value":1,"note":"\u0000"}]}"#, "values[0].note"
                ),
                (.post, "/v1/countries/DE/commitments", #"{"goal":1,"title":"t","\u0000":1}"#, "\u{0}"),
            ]
            for (method, uri, body, field) in cases {
                let response = try await Self.send(r, method, uri, body)
                try response.expectProblem(.unprocessableContent, code: "invalid_body")
                #expect(try Self.fields(response) == [field], "\(uri)")
            }
            // an escaped backslash before u0000 is a backslash, not NUL
            let literal = try await Self.send(r, .post, "/v1/countries/DE/commitments", #"{"goal":1,"title":"a\\u0000b"}"#)
            #expect(literal.status == .created, "\(literal.text)")
            #expect(try sql(r.url, "SELECT title FROM commitments") == [[#"a\u0000b"#]])
            #expect(
                try sql(
                    r.url,
                    """
                    SELECT (SELECT count(*) FROM lock_exceptions), (SELECT count(*) FROM summary_releases),
                           (SELECT count(*) FROM tokens), (SELECT count(*) FROM report_versions),
                           (SELECT count(*) FROM cycle_required_indicators)
                    """
                ) == [["0", "0", "3", "1", "15"]]
            )
            // NUL in the query or the path is an invalid or unknown value, not a 500
            for uri in ["/v1/audit?since=%00", "/v1/audit?country=%00", "/v1/indicators?goal=%00"] {
                try await r.send(.get, uri, token: r.secretariat).expectProblem(.badRequest, code: "invalid_parameter")
            }
            try await r.send(.get, "/v1/indicators/%00", token: nil).expectProblem(.notFound, code: "unknown_indicator")
            try await r.send(.get, "/v1/countries/%00/commitments", token: r.secretariat).expectProblem(.notFound, code: "unknown_country")
        }
    }

    @Test func aNULEscapeIsFoundOnlyWhereItIsOne() {
        #expect(JSONProbe.hasNULEscape(ByteBuffer(string: #"{"a":"x\u0000"}"#)))
        #expect(JSONProbe.hasNULEscape(ByteBuffer(string: #"{"a":"x\\\u0000"}"#)))
        #expect(!JSONProbe.hasNULEscape(ByteBuffer(string: #"{"a":"x\\u0000","b":"\u0001\\"}"#)))
    }

    @Test func aLockExceptionHasALocationAndATimeMustBeWhole() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let exceptions = "/v1/cycles/2024/exceptions"
            let bad = ["2031-01-01T00:00:00Zjunk", "2030-02-30T00:00:00Z", "2030-01-01T24:00:00Z", "2030-01-01t00:00:00z", "2030-01-01"]
            for until in bad {
                let refused = try await r.send(
                    .post,
                    exceptions,
                    token: r.secretariat,
                    json: ["country": "FR", "until": until, "reason": "Late police statistics."]
                )
                try refused.expectProblem(.unprocessableContent, code: "invalid_body")
                #expect(try Self.fields(refused) == ["until"], "\(until)")
            }
            let release = try await r.send(
                .post,
                "/v1/summaries/2024/releases",
                token: r.secretariat,
                json: ["embargo_until": "2030-01-01T00:00:00Zjunk"]
            )
            try release.expectProblem(.unprocessableContent, code: "invalid_body")
            #expect(try Self.fields(release) == ["embargo_until"])
            #expect(try sql(r.url, "SELECT (SELECT count(*) FROM lock_exceptions) + (SELECT count(*) FROM summary_releases)") == [["0"]])

            let granted = try await r.send(
                .post,
                exceptions,
                token: r.secretariat,
                json: ["country": "FR", "until": "2025-07-15T02:00:00+02:00", "reason": "Late."]
            )
            #expect(granted.status == .created, "\(granted.text)")
            #expect(granted.headers[.location] == "/v1/cycles/2024")
            #expect(try sql(r.url, "SELECT until = '2025-07-15T00:00:00Z' FROM lock_exceptions") == [["t"]])
        }
    }

    @Test func anAuditTimeMustBeWhole() async throws {
        try await withReporting { r in
            let bad = ["2025-01-31T12:00:00Zjunk", "2025-02-30", "2025-01-31T12:00:00.5Z", "2025-01-31T12:00Z", "2025-01-31junk"]
            for since in bad {
                try await r.send(.get, "/v1/audit?limit=1&since=\(since)", token: r.secretariat)
                    .expectProblem(.badRequest, code: "invalid_parameter")
            }
            for since in ["2025-01-31", "2025-01-31T12:00:00Z", "2025-01-31T14:00:00%2B02:00"] {
                let response = try await r.send(.get, "/v1/audit?limit=1&since=\(since)", token: r.secretariat)
                #expect(response.status == .ok, "\(since): \(response.text)")
            }
        }
    }

    /// A body sent without Content-Length passes the size check at the door and is
    /// cut off while read; the test client always sets the length, so read it here.
    @Test func aBodyWithoutALengthIsCutOffWith413() async throws {
        let body = ByteBuffer(repeating: UInt8(ascii: " "), count: AppRequestContext.maximumBodyBytes + 1)
        let request = Request(head: .init(method: .post, scheme: "http", authority: "x", path: "/v1/tokens"), body: .init(buffer: body))
        let context = AppRequestContext(source: .init(channel: NIOAsyncTestingChannel(), logger: TestDatabase.logger))
        do {
            _ = try await AllianceTracker.RequestBody<[String: Int]>(request, context: context)
            Issue.record("a body over the limit was read")
        } catch {
            let problem = ProblemMiddleware<AppRequestContext>().problem(for: error, request: request, logger: TestDatabase.logger)
            #expect(problem.status == .contentTooLarge)
            #expect(problem.code == "body_too_large")
        }
    }
}
