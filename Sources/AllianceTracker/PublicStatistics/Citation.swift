import Foundation

/// The licence and the "cite as" line of the public documents and pages, built for a
/// release (`citeAs(_:)`), for a document drawn from the latest release of each year
/// (`citeAs(latestOf:)`), or for the reference series.
struct Citation: Sendable {
    static let publisher = "Global Alliance against Child Sexual Abuse Online"
    let licence: DataLicence

    /// What a JSON document adds at its top level: `cite_as` and `licence {name, url}`.
    struct Fields: Encodable {
        let citeAs: String
        let licence: DataLicence
    }

    /// The reference for one release, without the licence: its year, number and the day it became public.
    func reference(_ info: ReleaseInfo) -> String {
        "\(Self.publisher), annual summary \(info.year), release \(info.release), published \(Self.day(info.publicFrom))."
    }

    /// A document over several years names the set: the years, and that it holds the latest
    /// release of each as of the day the newest of them became public.
    func reference(latestOf releases: [ReleaseInfo]) -> String {
        Self.reference(releases) { "the latest release of each year as published on \($0)" }
    }

    /// A document over every public release (the revision history, the bulk download) names
    /// the years and the day the newest release became public.
    func reference(every releases: [ReleaseInfo]) -> String {
        Self.reference(releases) { "every release published up to \($0)" }
    }

    /// The years a set of releases covers, and `which` of them, told the day the newest became public.
    private static func reference(_ releases: [ReleaseInfo], which: (String) -> String) -> String {
        guard let first = releases.map(\.year).min(), let last = releases.map(\.year).max(),
            let newest = releases.map(\.publicFrom).max()
        else { return "\(publisher), annual summaries (none published yet)." }
        let years = first == last ? "annual summary \(first)" : "annual summaries \(first)–\(last)"
        return "\(publisher), \(years), \(which(day(newest)))."
    }

    /// The reference series: figures others published, compiled here with the source of each.
    var referenceSeries: String {
        "\(Self.publisher), reference series of published statistics, compiled from the sources named with each figure."
    }

    /// The line to cite: the reference and the licence.
    func citeAs(_ reference: String) -> String {
        "\(reference) Licence: \(licence.name)."
    }

    func fields(_ reference: String) -> Fields {
        Fields(citeAs: citeAs(reference), licence: licence)
    }

    /// The view a page's `citation` partial shows (`{{#citation}}{{> citation}}{{/citation}}`).
    func view(_ reference: String) -> CitationView {
        CitationView(reference: reference, licenceName: licence.name, licenceURL: licence.url)
    }

    static func day(_ date: Date) -> String {
        AppClock.dayFormatter.string(from: date)
    }
}

/// What the `citation` template shows: the reference, and the licence as a link.
struct CitationView {
    let reference: String
    let licenceName: String
    let licenceURL: String
}

extension Citation.Fields {
    /// `object` (a JSON object's text) with `cite_as` and `licence` added at its end: a
    /// frozen document stays as stored, only these are added when it is served.
    func added(to object: Data) throws -> Data {
        let members = try JSONCoding.encoder.encode(self)
        guard object.last == UInt8(ascii: "}"), members.first == UInt8(ascii: "{") else {
            throw NotAnObject()
        }
        let separator = object.count > 2 ? Data(",".utf8) : Data()
        return object.dropLast() + separator + members.dropFirst()
    }

    /// A document that is not a JSON object: a bug, answered with a 500.
    struct NotAnObject: Error {}
}
