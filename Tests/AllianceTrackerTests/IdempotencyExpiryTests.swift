import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Idempotency keys live 24 hours (docs/rules.md §2), by the injected clock.
@Suite struct IdempotencyExpiryTests {
    static let key = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotency-Replayed")!
    static var commitment: [String: Any] { ["goal": 3, "title": "A national awareness week"] }

    @Test func aKeyReplaysForADayThenCreatesAnew() async throws {
        try await withReporting { r in
            let path = "/v1/countries/FR/commitments"
            let first = try await r.send(.post, path, token: r.france, json: Self.commitment, headers: [Self.key: "k"])
            #expect(first.status == .created)
            #expect(first.headers[Self.replayed] == nil)
            // a second short of 24 hours: the first answer again
            r.clock.set("2025-02-16T11:59:59Z")
            let replay = try await r.send(.post, path, token: r.france, json: Self.commitment, headers: [Self.key: "k"])
            #expect(replay.status == .created)
            #expect(replay.headers[Self.replayed] == "true")
            #expect(replay.headers[.location] == first.headers[.location])
            #expect(replay.text == first.text)
            #expect(try sql(r.url, "SELECT count(*) FROM commitments") == [["1"]])
            // 24 hours on, the key has expired: the same request creates anew
            r.clock.set("2025-02-16T12:00:00Z")
            let anew = try await r.send(.post, path, token: r.france, json: Self.commitment, headers: [Self.key: "k"])
            #expect(anew.status == .created)
            #expect(anew.headers[Self.replayed] == nil)
            #expect(anew.headers[.location] != nil)
            #expect(anew.headers[.location] != first.headers[.location])
            #expect(try sql(r.url, "SELECT count(*) FROM commitments") == [["2"]])
            // the key now holds the new answer, stored at the clock's time
            #expect(
                try sql(r.url, "SELECT count(*), bool_and(created_at = '2025-02-16T12:00:00Z') FROM idempotency_keys") == [["1", "t"]]
            )
            let again = try await r.send(.post, path, token: r.france, json: Self.commitment, headers: [Self.key: "k"])
            #expect(again.headers[Self.replayed] == "true")
            #expect(again.headers[.location] == anew.headers[.location])
            #expect(try sql(r.url, "SELECT count(*) FROM commitments") == [["2"]])
        }
    }

    @Test func anExpiredKeyMayCarryAnotherRequest() async throws {
        try await withReporting { r in
            let path = "/v1/countries/FR/commitments"
            try await r.send(.post, path, token: r.france, json: Self.commitment, headers: [Self.key: "k"])
            var other = Self.commitment
            other["title"] = "Something else"
            try await r.send(.post, path, token: r.france, json: other, headers: [Self.key: "k"])
                .expectProblem(.unprocessableContent, code: "idempotency_key_reused")
            r.clock.set("2025-02-17T00:00:00Z")
            let created = try await r.send(.post, path, token: r.france, json: other, headers: [Self.key: "k"])
            #expect(created.status == .created)
            #expect(try created.json()["title"] as? String == "Something else")
            #expect(try sql(r.url, "SELECT count(*) FROM commitments") == [["2"]])
        }
    }

    @Test func theSweepDeletesExpiredKeysAndKeepsFreshOnes() async throws {
        try await withReporting { r in
            let path = "/v1/countries/FR/commitments"
            try await r.send(.post, path, token: r.france, json: Self.commitment, headers: [Self.key: "old"])
            r.clock.set("2025-02-16T06:00:00Z")
            try await r.send(.post, path, token: r.france, json: ["goal": 2, "title": "Train investigators"], headers: [Self.key: "fresh"])
            r.clock.set("2025-02-16T12:00:00Z")
            let clock = r.clock.appClock
            let deleted = try await withDatabase(r.url, logger: TestDatabase.logger) { database in
                try await IdempotencyService(database: database, clock: clock).sweep(logger: TestDatabase.logger)
            }
            #expect(deleted == 1)
            #expect(try sql(r.url, "SELECT key FROM idempotency_keys") == [["fresh"]])
            #expect(try sql(r.url, "SELECT count(*) FROM commitments") == [["2"]])
        }
    }
}
