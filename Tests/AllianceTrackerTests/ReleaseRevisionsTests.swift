import Foundation
import Testing

@testable import AllianceTracker

/// `ReleaseRevisions`: which figures a release revised, and what of them may show.
@Suite struct ReleaseRevisionsTests {
    static func figure(_ code: String, _ statistic: SDMXStatistic, _ value: Decimal?, release: Int) -> SDMXObservation {
        SDMXObservation(
            indicator: code,
            statistic: statistic,
            year: 2024,
            value: value,
            unit: "count",
            release: release,
            countries: 5,
            published: Date(timeIntervalSince1970: 0),
            measureKind: .flow,
            withheldReason: nil
        )
    }

    @Test func onlyPublicStatesThatDifferAreListedAndAWithheldOneHasNoValue() {
        let previous = [
            Self.figure("a", .total, 10, release: 1),  // unchanged
            Self.figure("a", .mean, 2, release: 1),  // changed
            Self.figure("b", .total, 7, release: 1),  // public, then withheld
            Self.figure("b", .median, nil, release: 1),  // withheld in both
            Self.figure("c", .total, 4, release: 1),  // gone
        ]
        let current = [
            Self.figure("a", .total, 10, release: 2),
            Self.figure("a", .mean, 3, release: 2),
            Self.figure("b", .total, nil, release: 2),
            Self.figure("b", .median, nil, release: 2),
            Self.figure("d", .share, nil, release: 2),  // new, withheld
            Self.figure("d", .total, 9, release: 2),  // new
        ]
        #expect(
            ReleaseRevisions.compare(previous: previous, current: current) == [
                RevisedIndicator(indicator: "a", figures: [RevisedFigure(statistic: .mean, withheld: false, previous: 2, current: 3)]),
                RevisedIndicator(indicator: "b", figures: [RevisedFigure(statistic: .total, withheld: true, previous: nil, current: nil)]),
                RevisedIndicator(
                    indicator: "d",
                    figures: [
                        RevisedFigure(statistic: .share, withheld: true, previous: nil, current: nil),
                        RevisedFigure(statistic: .total, withheld: false, previous: nil, current: 9),
                    ]
                ),
                RevisedIndicator(indicator: "c", figures: [RevisedFigure(statistic: .total, withheld: false, previous: 4, current: nil)]),
            ]
        )
        #expect(ReleaseRevisions.compare(previous: current, current: current).isEmpty)
    }

    @Test func aWithheldFigureIsWrittenWithoutAnyValue() throws {
        let withheld = RevisedFigure(statistic: .total, withheld: true, previous: 7, current: 8)
        #expect(String(decoding: try JSONCoding.encoder.encode(withheld), as: UTF8.self) == #"{"statistic":"TOTAL","withheld":true}"#)
        let shown = RevisedFigure(statistic: .mean, withheld: false, previous: nil, current: 3)
        #expect(
            String(decoding: try JSONCoding.encoder.encode(shown), as: UTF8.self)
                == #"{"current":3,"previous":null,"statistic":"MEAN","withheld":false}"#
        )
    }
}
