import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Every refusal of the explicit changes to a cycle's expected reporters is a
/// problem+json answer, and stores nothing: no entry, no removal, no audit.
@Suite struct ExpectedReporterRefusalTests {
    @Test func anAdditionIsRefusedWithoutAReasonACountryOrACycle() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let uri = "/v1/cycles/2024/expected"
            for reason in ["", " \n\t"] {
                try await r.send(.post, uri, token: r.secretariat, json: ["country": "AM", "reason": reason])
                    .expectProblem(.unprocessableContent, code: "missing_reason")
            }
            try await r.send(.post, uri, token: r.secretariat, json: ["country": "AM", "reason": String(repeating: "x", count: 2001)])
                .expectProblem(.unprocessableContent, code: "missing_reason")
            try await r.send(.post, uri, token: r.secretariat, json: ["country": "AM"]).expectProblem(.unprocessableContent, code: "invalid_body")
            for country in ["ZZ", "am", "ARM", ""] {
                try await r.send(.post, uri, token: r.secretariat, json: ["country": country, "reason": "Joined."])
                    .expectProblem(.unprocessableContent, code: "unknown_country")
            }
            let both = try await r.send(.post, uri, token: r.secretariat, json: ["country": "ZZ", "reason": ""])
            try both.expectProblem(.unprocessableContent, code: "validation_failed")
            #expect((try both.json()["errors"] as? [[String: Any]])?.map { $0["code"] as? String } == ["unknown_country", "missing_reason"])
            try await r.send(.post, "/v1/cycles/2031/expected", token: r.secretariat, json: ["country": "AM", "reason": "Joined."])
                .expectProblem(.notFound, code: "unknown_cycle")
            let again = try await r.send(.post, uri, token: r.secretariat, json: ["country": "FR", "reason": "Twice."])
            try again.expectProblem(.conflict, code: "already_expected")
            #expect((try again.json()["detail"] as? String)?.contains("FR is already expected") == true)
            try Self.expectNothingStored(r)
        }
    }

    @Test func aRemovalIsRefusedWithoutAReasonOrAnEntry() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            let uri = "/v1/cycles/2024/expected/FR"
            try await r.send(.delete, uri, token: r.secretariat).expectProblem(.unprocessableContent, code: "missing_reason")
            try await r.send(.delete, "\(uri)?reason=%20", token: r.secretariat).expectProblem(.unprocessableContent, code: "missing_reason")
            try await r.send(.delete, "\(uri)?reason=a%00", token: r.secretariat).expectProblem(.unprocessableContent, code: "invalid_character")
            for country in ["AM", "ZZ", "fr", "FRA", "%00"] {
                try await r.send(.delete, "/v1/cycles/2024/expected/\(country)?reason=Gone.", token: r.secretariat)
                    .expectProblem(.notFound, code: "unknown_expected_reporter")
            }
            try await r.send(.delete, "/v1/cycles/2031/expected/FR?reason=Gone.", token: r.secretariat)
                .expectProblem(.notFound, code: "unknown_cycle")
            try await r.send(.get, "/v1/cycles/2031/expected", token: r.secretariat).expectProblem(.notFound, code: "unknown_cycle")
            try Self.expectNothingStored(r)

            // removed once, a second removal finds nothing to remove
            #expect(try await r.send(.delete, "\(uri)?reason=Gone.", token: r.secretariat).status == .ok)
            try await r.send(.delete, "\(uri)?reason=Again.", token: r.secretariat).expectProblem(.notFound, code: "unknown_expected_reporter")
            #expect(try sql(r.url, "SELECT country::text, reason FROM cycle_expected_removals") == [["FR", "Gone."]])
            #expect(try sql(r.url, "SELECT count(*) FROM audit_log WHERE action = 'cycle.expected_removed'") == [["1"]])
        }
    }

    static func expectNothingStored(_ r: Reporting, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stored = try sql(
            r.url,
            """
            SELECT (SELECT count(*) FROM cycle_expected_reporters WHERE year = 2024),
                   (SELECT count(*) FROM cycle_expected_reporters WHERE source = 'explicit'),
                   (SELECT count(*) FROM cycle_expected_removals),
                   (SELECT count(*) FROM audit_log WHERE action LIKE 'cycle.expected%')
            """
        )
        #expect(stored == [["48", "0", "0", "0"]], sourceLocation: sourceLocation)
    }
}
