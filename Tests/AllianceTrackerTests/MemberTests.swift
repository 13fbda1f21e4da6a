import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// The secretariat adds and changes countries (docs/rules.md §1).
@Suite struct MemberTests {
    static var iceland: [String: Any] { ["code": "IS", "name": "Iceland", "region": "Europe", "reason": "Joined at the 2025 assembly"] }

    @Test func theSecretariatAddsACountryAndChangesIt() async throws {
        try await withReporting { r in
            let created = try await r.send(.post, "/v1/countries", token: r.secretariat, json: Self.iceland)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.headers[.location] == "/v1/countries/IS")
            #expect(created.headers[.contentType] == "application/json")
            let body = try created.json()
            #expect(body["name"] as? String == "Iceland")
            #expect(body["iso_official"] as? Bool == true)
            #expect(body["founding_member"] as? Bool == false)
            #expect(body["eu_member_at_launch"] as? Bool == false)
            #expect(body["member"] as? Bool == false)
            #expect((body["memberships"] as? [Any])?.isEmpty == true)
            #expect(try sql(r.url, "SELECT name, region, iso_official::text FROM countries WHERE code = 'IS'") == [["Iceland", "Europe", "true"]])

            let patch: [String: Any] = ["note": "Observer since 2024", "reason": "Note from the assembly minutes"]
            let changed = try await r.send(.patch, "/v1/countries/IS", token: r.secretariat, json: patch)
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(try changed.json()["note"] as? String == "Observer since 2024")
            #expect(try sql(r.url, "SELECT note FROM countries WHERE code = 'IS'") == [["Observer since 2024"]])

            let audit = try sql(
                r.url,
                """
                SELECT action, actor_role, country, old_value->>'note', new_value->>'note', new_value->>'name', reason
                FROM audit_log WHERE entity = 'country' ORDER BY id
                """
            )
            #expect(
                audit == [
                    ["country.created", "secretariat", "IS", nil, nil, "Iceland", "Joined at the 2025 assembly"],
                    ["country.changed", "secretariat", "IS", nil, "Observer since 2024", "Iceland", "Note from the assembly minutes"],
                ]
            )
            // the same patch again changes nothing and audits nothing
            #expect(try await r.send(.patch, "/v1/countries/IS", token: r.secretariat, json: patch).status == .ok)
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE entity = 'country'") == [["2"]])
            // who: the secretariat's token
            let who = try sql(r.url, "SELECT DISTINCT actor_token::text FROM audit_log WHERE entity = 'country'")
            #expect(who == [[String(r.secretariat.split(separator: "_")[1])]])
        }
    }

    @Test func badCountriesAreRefusedAndNothingIsStored() async throws {
        try await withReporting { r in
            func refused(
                _ method: HTTPRequest.Method,
                _ path: String,
                _ json: [String: Any],
                _ status: HTTPResponse.Status,
                _ code: String
            ) async throws {
                try await r.send(method, path, token: r.secretariat, json: json).expectProblem(status, code: code)
            }
            func with(_ changes: [String: Any?]) -> [String: Any] {
                var body = Self.iceland
                for (key, value) in changes { body[key] = value }
                return body
            }
            try await refused(.post, "/v1/countries", with(["code": "FR"]), .conflict, "already_exists")
            try await refused(.post, "/v1/countries", with(["name": "France"]), .conflict, "already_exists")
            try await refused(.post, "/v1/countries", with(["code": "is"]), .unprocessableContent, "invalid_code")
            try await refused(.post, "/v1/countries", with(["code": "ISL"]), .unprocessableContent, "invalid_code")
            try await refused(.post, "/v1/countries", with(["region": "Mars"]), .unprocessableContent, "invalid_region")
            try await refused(.post, "/v1/countries", with(["name": "  "]), .unprocessableContent, "invalid_name")
            try await refused(.post, "/v1/countries", with(["reason": nil]), .unprocessableContent, "missing_reason")
            try await refused(.post, "/v1/countries", with(["reason": " \n"]), .unprocessableContent, "missing_reason")
            try await refused(.patch, "/v1/countries/ZZ", ["note": "x", "reason": "why"], .notFound, "unknown_country")
            try await refused(.patch, "/v1/countries/FR", ["note": "x"], .unprocessableContent, "missing_reason")
            try await refused(.patch, "/v1/countries/FR", ["code": "FX", "reason": "why"], .unprocessableContent, "unknown_field")
            try await refused(.patch, "/v1/countries/FR", ["name": NSNull(), "reason": "why"], .unprocessableContent, "invalid_type")
            try await refused(.patch, "/v1/countries/FR", ["name": "Germany", "reason": "why"], .conflict, "already_exists")
            try await refused(.patch, "/v1/countries/FR", ["region": "Mars", "reason": "why"], .unprocessableContent, "invalid_region")
            try await r.send(.patch, "/v1/countries/FR", token: r.secretariat, json: ["note", "x"]).expectProblem(
                .unprocessableContent,
                code: "invalid_body"
            )
            try await refused(.post, "/v1/countries", with(["founding_member": "yes"]), .unprocessableContent, "invalid_body")
            // null is not "left out": it is refused, not read as the default
            try await refused(.post, "/v1/countries", with(["founding_member": NSNull()]), .unprocessableContent, "invalid_body")
            #expect(try sql(r.url, "SELECT count(*) FROM countries") == [["55"]])
            #expect(try sql(r.url, "SELECT name, region, note IS NULL FROM countries WHERE code = 'FR'") == [["France", "Europe", "t"]])
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE entity = 'country'") == [["0"]])
        }
    }

    @Test func onlyTheSecretariatChangesCountries() async throws {
        try await withReporting { r in
            try await r.send(.post, "/v1/countries", token: r.france, json: Self.iceland).expectProblem(.forbidden, code: "forbidden")
            try await r.send(.patch, "/v1/countries/FR", token: r.france, json: ["note": "x", "reason": "y"])
                .expectProblem(.forbidden, code: "forbidden")
            try await r.send(.post, "/v1/countries", token: nil, json: Self.iceland).expectProblem(.unauthorized, code: "unauthorized")
            #expect(try sql(r.url, "SELECT count(*) FROM countries") == [["55"]])
        }
    }
}
