import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import AllianceTracker

/// Membership periods: a member on day d when joined_on ≤ d < left_on; periods never overlap.
@Suite struct MembershipTests {
    static let reason = "Instrument of accession deposited"

    @Test func aLaterJoinerJoinsAndLeaves() async throws {
        try await withReporting { r in
            // the clock stands at 2025-02-15
            let joined = try await r.send(
                .post,
                "/v1/countries/XK/memberships",
                token: r.secretariat,
                json: ["joined_on": "2025-01-10", "reason": Self.reason]
            )
            #expect(joined.status == .created, "\(joined.text)")
            #expect(joined.headers[.location] == "/v1/countries/XK")
            let period = try joined.json()
            let id = try #require(period["id"] as? Int)
            #expect(period["joined_on"] as? String == "2025-01-10")
            #expect(period["left_on"] is NSNull)
            var kosovo = try await r.send(.get, "/v1/countries/XK", token: nil).json()
            #expect(kosovo["member"] as? Bool == true)
            #expect((kosovo["memberships"] as? [[String: Any]])?.first?["id"] as? Int == id)

            let left = try await r.send(
                .patch,
                "/v1/countries/XK/memberships/\(id)",
                token: r.secretariat,
                json: ["left_on": "2025-02-15", "reason": "Withdrew"]
            )
            #expect(left.status == .ok, "\(left.text)")
            #expect(try left.json()["left_on"] as? String == "2025-02-15")
            // not a member on its leaving day
            kosovo = try await r.send(.get, "/v1/countries/XK", token: nil).json()
            #expect(kosovo["member"] as? Bool == false)
            #expect((kosovo["memberships"] as? [[String: Any]])?.first?["left_on"] as? String == "2025-02-15")
            let countries = try #require(try await r.send(.get, "/v1/countries", token: nil).json()["countries"] as? [[String: Any]])
            let france = try #require(countries.first { $0["code"] as? String == "FR" })
            #expect((france["memberships"] as? [[String: Any]])?.first?["id"] is Int)

            // rejoining on the leaving day meets no other period
            let again = try await r.send(
                .post,
                "/v1/countries/XK/memberships",
                token: r.secretariat,
                json: ["joined_on": "2025-02-15", "reason": "Back"]
            )
            #expect(again.status == .created, "\(again.text)")
            let audit = try sql(
                r.url,
                """
                SELECT action, entity_id, old_value->>'left_on', new_value->>'left_on', new_value->>'joined_on', reason
                FROM audit_log WHERE entity = 'membership' ORDER BY id
                """
            )
            #expect(audit.count == 3)
            #expect(audit.first == ["membership.joined", String(id), nil, nil, "2025-01-10", Self.reason])
            #expect(audit.dropFirst().first == ["membership.left_on_changed", String(id), nil, "2025-02-15", "2025-01-10", "Withdrew"])
        }
    }

    @Test func badPeriodsAreRefusedAndNothingIsStored() async throws {
        try await withReporting { r in
            let france = try #require(try sql(r.url, "SELECT id FROM memberships WHERE country = 'FR'").first?.first ?? nil)
            let germany = try #require(try sql(r.url, "SELECT id FROM memberships WHERE country = 'DE'").first?.first ?? nil)
            let before = try sql(r.url, "SELECT id, country, joined_on::text, left_on::text FROM memberships ORDER BY id")
            func refused(
                _ method: HTTPRequest.Method,
                _ path: String,
                _ json: [String: Any],
                _ status: HTTPResponse.Status,
                _ code: String
            ) async throws {
                try await r.send(method, path, token: r.secretariat, json: json).expectProblem(status, code: code)
            }
            // France's period is open since 2012-12-05: it covers every later day
            try await refused(.post, "/v1/countries/FR/memberships", ["joined_on": "2020-01-01", "reason": "x"], .conflict, "overlapping_membership")
            try await refused(.post, "/v1/countries/FR/memberships", ["joined_on": "2010-01-01", "reason": "x"], .conflict, "overlapping_membership")
            try await refused(.post, "/v1/countries/ZZ/memberships", ["joined_on": "2020-01-01", "reason": "x"], .notFound, "unknown_country")
            try await refused(.post, "/v1/countries/XK/memberships", ["joined_on": "2025-01-01"], .unprocessableContent, "missing_reason")
            try await refused(
                .post,
                "/v1/countries/XK/memberships",
                ["joined_on": "2025-02-30", "reason": "x"],
                .unprocessableContent,
                "invalid_date"
            )
            try await refused(.post, "/v1/countries/XK/memberships", ["reason": "x"], .unprocessableContent, "missing_field")
            try await refused(.post, "/v1/countries/XK/memberships", ["joined_on": 20_250_101, "reason": "x"], .unprocessableContent, "invalid_body")
            try await refused(
                .post,
                "/v1/countries/XK/memberships",
                ["joined_on": "1999-12-31", "reason": "x"],
                .unprocessableContent,
                "invalid_date"
            )
            try await refused(
                .post,
                "/v1/countries/XK/memberships",
                ["joined_on": "2020-01-01", "left_on": "2020-01-01", "reason": "x"],
                .unprocessableContent,
                "invalid_dates"
            )
            // a past period for France, ending after its open period starts
            try await refused(
                .post,
                "/v1/countries/FR/memberships",
                ["joined_on": "2010-01-01", "left_on": "2013-01-01", "reason": "x"],
                .conflict,
                "overlapping_membership"
            )
            let leave = "/v1/countries/FR/memberships/\(france)"
            try await refused(.patch, leave, ["left_on": "2012-12-05", "reason": "x"], .unprocessableContent, "invalid_dates")
            try await refused(.patch, leave, ["left_on": "2011-01-01", "reason": "x"], .unprocessableContent, "invalid_dates")
            try await refused(.patch, leave, ["left_on": "2025-01-01", "reason": " "], .unprocessableContent, "missing_reason")
            try await refused(
                .patch,
                "/v1/countries/FR/memberships/\(germany)",
                ["left_on": "2025-01-01", "reason": "x"],
                .notFound,
                "unknown_membership"
            )
            try await refused(
                .patch,
                "/v1/countries/FR/memberships/999999",
                ["left_on": "2025-01-01", "reason": "x"],
                .notFound,
                "unknown_membership"
            )
            try await refused(.patch, "/v1/countries/FR/memberships/abc", ["left_on": "2025-01-01", "reason": "x"], .notFound, "unknown_membership")
            try await refused(
                .patch,
                "/v1/countries/ZZ/memberships/\(france)",
                ["left_on": "2025-01-01", "reason": "x"],
                .notFound,
                "unknown_country"
            )
            #expect(try sql(r.url, "SELECT id, country, joined_on::text, left_on::text FROM memberships ORDER BY id") == before)
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE entity = 'membership'") == [["0"]])
        }
    }

