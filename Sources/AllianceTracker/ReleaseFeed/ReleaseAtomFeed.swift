import Foundation

/// The public releases as an Atom 1.0 feed (RFC 4287), one entry per public release,
/// newest first. An announced, embargoed release is no entry: an entry is something to
/// read, and the list (`/v1/public/releases`) announces it with its year and time.
/// Links are relative to the feed's own address (RFC 4287 §4.2.7.1, xml:base unset).
enum ReleaseAtomFeed {
    static let contentType = "application/atom+xml; charset=utf-8"
    /// Tag URIs (RFC 4151): stable whatever the host the feed is served from.
    static let feedID = "tag:alliance-tracker,2026:releases"
    static let title = "Alliance Tracker: published releases"
    static let author = "Alliance Tracker secretariat"

    static func entryID(year: Int, release: Int) -> String { "\(feedID)/\(year)/\(release)" }

    static func render(_ listing: ReleaseListing, licence: DataLicence) -> String {
        let entries = listing.releases.filter { $0.status == .public }.reversed()
        // with no entry yet, a fixed time: the feed must say one, and it should not move
        let updated = entries.map(\.publicFrom).max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <id>\(feedID)</id>
            <title>\(XMLText.escape(title))</title>
            <updated>\(time(updated))</updated>
            <author><name>\(XMLText.escape(author))</name></author>
            <rights>\(XMLText.escape("Licence: \(licence.name), \(licence.url)"))</rights>
            <link rel="license" href="\(XMLText.escape(licence.url))"/>
            <link rel="self" type="application/atom+xml" href="\(ReleaseLinks.feed)"/>
            <link rel="alternate" type="application/json" href="\(ReleaseLinks.list)"/>

            """
        for entry in entries { xml += self.entry(entry) }
        return xml + "</feed>\n"
    }

    private static func entry(_ entry: ReleaseListing.Entry) -> String {
        let release = entry.release ?? 0
        let summary = entry.links?.summary ?? ReleaseLinks.summary(year: entry.year, release: release)
        return """
            <entry>
            <id>\(entryID(year: entry.year, release: release))</id>
            <title>\(XMLText.escape(ReleaseFeedText.title(entry)))</title>
            <updated>\(time(entry.publicFrom))</updated>
            <published>\(time(entry.publicFrom))</published>
            <link rel="alternate" type="application/json" href="\(summary)"/>
            <summary type="text">\(XMLText.escape(ReleaseFeedText.summary(entry)))</summary>
            </entry>

            """
    }

    private static func time(_ date: Date) -> String { date.formatted(.iso8601) }
}
