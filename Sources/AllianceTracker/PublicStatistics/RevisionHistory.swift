import Foundation

/// Builds an indicator's revision history from the public releases' documents: pure,
/// so the rule (a revision only between two public figures) is tested without HTTP.
enum RevisionHistory {
    /// `releases` as the public sees them, each with the indicator as its document
    /// published it (releases without the indicator left out), in any order.
    static func years(_ releases: [(info: ReleaseInfo, indicator: PublishedSummaryV1.Indicator)], kind: MeasureKind) -> [IndicatorRevisions.Year] {
        Dictionary(grouping: releases, by: \.info.year).sorted { $0.key < $1.key }.compactMap { year, list in
            let figures = list.sorted { $0.info.release < $1.info.release }.map(figure)
            guard let first = figures.first, let latest = figures.last else { return nil }
            return .init(year: year, releases: figures, first: first, latest: latest, revision: revision(first, latest, kind: kind))
        }
    }

    static func figure(_ release: (info: ReleaseInfo, indicator: PublishedSummaryV1.Indicator)) -> IndicatorRevisions.Figure {
        let withheld = release.indicator.headlineWithheld
        return .init(
            release: release.info.release,
            publishedAt: release.info.publishedAt,
            value: Nullable(withheld ? nil : release.indicator.headline),
            withheld: withheld,
            withheldReason: Nullable(release.indicator.reason(.headline))
        )
    }

    static func revision(_ first: IndicatorRevisions.Figure, _ latest: IndicatorRevisions.Figure, kind: MeasureKind) -> IndicatorRevisions.Revision {
        let gap: RevisionGap? =
            switch (first.withheld, latest.withheld) {
            case (true, true): .bothWithheld
            case (true, false): .firstWithheld
            case (false, true): .latestWithheld
            case (false, false): nil
            }
        // a withheld end, or one without a value, gives no revision at all
        let change = gap == nil ? first.value.value.flatMap { from in latest.value.value.map { $0 - from } } : nil
        if kind.changesInPoints {
            return .init(change: nil, changePct: nil, changePp: Nullable(change), missing: Nullable(gap))
        }
        let pct = change.flatMap { change in first.value.value.flatMap { $0 == 0 ? nil : percent(change, of: $0) } }
        return .init(change: Nullable(change), changePct: Nullable(pct), changePp: nil, missing: Nullable(gap))
    }

    /// `change` in per cent of `base`'s size, to nine decimals as the published growth figures.
    static func percent(_ change: Decimal, of base: Decimal) -> Decimal {
        var exact = change / abs(base) * 100
        var result = Decimal()
        NSDecimalRound(&result, &exact, 9, .plain)
        return result
    }
}
