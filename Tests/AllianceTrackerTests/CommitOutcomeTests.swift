import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Once COMMIT is sent, its result decides the answer: the deadline waits for it,
/// and a connection lost before it came is 503 `outcome_unknown`.
@Suite struct CommitOutcomeTests {
    static var commitment: [String: Any] { ["goal": 3, "title": "A national awareness week"] }

    /// A deferred trigger on commitments, run by COMMIT, doing `action`.
    static func atCommit(_ url: DatabaseURL, _ action: String) throws {
        try sql(url, "CREATE FUNCTION test_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \(action); RETURN NULL; END $$")
        try sql(
            url,
            """
            CREATE CONSTRAINT TRIGGER test_at_commit AFTER INSERT ON commitments DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION test_at_commit()
            """
        )
    }

    static func post(_ url: DatabaseURL, requestTimeout: Duration) async throws -> TestResponse {
        var config = TestDatabase.config(url)
        config.clock = TestClock("2025-02-15T12:00:00Z").appClock
        config.requestTimeout = requestTimeout
        let france = try makeToken(url, role: "country", country: "FR")
        let app = try buildApplication(config: config)
        return try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/countries/FR/commitments",
                method: .post,
                headers: [.authorization: "Bearer \(france)", .contentType: "application/json"],
                body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: Self.commitment))
            ) { $0 }
        }
    }

    /// With the deadline's own timer, not a request's: the suite's load cannot promise a
    /// request's timing. The COMMIT is in flight before the timer starts.
    @Test func aCommitUnansweredPastTheGraceIsAnUnknownOutcome() async throws {
        let deadline = CommitDeadline()
        #expect(deadline.mayCommit())
        await #expect(throws: CommitTimeoutError.self) {
            try await withTimeout(.milliseconds(20), deadline: deadline) {
                // a COMMIT sent to a server that vanished: never answered
                try await Task.sleep(for: .seconds(30))
            }
        }
        #expect(deadline.hasExpired)
    }

    @Test func aConnectionLostDuringCommitIsAnUnknownOutcome() async throws {
        try await TestDatabase.withFreshDatabase { url in
            // the session is ended while it commits, as by a database restart
            try Self.atCommit(url, "PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5)")
            let response = try await Self.post(url, requestTimeout: .seconds(120))
            try response.expectProblem(.serviceUnavailable, code: "outcome_unknown")
            #expect(response.headers[.retryAfter] == "5")
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect((try response.json()["detail"] as? String)?.contains("GET the resource") == true)
            // here the server ended the session before the commit took effect
            #expect(try sql(url, "SELECT count(*) FROM commitments") == [["0"]])
        }
    }
}
