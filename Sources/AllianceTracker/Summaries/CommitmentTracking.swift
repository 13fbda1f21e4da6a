import Foundation

/// Whether a commitment is on track in a year: where the country's latest accepted
/// value up to that year stands against the value the path requires that year. A
/// target value is reached along a straight line; a yearly growth compounds
/// (docs/statistics.md, "Commitments").
enum CommitmentTracking {
    static func standing(_ commitment: CommitmentRow, latest: AcceptedValue?, year: Int) -> CommitmentStanding {
        let expected = expectedValue(commitment, year: year)
        let status: CommitmentStatus
        if let current = latest?.value, let (target, rising) = targetLevel(commitment), rising ? current >= target : current <= target {
            status = .achieved
        } else if let current = latest?.value, let (value, rising) = expected {
            status = (rising ? current >= value : current <= value) ? .onTrack : .offTrack
        } else {
            status = .noData
        }
        return CommitmentStanding(
            year: year,
            status: status,
            current: Nullable(latest?.value),
            currentYear: Nullable(latest?.year),
            expected: Nullable(expected?.value)
        )
    }

    static func progress(_ commitment: CommitmentRow, latest: AcceptedValue?, year: Int) -> CommitmentProgress {
        let standing = standing(commitment, latest: latest, year: year)
        return CommitmentProgress(
            id: commitment.id,
            country: commitment.country,
            goal: commitment.goal,
            indicator: commitment.indicator,
            title: commitment.title,
            current: standing.current,
            currentYear: standing.currentYear,
            expected: standing.expected,
            status: standing.status
        )
    }

    /// The value the commitment aims at, and whether it lies above the baseline: the
    /// target value, or the baseline grown yearly up to the target year.
    static func targetLevel(_ commitment: CommitmentRow) -> (value: Decimal, rising: Bool)? {
        guard commitment.indicator != nil, let base = commitment.baselineValue else { return nil }
        if let target = commitment.targetValue { return (target, target >= base) }
        if let growth = commitment.targetGrowthPct, let targetYear = commitment.targetYear, let baseYear = commitment.baselineYear {
            return (base * pow(1 + growth / 100, targetYear - baseYear), growth >= 0)
        }
        return nil
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
