import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Failed authentications per client address over a sliding minute: past the limit,
/// 429 with Retry-After, whatever the token; the public routes are not refused.
@Suite struct AuthFailureLimitTests {
    @Test func aBurstOfBadTokensGets429UntilTheMinutePasses() async throws {
        try await withLimit(3) { r in
            for _ in 0..<3 {
                #expect(try await r.send(.get, "/v1/tokens", token: "at_1_wrong").status == .unauthorized)
            }
            r.clock.set("2025-02-15T12:00:20Z")
            let refused = try await r.send(.get, "/v1/tokens", token: "at_1_wrong")
            try expect429(refused, retryAfter: "40")
            // past the limit even a good token is not checked, and a write stores nothing
            try expect429(try await r.send(.get, "/v1/tokens", token: r.secretariat), retryAfter: "40")
            let tokens = try sql(r.url, "SELECT count(*) FROM tokens")[0][0]
            let write = try await r.send(.post, "/v1/tokens", token: r.secretariat, json: ["role": "secretariat"])
            try expect429(write, retryAfter: "40")
            #expect(try sql(r.url, "SELECT count(*) FROM tokens")[0][0] == tokens)
            // what is public stays public
            #expect(try await r.send(.get, "/v1/goals", token: "at_1_wrong").status == .ok)
            // a minute after the first failures they have left the window
            r.clock.set("2025-02-15T12:01:00Z")
            #expect(try await r.send(.get, "/v1/tokens", token: r.secretariat).status == .ok)
            // a success reset nothing, and new failures count from zero
            #expect(try await r.send(.get, "/v1/tokens", token: "nonsense").status == .unauthorized)
        }
    }

    @Test func revokedAndExpiredTokensCount() async throws {
        try await withLimit(2) { r in
            _ = try sql(r.url, "UPDATE tokens SET revoked_at = now() WHERE country = 'FR'")
            _ = try sql(r.url, "UPDATE tokens SET expires_at = '2025-01-01T00:00:00Z', created_at = '2024-01-01T00:00:00Z' WHERE country = 'DE'")
            #expect(try await r.send(.get, "/v1/countries/FR/commitments", token: r.france).status == .unauthorized)
            let expired = try await r.send(.get, "/v1/countries/DE/commitments", token: r.germany)
            #expect(expired.status == .unauthorized)
            #expect(expired.text.contains("expired"))
            try expect429(try await r.send(.get, "/v1/countries/FR/commitments", token: r.secretariat), retryAfter: "60")
        }
    }

    /// X-Forwarded-For names the client only when the socket's peer is a trusted proxy.
    @Test(arguments: [true, false]) func forwardedForIsBelievedOnlyFromTrustedProxies(trusted: Bool) async throws {
        try await withLimit(2, proxies: trusted ? "10.0.0.0/8, 127.0.0.1" : "10.0.0.0/8", framework: .live) { r in
            let first = "203.0.113.7"
            for _ in 0..<2 {
                let response = try await r.send(.get, "/v1/tokens", token: "at_1_wrong", headers: [.xForwardedFor: "\(first), 10.1.2.3"])
                #expect(response.status == .unauthorized)
            }
            try expect429(try await r.send(.get, "/v1/tokens", token: "at_1_wrong", headers: [.xForwardedFor: first]), retryAfter: "60")
            // another client behind the proxy, or (untrusted) the same peer writing another header
            let other = try await r.send(.get, "/v1/tokens", token: r.secretariat, headers: [.xForwardedFor: "198.51.100.9"])
            #expect(other.status == (trusted ? .ok : .tooManyRequests))
        }
    }

    @Test func trustedProxiesParse() throws {
        let proxies = try #require(TrustedProxies(" 10.0.0.0/8,192.168.1.1 , fd00::/8"))
        #expect(proxies.trusts("10.200.3.4") && proxies.trusts("192.168.1.1") && proxies.trusts("fd12::1"))
        #expect(!proxies.trusts("11.0.0.1") && !proxies.trusts("192.168.1.2") && !proxies.trusts("fe80::1") && !proxies.trusts("x"))
        #expect(proxies.trusts("::ffff:10.0.0.1"))
        #expect(proxies.client(peer: "10.0.0.1", forwardedFor: "1.2.3.4, 5.6.7.8, 10.9.9.9") == "5.6.7.8")
        #expect(proxies.client(peer: "10.0.0.1", forwardedFor: "not an address") == "10.0.0.1")
        #expect(proxies.client(peer: "8.8.8.8", forwardedFor: "1.2.3.4") == "8.8.8.8")
        #expect(TrustedProxies("")?.blocks.isEmpty == true)
        // one IPv6 host is usually given a whole /64: it counts as one client
        #expect(AuthFailureLimiter.key("2001:db8:1:2::1") == AuthFailureLimiter.key("2001:db8:1:2:ffff::9"))
        #expect(AuthFailureLimiter.key("2001:db8:1:2::1") != AuthFailureLimiter.key("2001:db8:1:3::1"))
        #expect(AuthFailureLimiter.key("192.0.2.1") == "192.0.2.1")
        for bad in ["10.0.0.0/33", "10.0.0.0/", "example.org", "10.0.0.1/8/2", "::1/129"] {
            #expect(TrustedProxies(bad) == nil, "\(bad)")
        }
        let env = ["DATABASE_URL": "postgres://u@127.0.0.1:5432/a", "TRUSTED_PROXIES": "10.0.0.0/8", "AUTH_FAILURE_LIMIT": "50"]
        let edge = try Config.fromEnvironment(env).edge
        #expect(edge.authFailureLimit == 50 && edge.trustedProxies.trusts("10.1.1.1"))
        #expect(try Config.fromEnvironment(["DATABASE_URL": "postgres://u@127.0.0.1:5432/a"]).edge.authFailureLimit == 20)
        #expect {
            try Config.fromEnvironment([
                "DATABASE_URL": "postgres://u@h/a", "TRUSTED_PROXIES": "nope", "AUTH_FAILURE_LIMIT": "0", "METRICS_PORT": "x",
            ])
        } throws: { error in
            let problems = (error as? ConfigError)?.problems ?? []
            return problems.count == 3
                && problems.allSatisfy { $0.hasPrefix("TRUSTED_PROXIES") || $0.hasPrefix("AUTH_FAILURE_LIMIT") || $0.hasPrefix("METRICS_PORT") }
        }
    }

    private func expect429(_ response: TestResponse, retryAfter: String) throws {
        #expect(response.status == .tooManyRequests)
        #expect(response.headers[.retryAfter] == retryAfter)
        #expect(response.headers[.contentType] == "application/problem+json")
        #expect(response.headers[.wwwAuthenticate] == nil)
        let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        #expect(body?["code"] as? String == "too_many_failures")
        #expect(body?["status"] as? Int == 429)
        #expect((body?["detail"] as? String)?.contains("\(retryAfter) s") == true)
    }

    /// `withReporting`, with a limit of `limit` failures and the given trusted proxies.
    private func withLimit(
        _ limit: Int,
        proxies: String = "",
        framework: TestingSetup = .router,
        _ body: @escaping @Sendable (Reporting) async throws -> Void
    ) async throws {
        let trusted = try #require(TrustedProxies(proxies))
        let configure: @Sendable (inout Config) -> Void = { config in
            config.edge.authFailureLimit = limit
            config.edge.trustedProxies = trusted
        }
        try await withReporting(configure: configure, framework: framework, body)
    }
}
