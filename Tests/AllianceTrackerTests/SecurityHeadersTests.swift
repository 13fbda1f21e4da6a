import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `nosniff` on every answer; the CSP and Referrer-Policy on the HTML pages.
@Suite struct SecurityHeadersTests {
    static let csp =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    @Test func everyAnswerSaysNosniffAndPagesCarryThePolicy() async throws {
        try await withReporting { r in
            let json = try await r.send(.get, "/v1/goals", token: nil)
            #expect(json.status == .ok)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            expectNosniffOnly(json)

            let problem = try await r.send(.get, "/v1/tokens", token: nil)
            #expect(problem.status == .unauthorized)
            #expect(problem.headers[.contentType] == "application/problem+json")
            expectNosniffOnly(problem)

            // refused by the outermost responder, before the router
            let tooLarge = try await r.send(.put, "/v1/cycles/2024", token: r.secretariat, headers: [.contentLength: "2000000"])
            #expect(tooLarge.status == .contentTooLarge)
            expectNosniffOnly(tooLarge)
            #expect(try sql(r.url, "SELECT count(*) FROM reporting_cycles")[0][0] == "0")

            for path in ["/"] {
                let page = try await r.send(.get, path, token: nil)
                #expect(page.headers[.contentType]?.hasPrefix("text/html") == true, "\(path)")
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(page.headers[.contentSecurityPolicy] == Self.csp)
                #expect(page.headers[.referrerPolicy] == "no-referrer")
                // nothing on the page that the policy would block
                for blocked in ["<script", "<form", "<base", "<iframe", "<img", "src=\"http", "@import"] {
                    #expect(!page.text.contains(blocked), "\(path) holds \(blocked)")
                }
            }
        }
    }

    private func expectNosniffOnly(_ response: TestResponse) {
        #expect(response.headers[.xContentTypeOptions] == "nosniff")
        #expect(response.headers[.contentSecurityPolicy] == nil)
        #expect(response.headers[.referrerPolicy] == nil)
    }
}
