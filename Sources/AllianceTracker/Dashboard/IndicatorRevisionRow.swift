import Foundation

/// One year of an indicator page's revision history, in words: the headline in each
/// public release of the year, and how much the latest revised the first. Drawn from
/// `/v1/public/indicators/{code}/revisions`, so a withheld figure stays withheld and
/// no revision is given that would need one.
struct IndicatorRevisionRow {
    struct Release {
        let release: Int
        let day: String
        let figure: String
        let withheld: Bool
    }

    let year: Int
    let releases: [Release]
    let revision: String

    init(_ year: IndicatorRevisions.Year, kind: MeasureKind) {
        self.year = year.year
        releases = year.releases.map { figure in
            Release(
                release: figure.release,
                day: AppClock.dayFormatter.string(from: figure.publishedAt),
                figure: figure.withheld ? HTML.withheld(figure.withheldReason.value) : HTML.figure(figure.value.value, kind: kind),
                withheld: figure.withheld
            )
        }
        revision = Self.words(year, kind: kind)
    }

    private static func words(_ year: IndicatorRevisions.Year, kind: MeasureKind) -> String {
        if let gap = year.revision.missing.value {
            return switch gap {
            case .firstWithheld: "not given: the first figure is withheld"
            case .latestWithheld: "not given: the latest figure is withheld"
            case .bothWithheld: "not given: both figures are withheld"
            }
        }
        guard year.releases.count > 1 else { return "none: one release" }
        if kind.changesInPoints { return HTML.points(year.revision.changePp?.value) }
        guard var change = year.revision.change?.value else { return "—" }
        // signed as rounded, as growth is: −0.04 h shows as "+0.0"; a time keeps its decimal
        var rounded = Decimal()
        NSDecimalRound(&rounded, &change, 1, .plain)
        let percent = year.revision.changePct?.value.map { " (\(HTML.percent($0)))" } ?? ""
        return (rounded < 0 ? "" : "+") + HTML.number(rounded, fixed: kind == .duration) + percent
    }
}
