import Testing

@testable import AllianceTracker

/// The summary's SQL picks each kind's headline from `MeasureKind.headline`.
@Suite struct HeadlineSQLTests {
    @Test func everyKindPicksItsHeadlineColumn() {
        #expect(
            HeadlineSQL.headline("prev_") == """
                CASE i.measure_kind WHEN 'flow' THEN f.prev_total WHEN 'stock' THEN f.prev_total WHEN 'ratio' THEN f.prev_mean \
                WHEN 'duration' THEN f.prev_median WHEN 'boolean' THEN f.prev_share END
                """
        )
    }

    @Test func theHeadlineIsAStatisticOfItsKind() {
        for kind in MeasureKind.allCases {
            #expect(kind.statistics.contains(kind.headline), "\(kind)")
        }
    }
}
