import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// The secretariat's year through the API alone (issue 10): a member added and a
/// later joiner dated, the cycle opened, reports filed late, returned, amended and
/// accepted, the worklist's counts equal to the summary's completeness at every
/// step, and the year published. The only SQL reads the audit log.
@Suite struct AllianceYearTests {
    static let year = "/v1/cycles/2024"

    @Test func anAllianceYear() async throws {
        try await withReporting { r in
            // 1. Before the cycle opens: it is set, then a member is added and a later
            // joiner is dated; each change recomputes who is expected.
            r.clock.set("2024-11-01T09:00:00Z")
            try await r.openCycle2024()
            try await r.expectCreated(.post, "/v1/countries", json: Self.singapore())
            try await r.expectCreated(
                .post,
                "/v1/countries/SG/memberships",
                json: ["joined_on": "2024-11-15", "reason": "Joined at the 2024 ministerial"]
            )
            try await r.expectCreated(
                .post,
                "/v1/countries/MX/memberships",
                json: ["joined_on": "2025-02-01", "reason": "Letter of accession received"]
            )

            // 2. The cycle opens; both are expected, as members on the due date.
            r.clock.set("2025-01-02T09:00:00Z")
            let expected = try await r.send(.get, "\(Self.year)/expected", token: r.secretariat).json()
            let entries = try #require(expected["expected"] as? [[String: Any]])
            #expect(entries.count == 50)
            for code in ["SG", "MX"] {
                let entry = entries.first { $0["country"] as? String == code }
                #expect(entry?["source"] as? String == "membership", "\(code)")
            }

            // 3. Nobody has started.
            var rows = try await r.worklistRows()
            #expect(rows.count == 50)
            #expect(rows.values.allSatisfy { $0["status"] as? String == "not_started" && $0["expected"] as? Bool == true })
            try await r.expectCountsAreTheCompleteness()

            // 4. Reports come in: France on time, Singapore late and returned once,
            // Mexico late; Germany only drafts.
            let sg = try await r.countryToken("SG")
            let mx = try await r.countryToken("MX")
            r.clock.set("2025-03-10T09:00:00Z")
            try await r.fileAndSubmit("FR", token: r.france, version: 1)
            try await r.review("FR", "accept", version: 1)
            try await r.expectCountsAreTheCompleteness()
            try await r.send(.put, "/v1/countries/DE/reports/2024", token: r.germany, json: Reporting.completeReport())
            r.clock.set("2025-04-05T09:00:00Z")
            try await r.fileAndSubmit("SG", token: sg, version: 1)
            try await r.review("SG", "return", version: 1)
            rows = try await r.worklistRows()
            #expect(rows["SG"]?["status"] as? String == "returned")
            #expect(rows["SG"]?["days_late"] as? Int == 5)
            #expect(rows["SG"]?["on_time"] as? Bool == false)
            #expect(rows["DE"]?["status"] as? String == "draft")
            #expect(rows["DE"]?["days_late"] as? Int == 5)
            try await r.expectCountsAreTheCompleteness()
            r.clock.set("2025-04-07T09:00:00Z")
            try await r.fileAndSubmit("SG", token: sg, version: 2, victims: 40)
            try await r.review("SG", "accept", version: 2)
            try await r.fileAndSubmit("MX", token: mx, version: 1)
            try await r.expectCountsAreTheCompleteness()
            rows = try await r.worklistRows()
            let counts = try #require(try await r.worklist()["counts"] as? [String: Any])
            #expect(counts["expected"] as? Int == 50)
            #expect(counts["submitted"] as? Int == 3)
            #expect(counts["accepted"] as? Int == 2)
            #expect(counts["on_time"] as? Int == 1)
            #expect(rows["MX"]?["status"] as? String == "submitted")
            #expect(rows["SG"]?["first_submitted_at"] as? String == "2025-04-05T09:00:00Z")

            // 5. France amends an accepted report; the diff names exactly the change.
            try await r.fileAndSubmit("FR", token: r.france, version: 2, victims: 135)
            rows = try await r.worklistRows()
            #expect(rows["FR"]?["status"] as? String == "amendment_submitted")
            #expect(rows["FR"]?["changes_since_accepted"] as? Int == 1)
            let diff = try await r.send(.get, "/v1/countries/FR/reports/2024/diff", token: r.secretariat).json()
            let changes = try #require(diff["values"] as? [[String: Any]])
            #expect(changes.map { $0["indicator"] as? String } == ["icse_victims_identified"])
            #expect((changes.first?["old"] as? [String: Any])?["value"] as? Double == 120)
            #expect((changes.first?["new"] as? [String: Any])?["value"] as? Double == 135)
            try await r.review("FR", "accept", version: 2)
            try await r.expectCountsAreTheCompleteness()

            // 6. The year is published; the public figures carry the same completeness.
            r.clock.set("2025-07-01T09:00:00Z")
            let published = try await r.send(.post, "/v1/summaries/2024/releases", token: r.secretariat, json: ["note": "Annual summary 2024"])
            #expect(published.status == .created, "\(published.text)")
            let release = try await r.send(.get, "/v1/public/summaries/2024", token: nil)
            #expect(release.status == .ok, "\(release.text)")
            let live = try await r.send(.get, "/v1/summaries/2024", token: r.secretariat).json()
            #expect(
                NSDictionary(dictionary: try release.json()["completeness"] as? [String: Any] ?? [:])
                    .isEqual(to: live["completeness"] as? [String: Any] ?? [:])
            )

            let audited = try sql(
                r.url,
                """
                SELECT action, country, reason FROM audit_log
                WHERE action LIKE 'country.%' OR action LIKE 'membership.%' ORDER BY id
                """
            )
            #expect(audited.count == 3, "\(audited)")
            #expect(audited.allSatisfy { $0[2] != nil })
        }
    }

    static func singapore() -> [String: Any] {
        [
            "code": "SG", "name": "Singapore", "region": "Asia", "iso_official": true,
            "eu_member_at_launch": false, "founding_member": false, "reason": "Accession agreed at the 2024 ministerial",
        ]
    }
}

extension Reporting {
    func expectCreated(_ method: HTTPRequest.Method, _ uri: String, json: [String: Any]) async throws {
        let response = try await send(method, uri, token: secretariat, json: json)
        #expect(response.status == .created, "\(uri): \(response.text)")
    }

    /// A token for `country`, made through the API.
    func countryToken(_ country: String) async throws -> String {
        let created = try await send(.post, "/v1/tokens", token: secretariat, json: ["role": "country", "country": country])
        #expect(created.status == .created, "\(created.text)")
        return try #require(try created.json()["token"] as? String)
    }

    /// Saves a complete report as `country` over `version - 1` (none for the first) and submits it.
    func fileAndSubmit(_ country: String, token: String, version: Int, victims: Int = 120) async throws {
        let path = Self.path(country)
        let match: HTTPFields = version > 1 ? [.ifMatch: "\"\(version - 1)\""] : [:]
        let saved = try await send(.put, path, token: token, json: Reporting.completeReport(victims: victims), headers: match)
        #expect([.ok, .created].contains(saved.status), "\(path): \(saved.text)")
        let submitted = try await send(.post, "\(path)/submit", token: token, headers: [.ifMatch: "\"\(version)\""])
        #expect(submitted.status == .ok, "\(path)/submit: \(submitted.text)")
    }
}