    @Test func aClosedPeriodCannotBeStretchedOverTheNext() async throws {
        try await withReporting { r in
            let first = try await r.send(
                .post,
                "/v1/countries/XK/memberships",
                token: r.secretariat,
                json: ["joined_on": "2024-01-01", "reason": "a"]
            )
            let id = try #require(try first.json()["id"] as? Int)
            #expect(
                try await r.send(.patch, "/v1/countries/XK/memberships/\(id)", token: r.secretariat, json: ["left_on": "2024-06-01", "reason": "b"])
                    .status == .ok
            )
            #expect(
                try await r.send(.post, "/v1/countries/XK/memberships", token: r.secretariat, json: ["joined_on": "2024-09-01", "reason": "c"]).status
                    == .created
            )
            // an open period starting before the closed one ends, or before the open one starts
            try await r.send(.post, "/v1/countries/XK/memberships", token: r.secretariat, json: ["joined_on": "2024-03-01", "reason": "d"])
                .expectProblem(.conflict, code: "overlapping_membership")
            try await r.send(.patch, "/v1/countries/XK/memberships/\(id)", token: r.secretariat, json: ["left_on": "2024-09-02", "reason": "e"])
                .expectProblem(.conflict, code: "overlapping_membership")
            #expect(
                try sql(r.url, "SELECT joined_on::text, left_on::text FROM memberships WHERE country = 'XK' ORDER BY joined_on") == [
                    ["2024-01-01", "2024-06-01"], ["2024-09-01", nil],
                ]
            )
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE entity = 'membership'") == [["3"]])
        }
    }

    /// A period that is over can be recorded after a later one: with its leaving date.
    @Test func aPastPeriodIsRecordedBeforeALaterOne() async throws {
        try await withReporting { r in
            let later = ["joined_on": "2022-01-01", "reason": "Joined again"]
            #expect(try await r.send(.post, "/v1/countries/XK/memberships", token: r.secretariat, json: later).status == .created)
            let past = try await r.send(
                .post,
                "/v1/countries/XK/memberships",
                token: r.secretariat,
                json: ["joined_on": "2015-03-01", "left_on": "2018-01-01", "reason": "First membership, from the 2015 minutes"]
            )
            #expect(past.status == .created, "\(past.text)")
            #expect(try past.json()["left_on"] as? String == "2018-01-01")
            // it ends on the day the later one starts: still no overlap
            let touching = ["joined_on": "2018-01-01", "left_on": "2022-01-01", "reason": "Between the two"]
            #expect(try await r.send(.post, "/v1/countries/XK/memberships", token: r.secretariat, json: touching).status == .created)
            #expect(
                try sql(r.url, "SELECT joined_on::text, left_on::text FROM memberships WHERE country = 'XK' ORDER BY joined_on") == [
                    ["2015-03-01", "2018-01-01"], ["2018-01-01", "2022-01-01"], ["2022-01-01", nil],
                ]
            )
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE action = 'membership.joined'") == [["3"]])
        }
    }

    @Test func theDatabaseRefusesAnOverlapTheServiceDidNotSee() async throws {
        try await TestDatabase.withFreshDatabase { url async throws in
            let logger = Logger(label: "test")
            let code = try await withDatabase(url, logger: logger) { database in
                do {
                    try await database.transaction(logger: logger) { session in
                        _ = try await MemberRepository().insertMembership("FR", joinedOn: "2020-01-01", leftOn: nil, in: session)
                    }
                    return nil as ProblemCode?
                } catch let error as DomainError {
                    return error.code
                }
            }
            #expect(code == .overlappingMembership)
            #expect(try sql(url, "SELECT count(*) FROM memberships WHERE country = 'FR'") == [["1"]])
        }
    }
}
