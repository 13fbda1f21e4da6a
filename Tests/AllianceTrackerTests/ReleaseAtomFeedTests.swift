import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `GET /v1/public/releases.atom`: an Atom 1.0 feed of the public releases.
@Suite struct ReleaseAtomFeedTests {
    static let feed = "/v1/public/releases.atom"

    @Test func theFeedHasEveryRequiredElementAndEscapesNotes() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            // nothing published: a valid feed without entries
            let empty = try await r.send(.get, Self.feed, token: nil)
            #expect(empty.status == .ok)
            #expect(empty.headers[.contentType] == "application/atom+xml; charset=utf-8")
            let none = try AtomOutline(empty.text)
            #expect(none.entries.isEmpty)
            #expect(none.feed["updated"] == "1970-01-01T00:00:00Z")

            _ = try await PublicStatisticsTests.publish(r, 2023)
            r.clock.set("2025-02-16T08:00:00Z")
            _ = try await PublicStatisticsTests.publish(r, 2024, ["note": "Fixed <&\"'> and\u{1}so"])
            try await ReleaseListTests.reviseVictimsTotal(r)
            let response = try await r.send(.get, Self.feed, token: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "public, max-age=60")
            #expect(response.text.contains("Fixed &lt;&amp;&quot;&apos;&gt; and\u{FFFD}so"))
            let atom = try AtomOutline(response.text)
            #expect(atom.feed["id"] == ReleaseAtomFeed.feedID)
            #expect(atom.feed["title"] == ReleaseAtomFeed.title)
            #expect(atom.feed["name"] == ReleaseAtomFeed.author)
            #expect(atom.links.contains { $0["rel"] == "self" && $0["href"] == Self.feed })
            // newest first, the feed's `updated` the latest entry's
            #expect(atom.entries.compactMap { $0["id"] } == ["2024/2", "2024/1", "2023/1"].map { "\(ReleaseAtomFeed.feedID)/\($0)" })
            #expect(atom.feed["updated"] == "2025-02-16T10:00:00Z")
            let latest = try #require(atom.entries.first)
            #expect(latest["title"] == "2024 release 2")
            #expect(latest["updated"] == "2025-02-16T10:00:00Z")
            #expect(latest["published"] == "2025-02-16T10:00:00Z")
            #expect(latest["link"] == "/v1/public/summaries/2024/releases/2")
            let cite = { (year: Int, release: Int) in
                "\nCite as: Global Alliance against Child Sexual Abuse Online, annual summary \(year), release \(release), published "
            }
            let summaries = atom.entries.map { $0["summary"] ?? "" }
            #expect(summaries[0].hasPrefix("Corrected total\nRevises release 1: icse_victims_identified (TOTAL 460 → 500)." + cite(2024, 2)))
            #expect(summaries[1].hasPrefix("Fixed <&\"'> and\u{FFFD}so\nThe first release of 2024." + cite(2024, 1)))
            #expect(summaries[2].hasPrefix("The first release of 2023." + cite(2023, 1)))
            #expect(summaries.allSatisfy { $0.hasSuffix(". Licence: CC BY 4.0.") })
            // the feed states the data's licence
            #expect(response.text.contains("<rights>Licence: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/</rights>"))
            #expect(response.text.contains(#"<link rel="license" href="https://creativecommons.org/licenses/by/4.0/"/>"#))
            // the same releases as the list, and not the JSON route's answer: no collision on the router
            #expect(try await ReleaseListTests.releases(r).count == 3)
            let etag = try #require(response.headers[.eTag])
            #expect(try await r.send(.get, Self.feed, token: nil, headers: [.ifNoneMatch: etag]).status == .notModified)
        }
    }
}

/// The elements of an Atom document that the test reads: the feed's own (text of
/// `id`, `title`, `updated`, author `name`), its links, and per entry the text of each
/// child with the alternate link's `href` as `link`. Throws when the XML is not well-formed.
struct AtomOutline {
    var feed: [String: String] = [:]
    var links: [[String: String]] = []
    var entries: [[String: String]] = []

    init(_ text: String) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw Malformed(error: parser.parserError.map { "\($0)" } ?? "?") }
        (feed, links, entries) = (delegate.feed, delegate.links, delegate.entries)
    }

    struct Malformed: Error { let error: String }

    private final class Delegate: NSObject, XMLParserDelegate {
        var feed: [String: String] = [:]
        var links: [[String: String]] = []
        var entries: [[String: String]] = []
        var entry: [String: String]?
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            text = ""
            if name == "entry" { entry = [:] }
            if name == "link" {
                if entry != nil, attributes["rel"] == "alternate" { entry?["link"] = attributes["href"] }
                if entry == nil { links.append(attributes) }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "entry", let done = entry {
                entries.append(done)
                entry = nil
            } else if name != "link" && name != "author" && name != "feed" {
                if entry != nil { entry?[name] = text } else { feed[name] = text }
            }
            text = ""
        }
    }
}
