import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// A cycle's expected reporters follow the memberships on its due date until it
/// opens, keep the secretariat's explicit additions and removals, and stand still
/// from `opens_on` on.
@Suite struct ExpectedReporterTests {
    static let cycle2025 = ["opens_on": "2026-01-01", "due_on": "2026-03-31", "locks_on": "2026-06-30"]

    @Test func aPutBeforeOpensOnRecomputesTheListAndKeepsExplicitChanges() async throws {
        try await withReporting { r in
            #expect(try await r.send(.put, "/v1/cycles/2025", token: r.secretariat, json: Self.cycle2025).status == .created)
            var expected = try await Self.expected(r)
            #expect(expected.count == 48)
            #expect(expected.contains("FR") && !expected.contains("AM"))
            // Armenia joins before the due date, France leaves before it (memberships are another slice's API)
            try sql(r.url, "INSERT INTO memberships (country, joined_on, source) VALUES ('AM', '2026-02-01', 'test')")
            try sql(r.url, "UPDATE memberships SET left_on = '2026-03-01' WHERE country = 'FR'")
            #expect(try await Self.expected(r) == expected, "nothing recomputes without a PUT or a membership change")

            #expect(try await r.send(.put, "/v1/cycles/2025", token: r.secretariat, json: Self.cycle2025).status == .ok)
            expected = try await Self.expected(r)
            #expect(expected.count == 48)
            #expect(expected.contains("AM") && !expected.contains("FR"))

            // the due date moves before both changes: back to the founding members
            var early = Self.cycle2025
            early["due_on"] = "2026-01-15"
            #expect(try await r.send(.put, "/v1/cycles/2025", token: r.secretariat, json: early).status == .ok)
            expected = try await Self.expected(r)
            #expect(expected.contains("FR") && !expected.contains("AM"))

            // explicit changes survive the next recompute
            let added = try await r.send(
                .post,
                "/v1/cycles/2025/expected",
                token: r.secretariat,
                json: ["country": "AM", "reason": "Joins in February."]
            )
            #expect(added.status == .created, "\(added.text)")
            let kosovo = ["country": "XK", "reason": "Observer asked to report."]
            #expect(try await r.send(.post, "/v1/cycles/2025/expected", token: r.secretariat, json: kosovo).status == .created)
            // as curl --data-urlencode and forms write it: + is a space, %2B a plus
            let removed = try await r.send(.delete, "/v1/cycles/2025/expected/DE?reason=Exempted+this%20year%2B.", token: r.secretariat)
            #expect(removed.status == .ok, "\(removed.text)")
            #expect(try removed.json()["reason"] as? String == "Exempted this year+.")
            #expect(try sql(r.url, "SELECT reason FROM audit_log WHERE action = 'cycle.expected_removed'") == [["Exempted this year+."]])
            #expect(try await r.send(.put, "/v1/cycles/2025", token: r.secretariat, json: Self.cycle2025).status == .ok)
            expected = try await Self.expected(r)
            #expect(expected.contains("AM") && expected.contains("XK") && !expected.contains("FR") && !expected.contains("DE"))
            #expect(expected.count == 48)
            let list = try await r.send(.get, "/v1/cycles/2025/expected", token: r.secretariat).json()
            let entries = try #require(list["expected"] as? [[String: Any]])
            let armenia = try #require(entries.first { $0["country"] as? String == "AM" })
            #expect(armenia["source"] as? String == "explicit")
            #expect(armenia["reason"] as? String == "Joins in February.")
            let italy = try #require(entries.first { $0["country"] as? String == "IT" })
            #expect(italy["source"] as? String == "membership")
            #expect(italy["reason"] is NSNull)
            #expect(entries.first { $0["country"] as? String == "XK" }?["source"] as? String == "explicit")
            let removals = try #require(list["removed"] as? [[String: Any]])
            #expect(removals.map { $0["country"] as? String } == ["DE"])
            #expect(removals.first?["reason"] as? String == "Exempted this year+.")

            // from opens_on on, a PUT leaves the list as it stands
            r.clock.set("2026-01-01T00:00:00Z")
            try sql(r.url, "UPDATE memberships SET left_on = '2026-03-01' WHERE country = 'IT'")
            try sql(r.url, "INSERT INTO memberships (country, joined_on, source) VALUES ('CA', '2026-02-01', 'test')")
            var later = Self.cycle2025
            later["locks_on"] = "2026-07-31"
            #expect(try await r.send(.put, "/v1/cycles/2025", token: r.secretariat, json: later).status == .ok)
            #expect(try await Self.expected(r) == expected)
            #expect(try sql(r.url, "SELECT count(*) FROM cycle_expected_reporters WHERE year = 2025") == [["48"]])
        }
    }

