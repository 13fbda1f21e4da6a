import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `POST …/submit?dry_run=true`: what a submission would meet, and nothing changes.
@Suite struct SubmitDryRunTests {
    static let report = "/v1/countries/FR/reports/2024"

    /// What a dry run must leave as it was: the report's row and the audit log.
    static func stored(_ url: DatabaseURL) throws -> [[String?]] {
        try sql(url, "SELECT status::text, current_version, submitted_at IS NULL, (SELECT count(*) FROM audit_log) FROM reports")
    }

    @Test func aDryRunListsProblemsAndWarningsAndChangesNothing() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            var body = Reporting.completeReport(victims: 25000)
            var values = try #require(body["values"] as? [[String: Any]])
            values.removeLast()  // removed_within_3_days_pct, which the cycle requires
            body["values"] = values
            try await r.send(.put, Self.report, token: r.france, json: body)
            let before = try Self.stored(r.url)
            #expect(before.first?[0] == "draft")

            // as the submission itself: If-Match is needed
            try await r.send(.post, "\(Self.report)/submit?dry_run=true", token: r.france)
                .expectProblem(.preconditionRequired, code: "precondition_required")
            try await r.send(.post, "\(Self.report)/submit?dry_run=true", token: r.france, headers: [.ifMatch: "\"7\""])
                .expectProblem(.preconditionFailed, code: "version_mismatch")
            try await r.send(.post, "\(Self.report)/submit?dry_run=yes", token: r.france, headers: [.ifMatch: "\"1\""])
                .expectProblem(.badRequest, code: "invalid_parameter")

            let checked = try await r.send(.post, "\(Self.report)/submit?dry_run=true", token: r.france, headers: [.ifMatch: "\"1\""])
            #expect(checked.status == .ok, "\(checked.text)")
            #expect(checked.headers[.contentType] == "application/json")
            #expect(checked.headers[.eTag] == "\"1\"")
            let answer = try checked.json()
            #expect(answer["version"] as? Int == 1)
            #expect(answer["ready"] as? Bool == false)
            let problems = try #require(answer["problems"] as? [[String: Any]])
            #expect(problems.map { $0["code"] as? String } == ["missing_indicator"])
            #expect(problems.first?["field"] as? String == "values.removed_within_3_days_pct")
            let warnings = try #require(answer["warnings"] as? [[String: Any]])
            #expect(warnings.map { $0["code"] as? String } == ["outside_expected_range"])
            #expect(warnings.first?["field"] as? String == "values.icse_victims_identified.note")
            #expect(try Self.stored(r.url) == before)

            // the real submission meets the same two
            let refused = try await r.send(.post, "\(Self.report)/submit", token: r.france, headers: [.ifMatch: "\"1\""])
            try refused.expectProblem(.unprocessableContent, code: "validation_failed")
            #expect((try refused.json()["errors"] as? [[String: Any]])?.count == 2)
            #expect(try Self.stored(r.url) == before)
        }
    }

    @Test func aReadyReportIsSaidReadyAndAStateTheSubmissionRefusesIsRefused() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            try await r.send(.put, Self.report, token: r.france, json: Reporting.completeReport())
            let checked = try await r.send(.post, "\(Self.report)/submit?dry_run=true", token: r.france, headers: [.ifMatch: "\"1\""])
            #expect(checked.status == .ok, "\(checked.text)")
            let answer = try checked.json()
            #expect(answer["ready"] as? Bool == true)
            #expect((answer["problems"] as? [Any])?.isEmpty == true)
            #expect((answer["warnings"] as? [Any])?.isEmpty == true)
            #expect(try Self.stored(r.url).first?[0] == "draft")
            // dry_run=false is the submission
            let submitted = try await r.send(.post, "\(Self.report)/submit?dry_run=false", token: r.france, headers: [.ifMatch: "\"1\""])
            #expect(try submitted.json()["status"] as? String == "submitted", "\(submitted.text)")
            try await r.send(.post, "\(Self.report)/submit?dry_run=true", token: r.france, headers: [.ifMatch: "\"1\""])
                .expectProblem(.conflict, code: "already_submitted")
            try await r.send(.post, "/v1/countries/DE/reports/2024/submit?dry_run=true", token: r.germany, headers: [.ifMatch: "\"1\""])
                .expectProblem(.notFound, code: "unknown_report")
        }
    }
}
