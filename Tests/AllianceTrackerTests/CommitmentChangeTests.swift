import Foundation
import Testing

@testable import AllianceTracker

/// A PATCH names the commitment's version (If-Match); a withdrawal keeps it, shown as
/// withdrawn, audited, out of the summary's counts, and no longer changed.
@Suite struct CommitmentChangeTests {
    static func create(_ r: Reporting) async throws -> String {
        let created = try await r.send(
            .post,
            "/v1/countries/FR/commitments",
            token: r.france,
            json: [
                "goal": 1, "indicator": "icse_victims_identified", "title": "More identified",
                "baseline_year": 2022, "baseline_value": 100, "target_year": 2026, "target_value": 200,
            ]
        )
        #expect(created.status == .created, "\(created.text)")
        return "/v1/countries/FR/commitments/\(try #require(try created.json()["id"] as? Int))"
    }

    static func stored(_ r: Reporting) throws -> [[String?]] {
        try sql(r.url, "SELECT version::text, title, withdrawn_at IS NOT NULL, withdrawal_reason FROM commitments")
    }

    @Test func aPatchNeedsTheCurrentVersion() async throws {
        try await withReporting { r in
            let path = try await Self.create(r)
            let read = try await r.send(.get, path, token: r.france)
            #expect(read.headers[.eTag] == "\"1\"")
            #expect(try read.json()["version"] as? Int == 1)
            try await r.send(.patch, path, token: r.france, json: ["title": "Changed"])
                .expectProblem(.preconditionRequired, code: "precondition_required")
            try await r.send(.patch, path, token: r.france, json: ["title": "Changed"], headers: [.ifMatch: "\"2\""])
                .expectProblem(.preconditionFailed, code: "version_mismatch")
            try await r.send(.patch, path, token: r.france, json: ["title": "Changed"], headers: [.ifMatch: "W/\"1\""])
                .expectProblem(.preconditionFailed, code: "version_mismatch")
            #expect(try Self.stored(r) == [["1", "More identified", "f", nil]])
            let patched = try await r.send(.patch, path, token: r.france, json: ["title": "Changed"], headers: [.ifMatch: "\"1\""])
            #expect(patched.status == .ok, "\(patched.text)")
            #expect(patched.headers[.eTag] == "\"2\"")
            #expect(try patched.json()["version"] as? Int == 2)
            // `*` names whatever version is current
            let starred = try await r.send(.patch, path, token: r.france, json: ["description": "Any"], headers: [.ifMatch: "*"])
            #expect(starred.status == .ok, "\(starred.text)")
            #expect(starred.headers[.eTag] == "\"3\"")
            // the old tag is stale now
            try await r.send(.patch, path, token: r.france, json: ["title": "Again"], headers: [.ifMatch: "\"1\""])
                .expectProblem(.preconditionFailed, code: "version_mismatch")
            #expect(try Self.stored(r) == [["3", "Changed", "f", nil]])
            #expect(
                try sql(r.url, "SELECT action FROM audit_log WHERE entity = 'commitment' ORDER BY id")
                    == [["commitment.created"], ["commitment.changed"], ["commitment.changed"]]
            )
        }
    }

    @Test func aWithdrawnCommitmentIsKeptShownAndNoLongerCounted() async throws {
        try await withReporting { r in
            try SummaryFixtures.cycle(r.url, 2024)
            let path = try await Self.create(r)
            try await r.send(.post, path + "/withdraw", token: r.france, json: ["reason": "  "])
                .expectProblem(.unprocessableContent, code: "missing_reason")
            try await r.send(.post, path + "/withdraw", token: r.france, json: [:])
                .expectProblem(.unprocessableContent, code: "missing_reason")
            try await r.send(.post, path + "/withdraw", token: r.france, json: ["reason": "a\u{0}b"])
                .expectProblem(.unprocessableContent, code: "invalid_body")
            try await r.send(.post, path + "/withdraw", token: r.france, json: ["reason": 7])
                .expectProblem(.unprocessableContent, code: "invalid_body")
            try await r.send(.post, path + "/withdraw", token: r.france, json: ["reason": String(repeating: "x", count: 2001)])
                .expectProblem(.unprocessableContent, code: "missing_reason")
            try await r.send(.post, path + "/withdraw", token: r.germany, json: ["reason": "Not ours"])
                .expectProblem(.forbidden, code: "forbidden")
            #expect(try Self.stored(r) == [["1", "More identified", "f", nil]])
            #expect(try await SummaryTests.live(r, 2024)["goals"].flatMap(Self.goalOne)?["commitments"] as? Int == 1)

            let withdrawn = try await r.send(.post, path + "/withdraw", token: r.france, json: ["reason": "Replaced by the new plan"])
            #expect(withdrawn.status == .ok, "\(withdrawn.text)")
            #expect(withdrawn.headers[.eTag] == "\"2\"")
            let body = try withdrawn.json()
            #expect(body["withdrawn_at"] as? String == "2025-02-15T12:00:00Z")
            #expect(body["withdrawal_reason"] as? String == "Replaced by the new plan")
            #expect(try Self.stored(r) == [["2", "More identified", "t", "Replaced by the new plan"]])
            #expect(
                try sql(r.url, "SELECT action, actor_role, reason FROM audit_log WHERE entity = 'commitment' ORDER BY id")
                    == [["commitment.created", "country", nil], ["commitment.withdrawn", "country", "Replaced by the new plan"]]
            )
            // shown, and still read
            #expect(try await r.send(.get, path, token: r.france).json()["withdrawal_reason"] as? String == "Replaced by the new plan")
            // left out of the goal counts
            let goal = try await SummaryTests.live(r, 2024)["goals"].flatMap(Self.goalOne)
            #expect(goal?["commitments"] as? Int == 0)
            #expect(goal?["no_data"] as? Int == 0)
            // no longer changed, nor withdrawn again: 409, nothing stored
            try await r.send(.patch, path, token: r.france, json: ["title": "Changed"], headers: [.ifMatch: "\"2\""])
                .expectProblem(.conflict, code: "commitment_withdrawn")
            try await r.send(.post, path + "/withdraw", token: r.france, json: ["reason": "Again"])
                .expectProblem(.conflict, code: "commitment_withdrawn")
            #expect(try Self.stored(r) == [["2", "More identified", "t", "Replaced by the new plan"]])
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE entity = 'commitment'") == [["2"]])
            try await r.send(.post, "/v1/countries/FR/commitments/999/withdraw", token: r.france, json: ["reason": "x"])
                .expectProblem(.notFound, code: "unknown_commitment")
        }
    }

    static func goalOne(_ goals: Any) -> [String: Any]? {
        (goals as? [[String: Any]])?.first { $0["goal"] as? Int == 1 }
    }
}
