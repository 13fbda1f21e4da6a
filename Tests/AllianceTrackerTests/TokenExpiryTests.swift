import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Token listing and expiry (issue 10): `GET /v1/tokens`, `expires_at` on creation,
/// an expired token's 401, and the command line's `--expires-in`.
@Suite struct TokenExpiryTests {
    static let listedFields: Set<String> = ["id", "role", "country", "label", "created_at", "last_used_at", "expires_at", "revoked_at"]

    @Test func theListShowsEveryTokenWithoutSecretOrHash() async throws {
        try await withReporting { r in
            let body: [String: Any] = ["role": "country", "country": "IT", "label": "Rome", "expires_at": "2025-05-01T00:00:00Z"]
            let created = try await r.send(.post, "/v1/tokens", token: r.secretariat, json: body).json()
            let id = try #require(created["id"] as? Int)
            let secret = try #require(created["token"] as? String)
            #expect(try await r.send(.get, "/v1/countries/IT/commitments", token: secret).status == .ok)
            #expect(try await r.send(.delete, "/v1/tokens/\(id)", token: r.secretariat).status == .noContent)

            let response = try await r.send(.get, "/v1/tokens", token: r.secretariat)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.headers[.cacheControl] == "no-store")
            let tokens = try #require(try response.json()["tokens"] as? [[String: Any]])
            #expect(tokens.map { $0["id"] as? Int } == [1, 2, 3, id])
            for token in tokens { #expect(Set(token.keys) == Self.listedFields) }
            #expect(tokens[0]["role"] as? String == "secretariat")
            #expect(tokens[0]["country"] is NSNull)
            #expect(tokens[0]["label"] is NSNull)
            #expect(tokens[0]["expires_at"] is NSNull)
            #expect(tokens[0]["last_used_at"] as? String == "2025-02-15T12:00:00Z")  // this very request
            let italy = tokens[3]
            #expect(italy["role"] as? String == "country")
            #expect(italy["country"] as? String == "IT")
            #expect(italy["label"] as? String == "Rome")
            #expect(italy["created_at"] as? String == "2025-02-15T12:00:00Z")
            #expect(italy["last_used_at"] as? String == "2025-02-15T12:00:00Z")
            #expect(italy["expires_at"] as? String == "2025-05-01T00:00:00Z")
            #expect(italy["revoked_at"] as? String == "2025-02-15T12:00:00Z")
            // never a secret or a hash
            let text = response.text
            #expect(!text.contains(String(secret.split(separator: "_", maxSplits: 2)[2])))
            #expect(!text.contains("hash") && !text.contains("at_"))
            let hash = try sql(r.url, "SELECT encode(token_hash, 'hex') FROM tokens WHERE id = $1", [String(id)])[0][0]
            #expect(!text.contains(try #require(hash)))
        }
    }

