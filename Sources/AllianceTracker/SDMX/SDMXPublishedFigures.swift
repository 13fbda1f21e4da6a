import Foundation

/// The figures of a release's frozen public document that SDMX serves: decoded from
/// the document itself, so every SDMX figure is one the release made public, after
/// disclosure control, and a withheld one stays withheld.
struct SDMXPublishedFigures: Decodable, Sendable {
    struct Figure: Decodable, Sendable {
        var pct: Decimal?
        var changePp: Decimal?
        var countries: Int
        /// Whether this growth figure was withheld, in a release frozen before `withheld`.
        var suppressed: Bool?
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

        /// Whether the figure was withheld. A release frozen before `withheld` existed said
        /// only `suppressed`: the indicator's own for its headline statistics (those its
        /// kind has), each growth figure's own for that figure; an absent figure so marked
        /// is taken as withheld.
        func withholds(_ statistic: SDMXStatistic, value: Decimal?) -> Bool {
            if let withheld { return withheld[statistic.withheldFigure] != nil }
            guard value == nil else { return false }
            return switch statistic {
            case .total: suppressed && measureKind.statistics.contains(.total)
            case .mean: suppressed && measureKind.statistics.contains(.mean)
            case .median: suppressed && measureKind.statistics.contains(.median)
            case .share: suppressed && measureKind.statistics.contains(.share)
            case .growthLikeForLike, .changePoints: growth.likeForLike.suppressed ?? false
            case .growthAllReporters: growth.allReporters.suppressed ?? false
            }
        }
    }

    var indicators: [Indicator]

    init(_ frozen: FrozenRelease) throws {
        guard frozen.formatVersion == 1 else { throw FrozenRelease.UnknownFormat(version: frozen.formatVersion) }
        self = try JSONCoding.decoder.decode(Self.self, from: Data(frozen.json.utf8))
    }
}
