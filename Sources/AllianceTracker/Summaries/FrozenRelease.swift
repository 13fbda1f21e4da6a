import Foundation

/// A release's public document as it was frozen when published: the JSON and CSV
/// the public reads, after disclosure control. Served as stored, never computed again.
struct FrozenRelease: Sendable, Equatable {
    /// The shape of `json`, so that a reader of a later version knows an older one.
    static let currentFormat = 1

    let formatVersion: Int
    /// The public JSON without `latest_release` and `revised_since`, which change
    /// when a later release comes out; `json(latest:)` adds them.
    let json: String
    let csv: String

    /// Freezes a summary already passed through disclosure control.
    init(publicView summary: Summary) throws {
        var frozen = summary
        frozen.latestRelease = nil
        frozen.revisedSince = nil
        formatVersion = Self.currentFormat
        json = String(decoding: try JSONCoding.encoder.encode(frozen), as: UTF8.self)
        csv = String(decoding: SummaryCSV.render(frozen), as: UTF8.self)
    }

    init(formatVersion: Int, json: String, csv: String) {
        self.formatVersion = formatVersion
        self.json = json
        self.csv = csv
    }

    /// The public JSON with which release is now the latest of its year. The
    /// document's keys are sorted; both go where sorting puts them, before
    /// `published_at` and `targets` (the only such keys: nested objects have none,
    /// and a quote inside a string is escaped).
    func json(release: Int, latest: Int) throws -> Data {
        var text = json
        try Self.insert("\"latest_release\":\(latest)", before: ",\"published_at\":", in: &text)
        try Self.insert("\"revised_since\":\(latest > release)", before: ",\"targets\":", in: &text)
        return Data(text.utf8)
    }

    /// The figures the public views are drawn from (series, overview, dashboard).
    func published() throws -> PublishedSummaryV1 {
        guard formatVersion == 1 else { throw UnknownFormat(version: formatVersion) }
        return try JSONCoding.decoder.decode(PublishedSummaryV1.self, from: Data(json.utf8))
    }

    private static func insert(_ member: String, before key: String, in text: inout String) throws {
        guard let range = text.range(of: key) else { throw UnknownFormat(version: currentFormat) }
        text.insert(contentsOf: "," + member, at: range.lowerBound)
    }

    /// A frozen document this code cannot read: a bug, answered with a 500.
    struct UnknownFormat: Error, CustomStringConvertible {
        let version: Int
        var description: String { "a frozen release in format \(version), which this code cannot read" }
    }
}