    @Test func aTokenCanBeCreatedWithAnExpiry() async throws {
        try await withReporting { r in
            let response = try await r.send(
                .post,
                "/v1/tokens",
                token: r.secretariat,
                json: ["role": "secretariat", "expires_at": "2025-03-01T12:00:00.5+02:00"]
            )
            #expect(response.status == .created)
            let body = try response.json()
            #expect(body["expires_at"] as? String == "2025-03-01T10:00:00Z")
            let id = try #require(body["id"] as? Int)
            #expect(
                try sql(r.url, "SELECT expires_at = '2025-03-01T10:00:00.5Z' FROM tokens WHERE id = $1", [String(id)]) == [["t"]]
            )
            let audit = try sql(r.url, "SELECT new_value->>'expires_at' FROM audit_log WHERE action = 'token.created'")
            #expect(audit.first?.first??.hasPrefix("2025-03-01T10:00:00") == true)
            // without one, or with null, it never expires
            for body: [String: Any] in [["role": "secretariat"], ["role": "secretariat", "expires_at": NSNull()]] {
                let forever = try await r.send(.post, "/v1/tokens", token: r.secretariat, json: body)
                #expect(forever.status == .created)
                #expect(try forever.json()["expires_at"] == nil)
            }
            #expect(try sql(r.url, "SELECT count(*) FROM tokens WHERE expires_at IS NULL") == [["5"]])
        }
    }

    @Test func anExpiryNotInTheFutureIsRefusedAndNothingStored() async throws {
        try await withReporting { r in
            for expiry in ["2025-02-15T12:00:00Z", "2025-02-15T11:59:59Z", "2020-01-01T00:00:00Z"] {
                let response = try await r.send(
                    .post,
                    "/v1/tokens",
                    token: r.secretariat,
                    json: ["role": "country", "country": "IT", "expires_at": expiry]
                )
                try response.expectProblem(.unprocessableContent, code: "not_in_future")
                let errors = try #require(try response.json()["errors"] as? [[String: Any]])
                #expect(errors.map { $0["field"] as? String } == ["expires_at"])
                #expect(errors.map { $0["code"] as? String } == ["not_in_future"])
            }
            try await r.send(.post, "/v1/tokens", token: r.secretariat, json: ["role": "secretariat", "expires_at": "tomorrow"])
                .expectProblem(.unprocessableContent, code: "invalid_body")
            #expect(try sql(r.url, "SELECT count(*) FROM tokens") == [["3"]])
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE entity = 'token'") == [["0"]])
        }
    }

    @Test func anExpiredTokenGets401SayingSo() async throws {
        try await withReporting { r in
            let body: [String: Any] = ["role": "country", "country": "IT", "expires_at": "2025-03-01T00:00:00Z"]
            let token = try #require(try await r.send(.post, "/v1/tokens", token: r.secretariat, json: body).json()["token"] as? String)
            r.clock.set("2025-02-28T23:59:59Z")
            #expect(try await r.send(.get, "/v1/countries/IT/commitments", token: token).status == .ok)
            let used = try sql(r.url, "SELECT last_used_at FROM tokens WHERE country = 'IT'")
            r.clock.set("2025-03-01T00:00:00Z")
            let expired = try await r.send(.get, "/v1/countries/IT/commitments", token: token)
            try expired.expectProblem(.unauthorized, code: "unauthorized")
            #expect(expired.headers[.wwwAuthenticate] == #"Bearer realm="alliance-tracker", error="invalid_token""#)
            #expect(try expired.json()["detail"] as? String == "The bearer token has expired.")
            #expect(try sql(r.url, "SELECT last_used_at FROM tokens WHERE country = 'IT'") == used)  // not a use
            // the wrong secret for that token, an unknown token and a revoked one keep the old detail
            let wrong = String(token.dropLast(3)) + "xyz"
            for bad in [wrong, "at_999_" + String(repeating: "x", count: 43)] {
                let response = try await r.send(.get, "/v1/countries/IT/commitments", token: bad)
                try response.expectProblem(.unauthorized, code: "unauthorized")
                #expect(try response.json()["detail"] as? String == "The bearer token is not valid: unknown, malformed or revoked.")
            }
            let id = String(token.split(separator: "_")[1])
            #expect(try await r.send(.delete, "/v1/tokens/\(id)", token: r.secretariat).status == .noContent)
            let revoked = try await r.send(.get, "/v1/countries/IT/commitments", token: token)
            #expect(try revoked.json()["detail"] as? String == "The bearer token is not valid: unknown, malformed or revoked.")
            #expect(revoked.headers[.wwwAuthenticate] == #"Bearer realm="alliance-tracker", error="invalid_token""#)
        }
    }

    @Test func theCommandLineLifetimeParses() {
        #expect(TokenLifetime("90d")?.seconds == TimeInterval(90 * 86_400))
        #expect(TokenLifetime("12h")?.seconds == TimeInterval(12 * 3_600))
        #expect(TokenLifetime("30m")?.seconds == TimeInterval(30 * 60))
        #expect(TokenLifetime("3650d")?.seconds == TimeInterval(3650 * 86_400))
        for bad in ["", "90", "d", "0d", "-1d", "1.5h", "90D", "90 d", " 90d", "90d ", "1w", "12hm", "3651d", "87601h", "99999999d", "٩٠d"] {
            #expect(TokenLifetime(bad) == nil, "\(bad)")
        }
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(TokenLifetime("30m")?.expiry(from: start) == start.addingTimeInterval(1_800))
    }
}
