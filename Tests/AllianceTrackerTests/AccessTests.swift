import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// The access matrix of docs/rules.md §3, for every protected route.
@Suite struct AccessTests {
    enum Kind { case countryRead, countryWrite, secretariat, authenticated }

    static let routes: [(HTTPRequest.Method, String, Kind)] = [
        (.get, "/v1/countries/FR/commitments", .countryRead),
        (.post, "/v1/countries/FR/commitments", .countryWrite),
        (.get, "/v1/countries/FR/commitments/1", .countryRead),
        (.patch, "/v1/countries/FR/commitments/1", .countryWrite),
        (.post, "/v1/countries/FR/commitments/1/withdraw", .countryWrite),
        (.get, "/v1/countries/FR/reports/2024", .countryRead),
        (.put, "/v1/countries/FR/reports/2024", .countryWrite),
        (.post, "/v1/countries/FR/reports/2024/submit", .countryWrite),
        (.post, "/v1/countries/FR/reports/2024/submit?dry_run=true", .countryWrite),
        (.post, "/v1/imports?year=2024", .secretariat),
        (.post, "/v1/countries/FR/reports/2024/review", .secretariat),
        (.get, "/v1/countries/FR/reports/2024/versions", .countryRead),
        (.get, "/v1/countries/FR/reports/2024/versions/1", .countryRead),
        (.get, "/v1/countries/FR/reports/2024/diff", .countryRead),
        (.put, "/v1/cycles/2024", .secretariat),
        (.post, "/v1/cycles/2024/exceptions", .secretariat),
        (.get, "/v1/cycles", .secretariat),
        (.get, "/v1/cycles/2024/exceptions", .secretariat),
        (.get, "/v1/cycles/2024/reports", .secretariat),
        (.delete, "/v1/cycles/2024/exceptions/999999", .secretariat),
        (.get, "/v1/cycles/2024/expected", .secretariat),
        (.post, "/v1/cycles/2024/expected", .secretariat),
        (.delete, "/v1/cycles/2024/expected/FR", .secretariat),
        (.get, "/v1/audit", .authenticated),
        (.get, "/v1/tokens", .secretariat),
        (.post, "/v1/tokens", .secretariat),
        (.delete, "/v1/tokens/999999", .secretariat),
        (.post, "/v1/countries", .secretariat),
        (.patch, "/v1/countries/FR", .secretariat),
        (.post, "/v1/countries/FR/memberships", .secretariat),
        (.patch, "/v1/countries/FR/memberships/999999", .secretariat),
        (.post, "/v1/targets", .secretariat),
        (.patch, "/v1/targets/OG1.1", .secretariat),
        (.get, "/v1/countries/FR/targets?year=2024", .countryRead),
        (.post, "/v1/summaries/2024/releases", .secretariat),
        (.post, "/v1/summaries/2024/releases?dry_run=true", .secretariat),
    ]