    @Test func completenessFollowsTheListAsItStands() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let report = "/v1/countries/FR/reports/2024"
            try await r.send(.put, report, token: r.france, json: Reporting.completeReport())
            #expect(try await r.send(.post, "\(report)/submit", token: r.france, headers: [.ifMatch: "\"1\""]).status == .ok)
            #expect(try await Self.completeness(r) == [48, 1])

            // after opens_on: France is taken off, Armenia added; the recompute of a PUT changes nothing
            r.clock.set("2025-02-20T08:30:00Z")
            let removed = try await r.send(.delete, "/v1/cycles/2024/expected/FR?reason=Left%20the%20Alliance.", token: r.secretariat)
            #expect(removed.status == .ok, "\(removed.text)")
            #expect(removed.headers[.contentType] == "application/json")
            #expect(removed.headers[.cacheControl] == "no-store")
            let body = try removed.json()
            #expect(body["country"] as? String == "FR")
            #expect(body["reason"] as? String == "Left the Alliance.")
            #expect(body["removed_at"] as? String == "2025-02-20T08:30:00Z")
            #expect(try await Self.completeness(r) == [47, 0])
            let added = try await r.send(.post, "/v1/cycles/2024/expected", token: r.secretariat, json: ["country": "AM", "reason": "Joined late."])
            #expect(added.status == .created)
            #expect(added.headers[.location] == "/v1/cycles/2024/expected")
            #expect(try added.json()["source"] as? String == "explicit")
            #expect(try added.json()["added_at"] as? String == "2025-02-20T08:30:00Z")
            #expect(try await r.send(.put, "/v1/cycles/2024", token: r.secretariat, json: Reporting.cycle2024).status == .ok)
            #expect(try await Self.completeness(r) == [48, 0])
            let cycle = try await r.send(.get, "/v1/cycles/2024", token: nil).json()
            let reporters = try #require(cycle["expected_reporters"] as? [String])
            #expect(reporters.contains("AM") && !reporters.contains("FR"))

            // France added back: its removal is forgotten, and its report counts again
            let back = try await r.send(.post, "/v1/cycles/2024/expected", token: r.secretariat, json: ["country": "FR", "reason": "Rejoined."])
            #expect(back.status == .created)
            #expect(try await Self.completeness(r) == [49, 1])
            #expect(try sql(r.url, "SELECT count(*) FROM cycle_expected_removals") == [["0"]])
            #expect(
                try sql(
                    r.url,
                    "SELECT action, entity, entity_id, country, year::text, reason FROM audit_log WHERE action LIKE 'cycle.expected%' ORDER BY id"
                ) == [
                    ["cycle.expected_removed", "expected_reporter", "FR", "FR", "2024", "Left the Alliance."],
                    ["cycle.expected_added", "expected_reporter", "AM", "AM", "2024", "Joined late."],
                    ["cycle.expected_added", "expected_reporter", "FR", "FR", "2024", "Rejoined."],
                ]
            )
        }
    }

    /// The cycle's `expected_reporters`, as anyone reads them.
    static func expected(_ r: Reporting) async throws -> [String] {
        let cycle = try await r.send(.get, "/v1/cycles/2025", token: nil).json()
        return try #require(cycle["expected_reporters"] as? [String])
    }

    /// `[expected, submitted]` of the live summary, checked equal to the cycle list's.
    static func completeness(_ r: Reporting) async throws -> [Int] {
        let summary = try await r.send(.get, "/v1/summaries/2024", token: r.secretariat).json()
        let live = try #require(summary["completeness"] as? [String: Any])
        let cycles = try #require(try await r.send(.get, "/v1/cycles", token: r.secretariat).json()["cycles"] as? [[String: Any]])
        let listed = try #require(cycles.first { $0["year"] as? Int == 2024 }?["completeness"] as? [String: Any])
        #expect(NSDictionary(dictionary: live).isEqual(to: listed))
        return [live["expected"] as? Int ?? -1, live["submitted"] as? Int ?? -1]
    }
}
