import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// The live summary's data version (sql/0020): every kind of change that can alter a
/// live summary moves it, in its own transaction; a read, or a draft saved again, does not.
@Suite struct SummaryVersionTests {
    static func version(_ url: DatabaseURL) throws -> Int {
        Int(try #require(try sql(url, "SELECT version FROM summary_data_version")[0][0]))!
    }

    /// Runs `change` (which checks its own answer) and expects the version to have moved.
    static func expectMoves(_ r: Reporting, _ what: Comment, _ change: () async throws -> Void) async throws {
        let before = try version(r.url)
        try await change()
        #expect(try version(r.url) > before, what)
    }

    static func expect(_ response: TestResponse, _ status: HTTPResponse.Status) {
        #expect(response.status == status, "\(response.text)")
    }

    @Test func aReadOrADraftSavedAgainDoesNotMoveIt() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let report = "/v1/countries/FR/reports/2024"
            try await Self.expectMoves(r, "a new report") {
                Self.expect(try await r.send(.put, report, token: r.france, json: Reporting.completeReport()), .created)
            }
            let before = try Self.version(r.url)
            for _ in 0..<2 { Self.expect(try await r.send(.get, "/v1/summaries/2024", token: r.secretariat), .ok) }
            Self.expect(try await r.send(.get, "/v1/summaries/2024?format=csv", token: r.secretariat), .ok)
            Self.expect(try await r.send(.get, report, token: r.france), .ok)
            let draft = Reporting.completeReport(victims: 130)
            Self.expect(try await r.send(.put, report, token: r.france, json: draft, headers: [.ifMatch: "\"1\""]), .ok)
            #expect(try Self.version(r.url) == before)
        }
    }

    @Test func reviewDecisionsMoveIt() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let report = "/v1/countries/FR/reports/2024"
            Self.expect(try await r.send(.put, report, token: r.france, json: Reporting.completeReport()), .created)
            try await Self.expectMoves(r, "a submission") {
                Self.expect(try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"1\""]), .ok)
            }
            try await Self.expectMoves(r, "a return") {
                let decision = ["decision": "return", "comment": "Check the victims figure."]
                Self.expect(try await r.send(.post, "\(report)/review", token: r.secretariat, json: decision, headers: [.ifMatch: "\"1\""]), .ok)
            }
            Self.expect(try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"1\""]), .ok)
            try await Self.expectMoves(r, "an acceptance") {
                Self.expect(
                    try await r.send(.post, "\(report)/review", token: r.secretariat, json: ["decision": "accept"], headers: [.ifMatch: "\"1\""]),
                    .ok
                )
            }
            let amendment = Reporting.completeReport(victims: 127)
            Self.expect(try await r.send(.put, report, token: r.france, json: amendment, headers: [.ifMatch: "\"1\""]), .ok)
            Self.expect(try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"2\""]), .ok)
            try await Self.expectMoves(r, "an amendment accepted") {
                Self.expect(
                    try await r.send(.post, "\(report)/review", token: r.secretariat, json: ["decision": "accept"], headers: [.ifMatch: "\"2\""]),
                    .ok
                )
            }
            #expect(try sql(r.url, "SELECT accepted_version FROM reports") == [["2"]])
        }
    }

    @Test func aMembershipChangeMovesIt() async throws {
        try await withReporting { r in
            var id = 0
            try await Self.expectMoves(r, "a join") {
                let joined = try await r.send(
                    .post,
                    "/v1/countries/XK/memberships",
                    token: r.secretariat,
                    json: ["joined_on": "2025-01-10", "reason": "Joined"]
                )
                Self.expect(joined, .created)
                id = try #require(try joined.json()["id"] as? Int)
            }
            try await Self.expectMoves(r, "a leave") {
                let body = ["left_on": "2025-02-15", "reason": "Withdrew"]
                Self.expect(try await r.send(.patch, "/v1/countries/XK/memberships/\(id)", token: r.secretariat, json: body), .ok)
            }
        }
    }

    @Test func aCycleChangeMovesIt() async throws {
        try await withReporting { r in
            try await Self.expectMoves(r, "a cycle opened") { try await r.openCycle2024() }
            try await Self.expectMoves(r, "a deadline moved") {
                let body = ["opens_on": "2025-01-01", "due_on": "2025-04-30", "locks_on": "2025-06-30"]
                Self.expect(try await r.send(.put, "/v1/cycles/2024", token: r.secretariat, json: body), .ok)
            }
            #expect(try sql(r.url, "SELECT due_on::text FROM reporting_cycles") == [["2025-04-30"]])
        }
    }

    @Test func aTargetChangeMovesIt() async throws {
        try await withReporting { r in
            try await Self.expectMoves(r, "a target changed") {
                let patch: [String: Any] = ["threshold": 12, "reason": "Raised"]
                Self.expect(try await r.send(.patch, "/v1/targets/OG1.1", token: r.secretariat, json: patch), .ok)
            }
        }
    }

    @Test func aCatalogueChangeMovesIt() async throws {
        try await withReporting { r in
            try await Self.expectMoves(r, "a country added") {
                let body = ["code": "QQ", "name": "Testland", "region": "Europe", "reason": "Joined"]
                Self.expect(try await r.send(.post, "/v1/countries", token: r.secretariat, json: body), .created)
            }
            // the catalogue's indicators and goals come from `alliance seed`, as the owner
            try await Self.expectMoves(r, "an indicator renamed") {
                _ = try sql(r.url, "UPDATE indicators SET name = name || ' (renamed)' WHERE code = 'icse_victims_identified'")
            }
        }
    }

    @Test func aCommitmentChangeMovesIt() async throws {
        try await withReporting { r in
            try await Self.expectMoves(r, "a commitment made") {
                let body: [String: Any] = ["goal": 4, "indicator": "notice_takedown_median_days", "title": "Take down within 2 days"]
                Self.expect(try await r.send(.post, "/v1/countries/FR/commitments", token: r.france, json: body), .created)
            }
        }
    }

    @Test func anImportMovesIt() async throws {
        try await withReporting { r in
            let countries = try await ImportFixtures.fiftyExpected(r)
            try await Self.expectMoves(r, "an import") {
                let imported = try await ImportRouteTests.post(r, "year=2024&\(ImportRouteTests.options)", ImportFixtures.csv(countries))
                Self.expect(imported, .ok)
            }
            #expect(try sql(r.url, "SELECT count(*) FROM reports WHERE accepted_version IS NOT NULL") == [[String(countries.count)]])
        }
    }
}

extension SummaryVersionTests {
    /// The counter moves at the commit, once, however many rows the transaction changed:
    /// its one row is not held from a transaction's first change to its end (an import
    /// would queue every review behind it, or deadlock with one).
    @Test func theCounterMovesOnceAtTheCommit() async throws {
        try await withReporting { r in
            let before = try Self.version(r.url)
            // one transaction (libpq runs the statements together): inside it, the counter has not moved
            let inside = try sql(
                r.url,
                "UPDATE countries SET name = name WHERE code IN ('FR', 'DE'); UPDATE goals SET title = title; SELECT version FROM summary_data_version"
            )
            #expect(inside == [[String(before)]])
            #expect(try Self.version(r.url) == before + 1)
        }
    }
}
