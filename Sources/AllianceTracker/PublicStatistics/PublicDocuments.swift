import Foundation

/// One indicator across years, each year's figure from its latest release.
struct IndicatorSeries: Encodable, Sendable {
    struct Point: Encodable, Sendable {
        var year: Int
        var release: Int
        /// A later release of that year replaced the first.
        var revised: Bool
        var value: Nullable<Decimal>
        var countries: Int
        /// As published: a release frozen before points existed gave proportions in percent.
        var growthLikeForLikePct: Nullable<Decimal>
        /// Ratios and booleans only: the like-for-like change in percentage points.
        var changeLikeForLikePp: Nullable<Decimal>?
        /// The headline figure is withheld (before sql/0018: any figure of the release).
        var suppressed: Bool
        /// Releases since sql/0018: which of these figures are withheld, and why.
        var withheld: [WithheldFigure: WithheldReason]?
    }

    var indicator: String
    var measureKind: MeasureKind
    var unit: String
    var demo: Bool
    var points: [Point]

    var csv: Data {
        var csv = CSVWriter(header: [
            "indicator", "year", "release", "revised", "value", "countries", "growth_like_for_like_pct", "change_like_for_like_pp",
            "suppressed", "demo", "withheld",
        ])
        // proportions show points only: the percent column stays empty for them
        let percent = !measureKind.changesInPoints
        for p in points {
            csv.row([
                indicator, String(p.year), String(p.release), String(p.revised), CSVWriter.number(p.value.value),
                String(p.countries), percent ? CSVWriter.rounded(p.growthLikeForLikePct.value) : nil,
                CSVWriter.rounded(p.changeLikeForLikePp?.value), String(p.suppressed), String(demo), WithheldFigure.list(p.withheld),
            ])
        }
        return csv.data
    }
}

/// The years published, the latest release of each, and their headline figures.
struct Overview: Encodable, Sendable {
    struct Year: Encodable, Sendable {
        var year: Int
        var release: Int
        var publishedAt: Date
        var revised: Bool
        var demo: Bool
        var expected: Int
        var accepted: Int
        var onTimeRatePct: Nullable<Decimal>
        var headlines: [Headline]
        var targets: [PublishedSummaryV1.Target]
    }

    struct Headline: Encodable, Sendable {
        var indicator: String
        var measureKind: MeasureKind
        var value: Nullable<Decimal>
        var countries: Int
        var growthLikeForLikePct: Nullable<Decimal>
        /// Ratios and booleans only: the like-for-like change in percentage points.
        var changeLikeForLikePp: Nullable<Decimal>?
        /// The headline figure is withheld (before sql/0018: any figure of the release).
        var suppressed: Bool
        /// Releases since sql/0018: which of these figures are withheld, and why.
        var withheld: [WithheldFigure: WithheldReason]?
    }

    var demo: Bool
    /// Said while any published figure comes from made-up demonstration reports.
    var notice: String?
    var years: [Year]

    var csv: Data {
        var csv = CSVWriter(header: ["year", "release", "revised", "item", "value", "countries", "suppressed", "demo", "withheld"])
        for y in years {
            csv.row([
                String(y.year), String(y.release), String(y.revised), "accepted_reports", String(y.accepted), String(y.expected),
                "false", String(y.demo), nil,
            ])
            for h in y.headlines {
                csv.row([
                    String(y.year), String(y.release), String(y.revised), h.indicator, CSVWriter.number(h.value.value),
                    String(h.countries), String(h.suppressed), String(y.demo), WithheldFigure.list(h.withheld),
                ])
            }
            for t in y.targets {
                csv.row([
                    String(y.year), String(y.release), String(y.revised), "\(t.id) met", t.met.value.map(String.init),
                    String(t.countries), String(t.suppressed), String(y.demo), WithheldFigure.list(t.withheld),
                ])
            }
        }
        return csv.data
    }

    static let demoNotice = "Demonstration data: these figures come from made-up reports, not from any country."
}

/// The published statistics of INTERPOL, NCMEC, the IWF and INHOPE, with sources.
struct ReferenceSeries: Encodable, Sendable {
    struct Series: Encodable, Sendable {
        var code: String
        var name: String
        var publisher: String
        var unit: String
        var cumulative: Bool
        var caveat: String?
        var observations: [Observation]
    }

    struct Observation: Encodable, Sendable {
        var year: Int
        /// The source's own date qualifier ("1 Mar", "H1", "c."), kept rather than rounded away.
        var period: String
        var value: Decimal
        /// Figures of one series with different countings are not comparable.
        var counting: String
        var detail: String?
        var confidence: String
        /// Derived arithmetically from a confirmed figure.
        var derived: Bool
        var confidenceNote: String?
        var sources: [String]
    }

    var series: [Series]

    var csv: Data {
        var csv = CSVWriter(header: ["series", "publisher", "year", "period", "value", "counting", "confidence", "detail", "sources"])
        for s in series {
            for o in s.observations {
                csv.row([
                    s.code, s.publisher, String(o.year), o.period, CSVWriter.number(o.value), o.counting, o.confidence,
                    o.detail, o.sources.joined(separator: " | "),
                ])
            }
        }
        return csv.data
    }
}
