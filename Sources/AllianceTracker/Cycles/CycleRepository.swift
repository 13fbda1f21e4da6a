import Foundation
import PostgresNIO

/// Every statement on reporting cycles, their required indicators, expected
/// reporters and lock exceptions.
struct CycleRepository: Sendable {
    func cycle(_ year: Int, in session: DatabaseSession) async throws -> Cycle? {
        let rows = try await session.rows(
            """
            SELECT c.opens_on::text, c.due_on::text, c.locks_on::text,
                   ARRAY(SELECT indicator FROM cycle_required_indicators r WHERE r.year = c.year ORDER BY indicator),
                   ARRAY(SELECT country::text FROM cycle_expected_reporters e WHERE e.year = c.year ORDER BY country)
            FROM reporting_cycles c WHERE c.year = \(Int16(year))
            """
        )
        guard let row = rows.first else { return nil }
        let (opens, due, locks, required, expected) = try row.decode((String, String, String, [String], [String]).self)
        return Cycle(year: year, opensOn: opens, dueOn: due, locksOn: locks, requiredIndicators: required, expectedReporters: expected)
    }

    /// Locks the year's cycle row until the transaction ends; false when there is no cycle.
    func lock(_ year: Int, in session: DatabaseSession) async throws -> Bool {
        try await !session.rows("SELECT 1 FROM reporting_cycles WHERE year = \(Int16(year)) FOR UPDATE").isEmpty
    }

    /// Creates the cycle; its expected reporters come from `ExpectedReporterRepository.recompute`.
    func create(_ year: Int, _ input: CycleInput, at now: Date, in session: DatabaseSession) async throws {
        try await session.run(
            """
            INSERT INTO reporting_cycles (year, opens_on, due_on, locks_on, created_at, updated_at)
            VALUES (\(Int16(year)), \(input.opensOn)::date, \(input.dueOn)::date, \(input.locksOn)::date, \(now), \(now))
            """
        )
    }

    func update(_ year: Int, _ input: CycleInput, at now: Date, in session: DatabaseSession) async throws {
        try await session.run(
            """
            UPDATE reporting_cycles SET opens_on = \(input.opensOn)::date, due_on = \(input.dueOn)::date,
                   locks_on = \(input.locksOn)::date, updated_at = \(now)
            WHERE year = \(Int16(year))
            """
        )
        try await session.run("DELETE FROM cycle_required_indicators WHERE year = \(Int16(year))")
    }

    /// Requires the given indicators, or every indicator when `codes` is nil.
    func setRequired(_ year: Int, _ codes: [String]?, in session: DatabaseSession) async throws {
        try await session.run(
            """
            INSERT INTO cycle_required_indicators (year, indicator)
            SELECT \(Int16(year)), code FROM indicators
            WHERE \(codes)::text[] IS NULL OR code = ANY(\(codes)::text[])
            """
        )
    }

    func isExpected(_ country: String, year: Int, in session: DatabaseSession) async throws -> Bool {
        try await !session.rows(
            """
            SELECT 1 FROM cycle_expected_reporters WHERE year = \(Int16(year)) AND country = \(country)
            """
        ).isEmpty
    }

    func insertException(
        _ year: Int,
        _ input: LockExceptionInput,
        by actor: AuditActor,
        at now: Date,
        in session: DatabaseSession
    ) async throws -> LockException {
        let rows = try await session.rows(
            """
            INSERT INTO lock_exceptions (year, country, until, reason, granted_by, granted_at)
            VALUES (\(Int16(year)), \(input.country), \(input.until), \(input.reason), \(actor.tokenID), \(now))
            RETURNING id
            """
        )
        guard let id = try rows.first?.decode(Int64.self) else { throw MissingRow() }
        return LockException(id: id, year: year, country: input.country, until: input.until, reason: input.reason, grantedAt: now)
    }

    /// The year's window for `country` at `now`, or nil when there is no cycle.
    func window(_ year: Int, country: String, at now: Date, in session: DatabaseSession) async throws -> CycleWindow? {
        guard let row = try await session.rows(Window(country: country, year: Int16(year), now: now)).first else { return nil }
        let (opensOn, locksOn, excepted) = try row.decode((String, String, Bool).self)
        return CycleWindow(year: year, opensOn: opensOn, locksOn: locksOn, exceptionRunning: excepted)
    }
}

extension CycleRepository {
    /// A year's window for a country at a time: `opens_on`, `locks_on`, and whether the
    /// country has a lock exception running (`excepted`). $1 the country, $2 the year
    /// (smallint), $3 the time; no row when there is no cycle. A save reads it inside
    /// its own first statement (`ReportRepository.saveState`).
    static let windowSQL = """
        SELECT opens_on::text AS opens_on, locks_on::text AS locks_on,
               EXISTS (SELECT 1 FROM lock_exceptions e WHERE e.year = c.year AND e.country = $1
                       AND e.until > $3 AND e.revoked_at IS NULL) AS excepted
        FROM reporting_cycles c WHERE c.year = $2
        """
}

/// `CycleRepository.window`: run for every submission and review.
private struct Window: PreparedStatement {
    static let sql = CycleRepository.windowSQL
    static let bindingDataTypes: [PostgresDataType] = [.bpchar, .int2, .timestamptz]
    let country: String
    let year: Int16
    let now: Date
    func makeBindings() throws -> PostgresBindings { try .of(country, year, now) }
}
