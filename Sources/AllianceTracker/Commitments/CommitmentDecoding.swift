import Foundation
import PostgresNIO

/// A `commitments` row, in the order of `CommitmentRepository`'s columns, as a `Commitment`.
enum CommitmentDecoding {
    static func decode(_ row: PostgresRow) throws -> Commitment {
        let columns = try row.decode(
            (Int64, String, Int, String?, String?, String, String, Int?, Decimal?, Int?, Decimal?, Decimal?, Int, Date?, String?, Date, Date)
                .self
        )
        return Commitment(
            id: columns.0,
            country: columns.1,
            goal: columns.2,
            operationalGoal: columns.3,
            indicator: columns.4,
            title: columns.5,
            description: columns.6,
            baselineYear: columns.7,
            baselineValue: columns.8,
            targetYear: columns.9,
            targetValue: columns.10,
            targetGrowthPct: columns.11,
            version: columns.12,
            withdrawnAt: columns.13,
            withdrawalReason: columns.14,
            createdAt: columns.15,
            updatedAt: columns.16
        )
    }
}
