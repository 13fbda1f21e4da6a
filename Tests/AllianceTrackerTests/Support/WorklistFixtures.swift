import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Builds reports in every worklist status through the report API, as the secretariat files them.
extension Reporting {
    static func path(_ country: String) -> String { "/v1/countries/\(country)/reports/2024" }

    func file(_ country: String, version: Int? = nil, victims: Int = 120, note: String? = nil) async throws {
        let ifMatch: HTTPFields = version.map { [.ifMatch: "\"\($0)\""] } ?? [:]
        let body = Reporting.completeReport(victims: victims, note: note)
        let saved = try await send(.put, Self.path(country), token: secretariat, json: body, headers: ifMatch)
        #expect(saved.status.code < 300, "\(country): \(saved.text)")
    }

    func submit(_ country: String, version: Int) async throws {
        let submitted = try await send(.post, "\(Self.path(country))/submit", token: secretariat, headers: [.ifMatch: "\"\(version)\""])
        #expect(submitted.status == .ok, "\(country): \(submitted.text)")
    }

    func review(_ country: String, _ decision: String, version: Int) async throws {
        let reviewed = try await send(
            .post,
            "\(Self.path(country))/review",
            token: secretariat,
            json: ["decision": decision, "comment": "Reviewed."],
            headers: [.ifMatch: "\"\(version)\""]
        )
        #expect(reviewed.status == .ok, "\(country): \(reviewed.text)")
    }

    /// The worklist as JSON, with its answer checked.
    func worklist(_ query: String = "") async throws -> [String: Any] {
        let response = try await send(.get, "/v1/cycles/2024/reports\(query)", token: secretariat)
        #expect(response.status == .ok, "\(response.text)")
        #expect(response.headers[.contentType] == "application/json")
        #expect(response.headers[.cacheControl] == "no-store")
        return try response.json()
    }

    /// The worklist's rows by country.
    func worklistRows(_ query: String = "") async throws -> [String: [String: Any]] {
        let rows = try #require(try await worklist(query)["reports"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["country"] as! String, $0) })
    }

    /// The worklist's counts equal the live summary's completeness.
    func expectCountsAreTheCompleteness(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let counts = try #require(try await worklist()["counts"] as? [String: Any])
        let summary = try await send(.get, "/v1/summaries/2024", token: secretariat).json()
        let live = try #require(summary["completeness"] as? [String: Any])
        #expect(NSDictionary(dictionary: live).isEqual(to: counts), "\(counts) vs \(live)", sourceLocation: sourceLocation)
    }
}
