import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

@Suite struct IdempotencyTests {
    static let key = HTTPField.Name("Idempotency-Key")!

    @Test func aRetryCreatesOneThingAndAnotherBodyIsRefused() async throws {
        try await withReporting { r in
            let commitment: [String: Any] = [
                "goal": 1, "operational_goal": "OG1.1", "indicator": "icse_victims_identified",
                "title": "Identify 10 % more victims each year", "target_growth_pct": 10,
            ]
            let first = try await r.send(.post, "/v1/countries/FR/commitments", token: r.france, json: commitment, headers: [Self.key: "k-1"])
            #expect(first.status == .created)
            let retry = try await r.send(.post, "/v1/countries/FR/commitments", token: r.france, json: commitment, headers: [Self.key: "k-1"])
            #expect(retry.status == .created)
            #expect(retry.text == first.text)
            #expect(retry.headers[.location] == first.headers[.location])
            #expect(try sql(r.url, "SELECT count(*) FROM commitments") == [["1"]])

            var other = commitment
            other["title"] = "Something else"
            try await r.send(.post, "/v1/countries/FR/commitments", token: r.france, json: other, headers: [Self.key: "k-1"])
                .expectProblem(.unprocessableContent, code: "idempotency_key_reused")
            #expect(try sql(r.url, "SELECT count(*) FROM commitments") == [["1"]])
            // a new key creates a new one
            let second = try await r.send(.post, "/v1/countries/FR/commitments", token: r.france, json: other, headers: [Self.key: "k-2"])
            #expect(second.status == .created)
            #expect(try sql(r.url, "SELECT count(*) FROM commitments") == [["2"]])
        }
    }

    @Test func concurrentRetriesStillCreateOneThing() async throws {
        try await withReporting { r in
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 1...6 {
                    group.addTask {
                        try await r.send(
                            .post,
                            "/v1/countries/FR/commitments",
                            token: r.france,
                            json: ["goal": 3, "title": "A national awareness week"],
                            headers: [Self.key: "same"]
                        ).text
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(bodies.count == 1)
            #expect(try sql(r.url, "SELECT count(*) FROM commitments") == [["1"]])
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE action = 'commitment.created'") == [["1"]])
        }
    }

    @Test func aReplayedTokenCreationDoesNotShowTheSecretAgain() async throws {
        try await withReporting { r in
            let body: [String: Any] = ["role": "country", "country": "ES"]
            let first = try await r.send(.post, "/v1/tokens", token: r.secretariat, json: body, headers: [Self.key: "t-1"])
            #expect(try first.json()["token"] is String)
            let replay = try await r.send(.post, "/v1/tokens", token: r.secretariat, json: body, headers: [Self.key: "t-1"])
            #expect(replay.status == .created)
            #expect(try replay.json()["token"] == nil)
            #expect(try replay.json()["id"] as? Int == first.json()["id"] as? Int)
            #expect(try sql(r.url, "SELECT count(*) FROM tokens WHERE country = 'ES'") == [["1"]])
        }
    }
}
