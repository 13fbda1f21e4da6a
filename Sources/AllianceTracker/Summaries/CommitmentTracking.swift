import Foundation

/// Whether a commitment is on track in a year: where the country's accepted value
/// stands against the path from its baseline to its target. A target value is
/// reached along a straight line; a yearly growth compounds.
enum CommitmentTracking {
    static func progress(_ commitment: CommitmentRow, current: Decimal?, year: Int) -> CommitmentProgress {
        let expected = expectedValue(commitment, year: year)
        let status: CommitmentStatus
        if let current, let (value, rising) = expected {
            status = (rising ? current >= value : current <= value) ? .onTrack : .offTrack
        } else {
            status = .noData
        }
        return CommitmentProgress(
            id: commitment.id,
            country: commitment.country,
            goal: commitment.goal,
            indicator: commitment.indicator,
            title: commitment.title,
            current: Nullable(current),
            expected: Nullable(expected?.value),
            status: status
        )
    }

    /// The value the path reaches in `year`, and whether the path rises.
    static func expectedValue(_ commitment: CommitmentRow, year: Int) -> (value: Decimal, rising: Bool)? {
        guard commitment.indicator != nil, let base = commitment.baselineValue, let baseYear = commitment.baselineYear,
            year >= baseYear
        else { return nil }
        if let target = commitment.targetValue, let targetYear = commitment.targetYear, targetYear > baseYear {
            let elapsed = Decimal(min(year, targetYear) - baseYear)
            return (base + (target - base) * elapsed / Decimal(targetYear - baseYear), target >= base)
        }
        if let growth = commitment.targetGrowthPct {
            return (base * pow(1 + growth / 100, year - baseYear), growth >= 0)
        }
        return nil
    }
}
