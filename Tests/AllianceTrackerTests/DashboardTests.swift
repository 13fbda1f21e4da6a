import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

@Suite struct DashboardTests {
    @Test func thePageShowsThePublishedFiguresWithoutScript() async throws {
        try await withReporting { r in
            let before = try await r.send(.get, "/", token: nil)
            #expect(before.status == .ok)
            #expect(before.text.contains("No annual summary has been published yet."))

            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2023)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let page = try await r.send(.get, "/", token: nil)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = page.text
            #expect(!html.contains("<script"))
            #expect(!html.contains("src=\"http"))
            #expect(html.contains("release 1 of 2024"))
            // the headline figure as the public API gives it: 460 victims, like for like +11.4 %
            let published = try await r.send(.get, "/v1/public/summaries/2024", token: nil).json()
            let victims = try SummaryTests.indicator(published, SummaryTests.victims)
            #expect(SummaryTests.number(victims["total"]) == 460)
            #expect(html.contains("<td data-indicator=\"icse_victims_identified\">460 victims</td>"))
            // OG1.1 is judged like for like over 4 of the 6 countries: withheld, and the page says why
            let why = "withheld: would reveal a country by difference with another published figure"
            #expect(html.contains("<span data-figure=\"og11-value\">\(why)</span>"), "\(html)")
            #expect(!html.contains("+11.4 %"))
            // each chart has a title, a description and a table beside it
            #expect(html.components(separatedBy: "role=\"img\"").count - 1 >= 4)
            #expect(html.contains("<title id=\"chart-icse_victims_identified-title\">"))
            // series breaks: INHOPE's countings are separate lines, named in a legend
            #expect(html.contains("<li><svg class=\"key\""))
            // and INHOPE's first half of 2014 is not joined to its whole years
            #expect(html.contains("</svg>CSAM URLs</li>") && html.contains("</svg>CSAM URLs, H1</li>"))
            let year = try await r.send(.get, "/years/2023", token: nil)
            #expect(year.status == .ok)
            #expect(year.text.contains("aria-current=\"page\" href=\"/years/2023\""))
            try await r.send(.get, "/years/2030", token: nil).expectProblem(.notFound, code: "no_release")
        }
    }
}
