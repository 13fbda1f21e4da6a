import Foundation

/// The figures of a release's frozen public document that SDMX serves: decoded from
/// the document itself, so every SDMX figure is one the release made public, after
/// disclosure control, and a withheld one stays withheld.
struct SDMXPublishedFigures: Decodable, Sendable {
    struct Figure: Decodable, Sendable {
        var pct: Decimal?
        var changePp: Decimal?
        var countries: Int
    }
    struct Growth: Decodable, Sendable {
        var allReporters: Figure
        var likeForLike: Figure
    }
    struct Indicator: Decodable, Sendable {
        var code: String
        var unit: String
        var measureKind: MeasureKind
        var countriesReporting: Int
        var total: Decimal?
        var mean: Decimal?
        var median: Decimal?
        var sharePct: Decimal?
        var growth: Growth
        var suppressed: Bool
        var withheld: [WithheldFigure: WithheldReason]?

        /// Whether the figure was withheld; a release frozen before `withheld` existed
        /// said only `suppressed`, and then an absent figure of it is taken as withheld.
        func withholds(_ statistic: SDMXStatistic, value: Decimal?) -> Bool {
            guard let withheld else { return suppressed && value == nil }
            return withheld[statistic.withheldFigure] != nil
        }
    }

    var indicators: [Indicator]

    init(_ frozen: FrozenRelease) throws {
        guard frozen.formatVersion == 1 else { throw FrozenRelease.UnknownFormat(version: frozen.formatVersion) }
        self = try JSONCoding.decoder.decode(Self.self, from: Data(frozen.json.utf8))
    }
}
