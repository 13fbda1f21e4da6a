import Foundation
import Testing

@testable import AllianceTracker

/// `RevisionHistory.revision`: a revision only between two public figures.
@Suite struct RevisionRuleTests {
    static func figure(_ release: Int, _ value: Decimal?, withheld: WithheldReason? = nil) -> IndicatorRevisions.Figure {
        .init(
            release: release,
            publishedAt: Date(timeIntervalSince1970: 0),
            value: Nullable(withheld == nil ? value : nil),
            withheld: withheld != nil,
            withheldReason: Nullable(withheld)
        )
    }

    @Test func aWithheldEndGivesNoRevisionWhicheverEndItIs() {
        let cases: [(IndicatorRevisions.Figure, IndicatorRevisions.Figure, RevisionGap)] = [
            (Self.figure(1, 460), Self.figure(2, nil, withheld: .differencing), .latestWithheld),
            (Self.figure(1, nil, withheld: .smallCell), Self.figure(2, 1379), .firstWithheld),
            (Self.figure(1, nil, withheld: .smallCell), Self.figure(2, nil, withheld: .differencing), .bothWithheld),
        ]
        for (first, latest, gap) in cases {
            for kind in [MeasureKind.flow, .ratio] {
                let revision = RevisionHistory.revision(first, latest, kind: kind)
                #expect(revision.missing.value == gap)
                #expect(revision.change?.value == nil && revision.changePct?.value == nil && revision.changePp?.value == nil)
            }
        }
    }

    @Test func countsInUnitsAndPerCentProportionsInPoints() {
        let counts = RevisionHistory.revision(Self.figure(1, 460), Self.figure(3, 13379), kind: .flow)
        #expect(counts.change?.value == 12919)
        #expect(counts.changePct?.value == Decimal(string: "2808.47826087"))  // 12919 / 460, to nine decimals
        #expect(counts.changePp == nil)
        #expect(counts.missing.value == nil)
        // from zero there is no per cent, but the change is there
        let fromZero = RevisionHistory.revision(Self.figure(1, 0), Self.figure(2, 5), kind: .stock)
        #expect(fromZero.change?.value == 5)
        #expect(fromZero.changePct != nil && fromZero.changePct?.value == nil)
        let points = RevisionHistory.revision(Self.figure(1, Decimal(string: "64.9")), Self.figure(2, Decimal(string: "67.5")), kind: .ratio)
        #expect(points.changePp?.value == Decimal(string: "2.6"))
        #expect(points.change == nil && points.changePct == nil)
    }
}
