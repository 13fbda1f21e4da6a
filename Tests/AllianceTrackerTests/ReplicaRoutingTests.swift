import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Which database each kind of request reads (issue 15): the public reads go to the
/// standby, everything else to the primary. The standby is told apart by its marks
/// (`StandbyFixtures`).
@Suite struct ReplicaRoutingTests {
    static let mark = StandbyFixtures.mark

    @Test func publicReadsGoToTheStandby() async throws {
        try await StandbyFixtures.withStandby { r, _ in
            let countries = try await r.send(.get, "/v1/countries/FR", token: nil)
            #expect(countries.status == .ok)
            #expect(try countries.json()["name"] as? String == "France" + Self.mark)
            let indicator = try await r.send(.get, "/v1/indicators/\(SummaryTests.victims)", token: nil).json()
            #expect((indicator["name"] as? String)?.hasSuffix(Self.mark) == true)
            // only the standby has a release of 2024
            let summary = try await r.send(.get, "/v1/public/summaries/2024", token: nil)
            #expect(summary.status == .ok, "\(summary.text)")
            #expect(try summary.json()["release"] as? Int == 1)
            let overview = try await r.send(.get, "/v1/public/overview", token: nil).json()
            #expect((overview["years"] as? [[String: Any]])?.compactMap { $0["year"] as? Int } == [2024])
            let page = try await r.send(.get, "/years/2024", token: nil, headers: [.accept: "text/html"])
            #expect(page.status == .ok)
            #expect(page.text.contains(Self.mark))
        }
    }

    @Test func writesTokenChecksAndTheSecretariatsReadsStayOnThePrimary() async throws {
        try await StandbyFixtures.withStandby { r, standby in
            // a token the standby has and the primary has not is no token
            let standbyOnly = try makeToken(standby, role: "secretariat", country: nil)
            try await r.send(.get, "/v1/audit", token: standbyOnly).expectProblem(.unauthorized, code: "unauthorized")
            // a revoked token stops at once, though the standby still holds it unrevoked
            let revoked = try makeToken(r.url, role: "country", country: "FR")
            let copy = "SELECT id, encode(token_hash, 'hex'), role, country FROM tokens WHERE id = $1"
            let row = try sql(r.url, copy, [String(revoked.split(separator: "_")[1])])[0]
            try sql(standby, "INSERT INTO tokens (id, token_hash, role, country) OVERRIDING SYSTEM VALUE VALUES ($1, decode($2, 'hex'), $3, $4)", row)
            #expect(try await r.send(.get, "/v1/countries/FR/commitments", token: revoked).status == .ok)
            try sql(r.url, "UPDATE tokens SET revoked_at = now() WHERE id = $1", [row[0]])
            try await r.send(.get, "/v1/countries/FR/commitments", token: revoked).expectProblem(.unauthorized, code: "unauthorized")
            // the live summary is the primary's: it has no 2024 cycle
            try await r.send(.get, "/v1/summaries/2024", token: r.secretariat).expectProblem(.notFound, code: "unknown_cycle")
            // a write lands on the primary only
            let created = try await r.send(.post, "/v1/countries/FR/commitments", token: r.france, json: ["goal": 2, "title": "More analysts"])
            #expect(created.status == .created, "\(created.text)")
            #expect(try sql(r.url, "SELECT count(*) FROM commitments WHERE country = 'FR'")[0][0] == "1")
            #expect(try sql(standby, "SELECT count(*) FROM commitments WHERE country = 'FR'")[0][0] == "0")
        }
    }

    @Test func whileTheStandbyIsDownThePublicReadsComeFromThePrimary() async throws {
        try await StandbyFixtures.withStandby(standbyDown: true) { r, _ in
            let country = try await r.send(.get, "/v1/countries/FR", token: nil)
            #expect(country.status == .ok, "\(country.text)")
            #expect(try country.json()["name"] as? String == "France")
            // the primary has published nothing
            try await r.send(.get, "/v1/public/summaries/2024", token: nil).expectProblem(.notFound, code: "no_release")
        }
    }

    @Test func whileThePrimaryIsDownThePublicReadsGoOnAndWritesAre503() async throws {
        try await StandbyFixtures.withStandby(primaryDown: true) { r, _ in
            #expect(try await r.send(.get, "/v1/countries/FR", token: nil).json()["name"] as? String == "France" + Self.mark)
            let summary = try await r.send(.get, "/v1/public/summaries/2024?format=csv", token: nil)
            #expect(summary.status == .ok)
            #expect(summary.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(try await r.send(.get, "/", token: nil).status == .ok)
            let write = try await r.send(.post, "/v1/countries/FR/commitments", token: r.france, json: ["goal": 2, "title": "More analysts"])
            try write.expectProblem(.serviceUnavailable, code: "database_unavailable")
            #expect(try sql(r.url, "SELECT count(*) FROM commitments")[0][0] == "0")
            try await r.send(.get, "/v1/summaries/2024", token: r.secretariat).expectProblem(.serviceUnavailable, code: "database_unavailable")
        }
    }
}
