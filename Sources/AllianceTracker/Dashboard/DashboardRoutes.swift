import Foundation
import Hummingbird
import Logging

/// `/` and `/years/{year}`: the public dashboard, rendered once per set of
/// published releases and then served from memory.
struct DashboardRoutes {
    let releases: PublicReleases
    let statistics: PublicStatisticsService
    let catalogue: CatalogueService
    let minimumCountries: Int

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, context in
            guard let latest = try await releases.latestByYear(logger: context.logger).last else {
                return Self.html(Self.nothingPublished)
            }
            return try await page(latest.year, request: request, logger: context.logger)
        }
        router.get("years/{year}") { request, context in
            try await page(try context.yearParameter(), request: request, logger: context.logger)
        }
    }

    private func page(_ year: Int, request: Request, logger: Logger) async throws -> Response {
        let published = try await releases.latestByYear(logger: logger)
        guard let release = published.first(where: { $0.year == year }) else { throw DomainError.noRelease(year) }
        let key = "page/\(year)/" + (try await releases.signature(logger: logger))
        let rendered = try await releases.rendered(key) { [self] in
            let html = try await render(year: year, release: release, published: published, logger: logger)
            return CacheableResponse.Rendered(body: Data(html.utf8), contentType: "text/html; charset=utf-8")
        }
        return CacheableResponse.response(rendered, for: request)
    }

    private func render(year: Int, release: ReleaseInfo, published: [ReleaseInfo], logger: Logger) async throws -> String {
        let summary = Summary(dashboardView: try await releases.published(release, logger: logger))
        let indicators = try await catalogue.indicators(logger: logger)
        var series: [IndicatorSeries] = []
        for indicator in indicators where indicator.headline {
            series.append(try await statistics.series(indicator.code, logger: logger))
        }
        let reference = try await statistics.referenceSeries(logger: logger)
        return DashboardPage(
            year: year, release: release, summary: summary, published: published,
            goals: try await catalogue.goals(logger: logger), indicators: indicators, series: series,
            reference: reference, minimumCountries: minimumCountries
        ).html
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: CacheableResponse.cacheControl],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static var nothingPublished: String {
        DashboardTemplates.render([String: String](), as: "empty")
    }
}

extension Summary {
    /// The page still takes a `Summary`: this fills the figures it shows from a
    /// frozen release, and leaves the rest empty. (To go when the page takes the
    /// published document itself.)
    init(dashboardView p: PublishedSummaryV1) {
        let c = p.completeness
        var onTime = Rate(c.onTime, of: c.expected)
        onTime.pct = Nullable(c.onTimeRate.pct)
        let none = GrowthFigure(pct: nil, countries: 0, previousCountries: 0, previous: nil, current: nil, suppressed: false)
        self.init(
            year: p.year, release: Nullable(p.release), publishedAt: Nullable(p.publishedAt), computedAt: p.publishedAt, demo: p.demo,
            completeness: Completeness(expected: c.expected, submitted: c.submitted, accepted: c.accepted, onTime: c.onTime,
                                       submissionRate: Rate(c.submitted, of: c.expected), acceptanceRate: Rate(c.accepted, of: c.expected),
                                       onTimeRate: onTime),
            indicators: p.indicators.map { i in
                var growth = Growth(allReporters: none, likeForLike: none)
                growth.likeForLike.pct = Nullable(i.growth.likeForLike.pct)
                return IndicatorSummary(
                    code: i.code, goal: 0, unit: "", measureKind: i.measureKind, countriesReporting: i.countriesReporting, notAvailable: 0,
                    headline: Nullable(i.headline), total: nil, mean: nil, median: nil, min: nil, max: nil, sharePct: nil, previous: nil,
                    previousCountries: 0, growth: growth,
                    sinceBaseline: BaselineGrowth(baselineYear: nil, countries: 0, baseline: nil, current: nil, cagrPct: nil, suppressed: false),
                    suppressed: i.suppressed)
            },
            targets: p.targets.map { t in
                TargetResult(id: t.id, indicator: t.indicator, rule: t.rule, basis: t.basis, threshold: t.threshold, value: t.value,
                             met: t.met, countries: t.countries, suppressed: t.suppressed)
            },
            goals: p.goals.map { g in
                GoalSummary(goal: g.goal, title: "", countriesReportingActions: g.countriesReportingActions, commitments: 0,
                            onTrack: nil, offTrack: nil, noData: nil)
            },
            commitmentProgress: nil
        )
    }
}
