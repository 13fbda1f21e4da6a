import Foundation

/// The list of releases as CSV, one row a release; `revised_indicators` names the
/// indicators a release revised, separated by spaces (the JSON has each figure).
enum ReleaseListingCSV {
    static let header = [
        "year", "status", "public_from", "release", "published_at", "embargo_until", "note", "demo", "summary", "revises",
        "revised_indicators",
    ]

    static func render(_ listing: ReleaseListing) -> Data {
        var csv = CSVWriter(header: header)
        for entry in listing.releases {
            csv.row([
                "\(entry.year)", entry.status.rawValue, time(entry.publicFrom), entry.release.map(String.init), entry.publishedAt.map(time),
                entry.embargoUntil?.value.map(time), entry.note?.value, entry.demo.map { "\($0)" }, entry.links?.summary,
                entry.revises?.value.map(String.init), entry.revised.map { $0.map(\.indicator).joined(separator: " ") },
            ])
        }
        return csv.data
    }

    private static func time(_ date: Date) -> String { date.formatted(.iso8601) }
}
