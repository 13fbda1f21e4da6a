import Foundation
import PostgresNIO

/// Every statement on commitments.
struct CommitmentRepository: Sendable {
    private static let columns: PostgresQuery = """
        SELECT id, country::text, goal, operational_goal, indicator, title, description, baseline_year, baseline_value,
               target_year, target_value, target_growth_pct, created_at, updated_at FROM commitments
        """

    /// The country's commitments, or only the one with `id`.
    func select(country: String, id: Int64?, forUpdate: Bool = false, in session: DatabaseSession) async throws -> [Commitment] {
        var query = Self.columns
        query.sql += " WHERE country = $1 AND ($2::bigint IS NULL OR id = $2) ORDER BY id" + (forUpdate ? " FOR UPDATE" : "")
        query.binds.append(country, context: .default)
        query.binds.append(id, context: .default)
        return try await session.rows(query).map(Self.decode)
    }

    func insert(country: String, _ input: CommitmentInput, at now: Date, in session: DatabaseSession) async throws -> Int64 {
        let rows = try await session.rows(
            """
            INSERT INTO commitments (country, goal, operational_goal, indicator, title, description, baseline_year,
                                     baseline_value, target_year, target_value, target_growth_pct, created_at, updated_at)
            VALUES (\(country), \(Int16(input.goal)), \(input.operationalGoal), \(input.indicator), \(input.title),
                    \(input.description ?? ""), \(input.baselineYear.map(Int16.init)), \(input.baselineValue),
                    \(input.targetYear.map(Int16.init)), \(input.targetValue), \(input.targetGrowthPct), \(now), \(now))
            RETURNING id
            """
        )
        guard let id = try rows.first?.decode(Int64.self) else { throw MissingRow() }
        return id
    }

    func update(id: Int64, _ input: CommitmentInput, at now: Date, in session: DatabaseSession) async throws {
        try await session.run(
            """
            UPDATE commitments SET goal = \(Int16(input.goal)), operational_goal = \(input.operationalGoal),
                indicator = \(input.indicator), title = \(input.title), description = \(input.description ?? ""),
                baseline_year = \(input.baselineYear.map(Int16.init)), baseline_value = \(input.baselineValue),
                target_year = \(input.targetYear.map(Int16.init)), target_value = \(input.targetValue),
                target_growth_pct = \(input.targetGrowthPct), updated_at = \(now)
            WHERE id = \(id)
            """
        )
    }

    private static func decode(_ row: PostgresRow) throws -> Commitment {
        let (
            id, country, goal, og, indicator, title, description, baselineYear, baselineValue,
            targetYear, targetValue, growth, created, updated
        ) = try row.decode(
            (Int64, String, Int, String?, String?, String, String, Int?, Decimal?, Int?, Decimal?, Decimal?, Date, Date).self
        )
        return Commitment(
            id: id,
            country: country,
            goal: goal,
            operationalGoal: og,
            indicator: indicator,
            title: title,
            description: description,
            baselineYear: baselineYear,
            baselineValue: baselineValue,
            targetYear: targetYear,
            targetValue: targetValue,
            targetGrowthPct: growth,
            createdAt: created,
            updatedAt: updated
        )
    }
}