    @Test func everyProtectedRouteFollowsTheMatrix() async throws {
        // two bad tokens a route, all from one client: far past the default limit on failures
        let limit: @Sendable (inout Config) -> Void = { $0.edge.authFailureLimit = 1_000_000 }
        try await withReporting(configure: limit) { r in
            try await r.openCycle2024()
            for (method, path, kind) in Self.routes {
                let label = "\(method) \(path)"
                for token in [nil, "at_1_" + String(repeating: "x", count: 43), "not-a-token"] {
                    let response = try await r.send(method, path, token: token, json: [:])
                    try response.expectProblem(.unauthorized, code: "unauthorized")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true, "\(label)")
                }
                // another country's token
                let other = try await r.send(method, path, token: r.germany, json: [:])
                switch kind {
                case .countryRead: try other.expectProblem(.notFound, code: "not_found")
                case .countryWrite, .secretariat: try other.expectProblem(.forbidden, code: "forbidden")
                case .authenticated: #expect(other.status == .ok, "\(label)")
                }
                // the country's own token, and the secretariat's
                let own = try await r.send(method, path, token: r.france, json: [:])
                if kind == .secretariat {
                    try own.expectProblem(.forbidden, code: "forbidden")
                } else {
                    #expect(Self.allowed(own), "\(label) as France: \(own.status) \(own.text)")
                }
                let secretariat = try await r.send(method, path, token: r.secretariat, json: [:])
                #expect(Self.allowed(secretariat), "\(label) as secretariat: \(secretariat.status) \(secretariat.text)")
            }
        }
    }

    /// A client past the limit on failed authentications gets 429 on every protected
    /// route whatever token it sends (none is checked), and still 401 without one.
    @Test func aClientPastTheFailureLimitGets429Everywhere() async throws {
        let limit: @Sendable (inout Config) -> Void = { $0.edge.authFailureLimit = 1 }
        try await withReporting(configure: limit) { r in
            #expect(try await r.send(.get, "/v1/audit", token: "not-a-token").status == .unauthorized)
            let tokens = try sql(r.url, "SELECT count(*) FROM tokens")[0][0]
            for (method, path, _) in Self.routes {
                for token in [r.secretariat, r.france, r.germany, "not-a-token"] {
                    let response = try await r.send(method, path, token: token, json: [:])
                    try response.expectProblem(.tooManyRequests, code: "too_many_failures")
                    #expect(response.headers[.retryAfter] == "60", "\(method) \(path)")
                }
                try await r.send(method, path, token: nil, json: [:]).expectProblem(.unauthorized, code: "unauthorized")
            }
            #expect(try sql(r.url, "SELECT count(*) FROM tokens")[0][0] == tokens)
            #expect(try sql(r.url, "SELECT count(*) FROM reporting_cycles")[0][0] == "0")
        }
    }

    /// Past the access check: whatever the handler then says of the (empty) request.
    static func allowed(_ response: TestResponse) -> Bool {
        guard let code = try? response.json()["code"] as? String else { return response.status.code < 400 }
        return !["unauthorized", "forbidden", "not_found"].contains(code)
    }

    @Test func noReportRouteAnswersThePublic() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            try await r.send(.put, "/v1/countries/FR/reports/2024", token: r.france, json: Reporting.completeReport())
            for path in [
                "/v1/countries/FR/reports/2024", "/v1/countries/FR/reports/2024/versions",
                "/v1/countries/FR/reports/2024/versions/1", "/v1/countries/FR/reports/2024/diff?from=1&to=1", "/v1/audit?country=FR",
            ] {
                let response = try await r.send(.get, path, token: nil)
                try response.expectProblem(.unauthorized, code: "unauthorized")
                #expect(!response.text.contains("icse_victims_identified"))
            }
        }
    }

    @Test func aRevokedTokenStopsAtOnce() async throws {
        try await withReporting { r in
            let created = try await r.send(.post, "/v1/tokens", token: r.secretariat, json: ["role": "country", "country": "IT", "label": "Rome"])
            #expect(created.status == .created)
            let body = try created.json()
            let token = try #require(body["token"] as? String)
            let id = try #require(body["id"] as? Int)
            #expect(token.count >= 43 + 5)
            // shown once, stored only as a hash
            let secret = String(token.split(separator: "_", maxSplits: 2)[2])
            #expect(try sql(r.url, "SELECT token_hash = sha256(convert_to($1, 'UTF8')) FROM tokens WHERE id = $2", [secret, String(id)]) == [["t"]])
            #expect(try await r.send(.get, "/v1/countries/IT/commitments", token: token).status == .ok)
            #expect(try await r.send(.delete, "/v1/tokens/\(id)", token: r.secretariat).status == .noContent)
            try await r.send(.get, "/v1/countries/IT/commitments", token: token).expectProblem(.unauthorized, code: "unauthorized")
            try await r.send(.delete, "/v1/tokens/999999", token: r.secretariat).expectProblem(.notFound, code: "unknown_token")
            #expect(try sql(r.url, "SELECT action FROM audit_log WHERE entity = 'token' ORDER BY id") == [["token.created"], ["token.revoked"]])
        }
    }

    @Test func tokensNeedTheRightShape() async throws {
        try await withReporting { r in
            try await r.send(.post, "/v1/tokens", token: r.secretariat, json: ["role": "country"])
                .expectProblem(.unprocessableContent, code: "missing_country")
            try await r.send(.post, "/v1/tokens", token: r.secretariat, json: ["role": "country", "country": "ZZ"])
                .expectProblem(.unprocessableContent, code: "unknown_country")
            try await r.send(.post, "/v1/tokens", token: r.secretariat, json: ["role": "king"])
                .expectProblem(.unprocessableContent, code: "invalid_body")
            #expect(try sql(r.url, "SELECT count(*) FROM tokens") == [["3"]])
        }
    }
}
