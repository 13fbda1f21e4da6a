import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// Every public document and page states the data's licence and how to cite it (issue 17).
@Suite struct LicenceCitationTests {
    static let defaultLink = "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\""
    static let summaryCite =
        "Global Alliance against Child Sexual Abuse Online, annual summary 2024, release 1, published 2025-02-15. Licence: CC BY 4.0."
    static let setCite =
        "Global Alliance against Child Sexual Abuse Online, annual summary 2024, the latest release of each year as published on 2025-02-15."
        + " Licence: CC BY 4.0."

    @Test func everyPublicDocumentStatesTheLicenceAndHowToCiteIt() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let json: [(String, String)] = [
                ("/v1/public/summaries/2024", Self.summaryCite), ("/v1/public/summaries/2024/releases/1", Self.summaryCite),
                ("/v1/public/overview", Self.setCite), ("/v1/public/indicators/icse_victims_identified/series", Self.setCite),
                (
                    "/v1/public/reference-series",
                    "Global Alliance against Child Sexual Abuse Online, reference series of published statistics,"
                        + " compiled from the sources named with each figure. Licence: CC BY 4.0."
                ),
            ]
            for (path, cite) in json {
                let response = try await r.send(.get, path, token: nil)
                #expect(response.status == .ok, "\(path)")
                let body = try response.json()
                #expect(body["cite_as"] as? String == cite, "\(path)")
                #expect(body["licence"] as? [String: String] == ["name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"])
                #expect(response.headers[values: .link].contains(Self.defaultLink), "\(path)")
                // the CSV says it in its headers, and a 304 refreshes them
                let csv = try await r.send(.get, path + "?format=csv", token: nil)
                #expect(csv.status == .ok && csv.headers[values: .link].contains(Self.defaultLink), "\(path)")
                #expect(!csv.text.contains("Licence"), "\(path): the CSV's rows stay as they were")
                let again = try await r.send(.get, path, token: nil, headers: [.ifNoneMatch: try #require(response.headers[.eTag])])
                #expect(again.status == .notModified && again.headers[values: .link].contains(Self.defaultLink), "\(path)")
            }
            // a summary names the release to cite (RFC 8574), whichever address was asked
            // in either encoding, and on a 304
            for path in ["/v1/public/summaries/2024", "/v1/public/summaries/2024/releases/1?format=csv"] {
                for encoding in ["identity", "gzip"] {
                    let response = try await r.send(.get, path, token: nil, headers: [.acceptEncoding: encoding])
                    #expect(response.headers[.contentEncoding] == (encoding == "gzip" ? "gzip" : nil), "\(path), \(encoding)")
                    let held = try await r.send(
                        .get,
                        path,
                        token: nil,
                        headers: [.acceptEncoding: encoding, .ifNoneMatch: response.headers[.eTag] ?? ""]
                    )
                    #expect(held.status == .notModified, "\(path), \(encoding)")
                    for links in [response.headers[values: .link], held.headers[values: .link]] {
                        #expect(links.contains("</v1/public/summaries/2024/releases/1>; rel=\"cite-as\""), "\(path), \(encoding)")
                    }
                }
            }
            let sdmx = try await r.send(.get, SDMXTests.data + "all", token: nil)
            #expect(sdmx.status == .ok && sdmx.headers[values: .link] == [Self.defaultLink])
            let page = try await r.send(.get, "/years/2024", token: nil)
            #expect(page.headers[values: .link] == [Self.defaultLink])
            #expect(
                page.text.contains(
                    "<p class=\"citation\">Cite as: Global Alliance against Child Sexual Abuse Online, annual summary 2024, release 1,"
                        + " published 2025-02-15. Licence: <a rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>.</p>"
                )
            )
            // the frozen document is stored as published: the citation is added when served
            #expect(try sql(r.url, "SELECT count(*) FROM published_summaries WHERE document LIKE '%cite_as%' OR csv LIKE '%Licence%'") == [["0"]])
            // nothing private gets it
            let live = try await r.send(.get, "/v1/summaries/2024", token: r.secretariat)
            #expect(live.status == .ok && live.headers[values: .link].isEmpty)
        }
    }

    @Test func aConfiguredLicenceShows() async throws {
        let url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
        let licensed: @Sendable (inout Config) -> Void = { $0.licence = DataLicence(name: "OGL 3.0", url: url) }
        try await withReporting(configure: licensed) { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let response = try await r.send(.get, "/v1/public/summaries/2024", token: nil)
            let body = try response.json()
            #expect(body["licence"] as? [String: String] == ["name": "OGL 3.0", "url": url])
            #expect((body["cite_as"] as? String)?.hasSuffix("published 2025-02-15. Licence: OGL 3.0.") == true)
            #expect(response.headers[values: .link].contains("<\(url)>; rel=\"license\""))
            let page = try await r.send(.get, "/", token: nil).text
            #expect(page.contains("Licence: <a rel=\"license\" href=\"\(url)\">OGL 3.0</a>."))
        }
    }

    /// A source with no address is shown as the words that name it, never as a link.
    @Test func aSourceWithoutAnAddressShowsAsText() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let page = try await r.send(.get, "/years/2024", token: nil).text
            let weprotect = "WePROTECT Global Alliance website statistics panel (c. 2017); no stable address found"
            #expect(page.components(separatedBy: "<td>\(weprotect)</td>").count == 3)
            #expect(!page.contains("find_string") && !page.contains("GitHub code index"))
            let json = try await r.send(.get, "/v1/public/reference-series", token: nil).text
            #expect(json.components(separatedBy: "\"sources\":[\"\(weprotect)\"]").count == 3)
        }
    }

    @Test func anEmbargoedReleaseIsCitedFromTheDayItBecamePublic() throws {
        let citation = Citation(licence: DataLicence())
        let day = { (text: String) in try #require(JSONCoding.time(text)) }
        let first = ReleaseInfo(year: 2023, release: 2, publishedAt: try day("2024-05-01T10:00:00Z"), embargoUntil: nil, note: nil, demo: false)
        let second = ReleaseInfo(
            year: 2024,
            release: 1,
            publishedAt: try day("2025-02-20T10:00:00Z"),
            embargoUntil: try day("2025-03-01T09:00:00Z"),
            note: nil,
            demo: false
        )
        #expect(citation.reference(second).hasSuffix("annual summary 2024, release 1, published 2025-03-01."))
        #expect(
            citation.citeAs(citation.reference(latestOf: [first, second]))
                == "Global Alliance against Child Sexual Abuse Online, annual summaries 2023–2024, the latest release of each year"
                + " as published on 2025-03-01. Licence: CC BY 4.0."
        )
        let fields = citation.fields("X.")
        #expect(String(decoding: try fields.added(to: Data("{}".utf8)), as: UTF8.self).hasPrefix("{\"cite_as\":\"X. Licence: CC BY 4.0.\""))
        #expect(throws: Citation.Fields.NotAnObject.self) { try fields.added(to: Data("[1]".utf8)) }
    }
}
