import Foundation

/// One observation: a figure of an indicator in a release, with its attributes.
struct SDMXObservation: Sendable, Equatable {
    var indicator: String
    var statistic: SDMXStatistic
    var year: Int
    /// nil when withheld (`CONF_STATUS` C).
    var value: Decimal?
    var unit: String
    var release: Int
    var countries: Int
    /// When its release became public: published, and past any embargo.
    var published: Date
    /// The indicator's kind, and why a withheld figure is withheld (releases since
    /// sql/0018): for the bulk download, which shares this flattening.
    var measureKind: MeasureKind
    var withheldReason: WithheldReason?

    static let area = "ALLIANCE"

    var confidential: Bool { value == nil }
    var confStatus: String { confidential ? "C" : "F" }
    var obsStatus: String { confidential ? "M" : "A" }
    var revised: Bool { release > 1 }
    var seriesKey: [String] { [indicator, Self.area, statistic.rawValue] }

    /// Same figure, told apart from another release's by value and status only.
    func sameFigure(as other: SDMXObservation) -> Bool {
        indicator == other.indicator && statistic == other.statistic && year == other.year
    }

    /// Every figure a release published: a value, or a withheld one; a figure the
    /// measure kind has not (a growth in per cent of a ratio) is no observation.
    static func all(in figures: SDMXPublishedFigures, of info: ReleaseInfo) -> [SDMXObservation] {
        figures.indicators.flatMap { indicator in
            SDMXStatistic.allCases.filter { $0.applies(to: indicator.measureKind) }.compactMap { statistic -> SDMXObservation? in
                let (value, unit, countries) = statistic.figure(indicator)
                let withheld = indicator.withholds(statistic, value: value)
                guard value != nil || withheld else { return nil }
                return SDMXObservation(
                    indicator: indicator.code,
                    statistic: statistic,
                    year: info.year,
                    value: withheld ? nil : value,
                    unit: unit,
                    release: info.release,
                    countries: countries,
                    published: max(info.publishedAt, info.embargoUntil ?? info.publishedAt),
                    measureKind: indicator.measureKind,
                    withheldReason: withheld ? indicator.withheld?[statistic.withheldFigure] : nil
                )
            }
        }
    }
}
