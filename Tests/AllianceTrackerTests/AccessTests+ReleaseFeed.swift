import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

extension AccessTests {
    /// The list of releases and the feed are public: every caller gets the same answer,
    /// with no token, a bad one, a country's or the secretariat's; no write is routed.
    @Test func theListOfReleasesAndTheFeedArePublic() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024, ["note": "Public"])
            for path in ["/v1/public/releases", "/v1/public/releases?format=csv", "/v1/public/releases.atom"] {
                let anonymous = try await r.send(.get, path, token: nil)
                #expect(anonymous.status == .ok, "\(path)")
                for token in [r.france, r.germany, r.secretariat, "not-a-token"] {
                    let response = try await r.send(.get, path, token: token)
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.text == anonymous.text, "\(path)")
                }
                try await r.send(.post, path, token: r.secretariat, json: [:]).expectProblem(.methodNotAllowed, code: "method_not_allowed")
            }
        }
    }
}
