import Foundation

/// The rules of an instance's list of releases, in one place.
enum ReleaseIndex {
    /// A list read now, joined to the one already known: never backwards. A read may
    /// return fewer releases than known (a standby that has not replayed the latest
    /// publication, a poll begun before a notification's reload finished), and a
    /// release once seen stays. Releases are append-only (`summary_releases` and
    /// `published_summaries` refuse UPDATE and DELETE by trigger; the service's role may
    /// only SELECT and INSERT them), so one known by (year, release) is kept as known.
    static func merging(known: [ReleaseInfo], read: [ReleaseInfo]) -> [ReleaseInfo] {
        var byKey = Dictionary(read.map { (Key($0), $0) }, uniquingKeysWith: { first, _ in first })
        for release in known { byKey[Key(release)] = release }
        return byKey.values.sorted { ($0.year, $0.release) < ($1.year, $1.release) }
    }

    /// Names a set of releases ("2023.1,2024.1,2024.2"): a body drawn from every public
    /// release (not only each year's latest) is current as long as this is unchanged.
    static func names(_ releases: [ReleaseInfo]) -> String {
        releases.map { "\($0.year).\($0.release)" }.joined(separator: ",")
    }

    /// The latest of each year's releases among `releases`, oldest year first.
    static func latestByYear(_ releases: [ReleaseInfo]) -> [ReleaseInfo] {
        Dictionary(grouping: releases, by: \.year).values
            .compactMap { $0.max { $0.release < $1.release } }
            .sorted { $0.year < $1.year }
    }

    /// The earliest embargo end still ahead of `now`, if any.
    static func nextEmbargoEnd(of releases: [ReleaseInfo], after now: Date) -> Date? {
        // lazily: read for every public answer (`EmbargoCacheMiddleware`), without copying the list
        releases.lazy.compactMap(\.embargoUntil).filter { $0 > now }.min()
    }

    private struct Key: Hashable {
        let year: Int
        let release: Int
        init(_ info: ReleaseInfo) { (year, release) = (info.year, info.release) }
    }
}
