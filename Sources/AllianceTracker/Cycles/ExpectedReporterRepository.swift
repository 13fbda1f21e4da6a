import Foundation
import PostgresNIO

/// Every statement on a cycle's expected reporters and the removals it keeps.
struct ExpectedReporterRepository: Sendable {
    /// Makes the list of each cycle in scope the members on its due date, plus its
    /// explicit additions, minus its explicit removals. In scope: `year` alone when
    /// given, else every cycle; and of those, with `before` given, only the cycles
    /// that open after that day. A membership entry still due keeps its `added_at`.
    ///
    /// The cycles in scope are locked first, as an explicit change and a PUT lock
    /// them: two recomputes (two membership changes at once), or a recompute and an
    /// explicit removal, then run one after the other, and the second sees what the
    /// first committed rather than re-inserting a country the first took off.
    func recompute(year: Int?, before today: String?, at now: Date, in session: DatabaseSession) async throws {
        let year = year.map { Int16($0) }
        _ = try await session.rows(
            """
            SELECT year FROM reporting_cycles c
            WHERE (\(year)::smallint IS NULL OR c.year = \(year)::smallint)
              AND (\(today)::date IS NULL OR c.opens_on > \(today)::date)
            ORDER BY year FOR UPDATE
            """
        )
        try await session.run(
            """
            DELETE FROM cycle_expected_reporters e USING reporting_cycles c
            WHERE e.year = c.year AND e.source = 'membership'
              AND (\(year)::smallint IS NULL OR c.year = \(year)::smallint)
              AND (\(today)::date IS NULL OR c.opens_on > \(today)::date)
              AND (NOT EXISTS (SELECT 1 FROM memberships m WHERE m.country = e.country
                               AND m.joined_on <= c.due_on AND (m.left_on IS NULL OR m.left_on > c.due_on))
                   OR EXISTS (SELECT 1 FROM cycle_expected_removals r WHERE r.year = e.year AND r.country = e.country))
            """
        )
        try await session.run(
            """
            INSERT INTO cycle_expected_reporters (year, country, source, added_at)
            SELECT DISTINCT c.year, m.country, 'membership', \(now)::timestamptz
            FROM reporting_cycles c
            JOIN memberships m ON m.joined_on <= c.due_on AND (m.left_on IS NULL OR m.left_on > c.due_on)
            WHERE (\(year)::smallint IS NULL OR c.year = \(year)::smallint)
              AND (\(today)::date IS NULL OR c.opens_on > \(today)::date)
              AND NOT EXISTS (SELECT 1 FROM cycle_expected_removals r WHERE r.year = c.year AND r.country = m.country)
            ON CONFLICT (year, country) DO NOTHING
            """
        )
    }

    func entries(_ year: Int, in session: DatabaseSession) async throws -> [ExpectedReporter] {
        try await session.rows(
            """
            SELECT country::text, source, reason, added_by, added_at
            FROM cycle_expected_reporters WHERE year = \(Int16(year)) ORDER BY country
            """
        ).map(Self.entry)
    }

    func removals(_ year: Int, in session: DatabaseSession) async throws -> [ExpectedRemoval] {
        try await session.rows(
            """
            SELECT country::text, reason, removed_by, removed_at
            FROM cycle_expected_removals WHERE year = \(Int16(year)) ORDER BY country
            """
        ).map { row in
            let (country, reason, by, at) = try row.decode((String, String, Int64?, Date).self)
            return ExpectedRemoval(country: country, reason: reason, removedBy: Nullable(by), removedAt: at)
        }
    }

    /// The country's entry on the year's list, locked until the transaction ends.
    func entry(_ year: Int, country: String, in session: DatabaseSession) async throws -> ExpectedReporter? {
        try await session.rows(
            """
            SELECT country::text, source, reason, added_by, added_at
            FROM cycle_expected_reporters WHERE year = \(Int16(year)) AND country = \(country) FOR UPDATE
            """
        ).first.map(Self.entry)
    }

    /// Adds the country explicitly and forgets an earlier removal of it.
    func add(
        _ year: Int,
        _ input: ExpectedReporterInput,
        by actor: AuditActor,
        at now: Date,
        in session: DatabaseSession
    )
        async throws -> ExpectedReporter
    {
        try await session.run("DELETE FROM cycle_expected_removals WHERE year = \(Int16(year)) AND country = \(input.country)")
        try await session.run(
            """
            INSERT INTO cycle_expected_reporters (year, country, source, reason, added_by, added_at)
            VALUES (\(Int16(year)), \(input.country), 'explicit', \(input.reason), \(actor.tokenID), \(now))
            """
        )
        return ExpectedReporter(
            country: input.country,
            source: .explicit,
            reason: Nullable(input.reason),
            addedBy: Nullable(actor.tokenID),
            addedAt: now
        )
    }

    /// Takes the country off the list and keeps the removal, so that a recompute leaves it off.
    func remove(
        _ year: Int,
        country: String,
        reason: String,
        by actor: AuditActor,
        at now: Date,
        in session: DatabaseSession
    )
        async throws -> ExpectedRemoval
    {
        try await session.run("DELETE FROM cycle_expected_reporters WHERE year = \(Int16(year)) AND country = \(country)")
        try await session.run(
            """
            INSERT INTO cycle_expected_removals (year, country, reason, removed_by, removed_at)
            VALUES (\(Int16(year)), \(country), \(reason), \(actor.tokenID), \(now))
            ON CONFLICT (year, country) DO UPDATE
            SET reason = EXCLUDED.reason, removed_by = EXCLUDED.removed_by, removed_at = EXCLUDED.removed_at
            """
        )
        return ExpectedRemoval(country: country, reason: reason, removedBy: Nullable(actor.tokenID), removedAt: now)
    }

    private static func entry(_ row: PostgresRow) throws -> ExpectedReporter {
        let (country, source, reason, by, at) = try row.decode((String, ExpectedSource, String?, Int64?, Date).self)
        return ExpectedReporter(country: country, source: source, reason: Nullable(reason), addedBy: Nullable(by), addedAt: at)
    }
}
