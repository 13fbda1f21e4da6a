import Foundation
import PostgresNIO

/// Every statement on commitments.
struct CommitmentRepository: Sendable {
    private static let columns: PostgresQuery = """
        SELECT id, country::text, goal, operational_goal, indicator, title, description, baseline_year, baseline_value,
               target_year, target_value, target_growth_pct, version, withdrawn_at, withdrawal_reason, created_at, updated_at
        FROM commitments
        """

    /// The country's commitments (every country's with nil), or only the one with `id`.
    func select(country: String?, id: Int64?, forUpdate: Bool = false, in session: DatabaseSession) async throws -> [Commitment] {
        var query = Self.columns
        query.sql += " WHERE ($1::bpchar IS NULL OR country = $1::bpchar) AND ($2::bigint IS NULL OR id = $2) ORDER BY country, id"
        query.sql += forUpdate ? " FOR UPDATE" : ""
        query.binds.append(country, context: .default)
        query.binds.append(id, context: .default)
        return try await session.rows(query).map(CommitmentDecoding.decode)
    }

    /// Each commitment's latest accepted value of its indicator up to `year`, not from
    /// before its baseline year, and that value's year, by commitment id: the figure its
    /// progress is judged on.
    func latestValues(country: String?, upTo year: Int, in session: DatabaseSession) async throws -> [Int64: AcceptedValue] {
        let rows = try await session.rows(
            """
            SELECT m.id, l.value, l.year FROM commitments m
            CROSS JOIN LATERAL (
                SELECT v.value, r.year FROM reports r
                JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
                WHERE r.country = m.country AND r.year <= \(Int16(year)) AND v.indicator = m.indicator AND v.value IS NOT NULL
                  -- a value from before the baseline says nothing of progress since it
                  AND (m.baseline_year IS NULL OR r.year >= m.baseline_year)
                ORDER BY r.year DESC LIMIT 1) l
            WHERE (\(country)::bpchar IS NULL OR m.country = \(country)::bpchar)
            """
        )
        var values: [Int64: AcceptedValue] = [:]
        for row in rows {
            let (id, value, year) = try row.decode((Int64, Decimal, Int).self)
            values[id] = AcceptedValue(value: value, year: year)
        }
        return values
    }

    /// The latest reporting cycle's year: the default year progress is judged in.
    func latestCycleYear(in session: DatabaseSession) async throws -> Int? {
        try await session.rows("SELECT max(year)::int FROM reporting_cycles").first?.decode(Int?.self)
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

    /// Writes the merged commitment as its next version.
    func update(id: Int64, _ input: CommitmentInput, at now: Date, in session: DatabaseSession) async throws {
        try await session.run(
            """
            UPDATE commitments SET goal = \(Int16(input.goal)), operational_goal = \(input.operationalGoal),
                indicator = \(input.indicator), title = \(input.title), description = \(input.description ?? ""),
                baseline_year = \(input.baselineYear.map(Int16.init)), baseline_value = \(input.baselineValue),
                target_year = \(input.targetYear.map(Int16.init)), target_value = \(input.targetValue),
                target_growth_pct = \(input.targetGrowthPct), updated_at = \(now), version = version + 1
            WHERE id = \(id)
            """
        )
    }

    /// Marks the commitment withdrawn, as its next version.
    func withdraw(id: Int64, reason: String, at now: Date, in session: DatabaseSession) async throws {
        try await session.run(
            """
            UPDATE commitments SET withdrawn_at = \(now), withdrawal_reason = \(reason), updated_at = \(now), version = version + 1
            WHERE id = \(id) AND withdrawn_at IS NULL
            """
        )
    }
}
