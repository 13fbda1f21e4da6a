import Foundation
import Logging
import PostgresNIO

/// Reporting cycles, their required indicators, expected reporters and lock exceptions.
struct CycleStore: Sendable {
    let database: Database

    func cycle(_ year: Int, logger: Logger) async throws -> Cycle? {
        try await database.withConnection { try await Self.cycle(year, on: $0, logger: logger) }
    }

    static func cycle(_ year: Int, on connection: PostgresConnection, logger: Logger) async throws -> Cycle? {
        let rows = try await connection.query("""
            SELECT c.opens_on::text, c.due_on::text, c.locks_on::text,
                   ARRAY(SELECT indicator FROM cycle_required_indicators r WHERE r.year = c.year ORDER BY indicator),
                   ARRAY(SELECT country::text FROM cycle_expected_reporters e WHERE e.year = c.year ORDER BY country)
            FROM reporting_cycles c WHERE c.year = \(Int16(year))
            """, logger: logger).collect()
        guard let row = rows.first else { return nil }
        let (opens, due, locks, required, expected) = try row.decode((String, String, String, [String], [String]).self)
        return Cycle(year: year, opensOn: opens, dueOn: due, locksOn: locks,
                     requiredIndicators: required, expectedReporters: expected)
    }

    /// Creates or changes a cycle; returns it and whether it was created. The list
    /// of expected reporters is frozen at creation: members on the due date.
    func put(_ year: Int, _ input: CycleInput, actor: AuditActor, logger: Logger) async throws -> (Cycle, created: Bool) {
        try input.validate()
        return try await database.connectionTransaction(logger: logger) { connection in
            try await Self.checkIndicators(input.requiredIndicators, on: connection, logger: logger)
            let existing = try await connection.query(
                "SELECT 1 FROM reporting_cycles WHERE year = \(Int16(year)) FOR UPDATE", logger: logger
            ).collect()
            let old = try await Self.cycle(year, on: connection, logger: logger)
            if existing.isEmpty {
                try await Self.create(year, input, on: connection, logger: logger)
            } else {
                _ = try await connection.query("""
                    UPDATE reporting_cycles SET opens_on = \(input.opensOn)::date, due_on = \(input.dueOn)::date,
                           locks_on = \(input.locksOn)::date, updated_at = now()
                    WHERE year = \(Int16(year))
                    """, logger: logger)
                _ = try await connection.query("DELETE FROM cycle_required_indicators WHERE year = \(Int16(year))", logger: logger)
            }
            try await Self.setRequired(year, input.requiredIndicators, on: connection, logger: logger)
            guard let cycle = try await Self.cycle(year, on: connection, logger: logger) else { throw MissingRow() }
            try await AuditLog.record(
                on: connection, logger: logger, actor: actor, action: old == nil ? "cycle.created" : "cycle.changed",
                country: nil, year: year, entity: "cycle", entityID: String(year),
                old: old.map(Self.auditState), new: Self.auditState(cycle)
            )
            return (cycle, old == nil)
        }
    }

    private static func create(_ year: Int, _ input: CycleInput, on connection: PostgresConnection, logger: Logger) async throws {
        _ = try await connection.query("""
            INSERT INTO reporting_cycles (year, opens_on, due_on, locks_on)
            VALUES (\(Int16(year)), \(input.opensOn)::date, \(input.dueOn)::date, \(input.locksOn)::date)
            """, logger: logger)
        _ = try await connection.query("""
            INSERT INTO cycle_expected_reporters (year, country)
            SELECT DISTINCT \(Int16(year)), country FROM memberships
            WHERE joined_on <= \(input.dueOn)::date AND (left_on IS NULL OR left_on > \(input.dueOn)::date)
            """, logger: logger)
    }

    private static func setRequired(_ year: Int, _ codes: [String]?, on connection: PostgresConnection, logger: Logger) async throws {
        _ = try await connection.query("""
            INSERT INTO cycle_required_indicators (year, indicator)
            SELECT \(Int16(year)), code FROM indicators
            WHERE \(codes)::text[] IS NULL OR code = ANY(\(codes)::text[])
            """, logger: logger)
    }

    private static func checkIndicators(_ codes: [String]?, on connection: PostgresConnection, logger: Logger) async throws {
        guard let codes, !codes.isEmpty else { return }
        let known = try await connection.query(
            "SELECT code FROM indicators WHERE code = ANY(\(codes))", logger: logger
        ).collect().map { try $0.decode(String.self) }
        let problems = codes.enumerated().filter { !known.contains($0.element) }.map { index, code in
            FieldError(field: "required_indicators[\(index)]", code: .unknownIndicator, message: "there is no indicator '\(code)'")
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }

    private static func auditState(_ cycle: Cycle) -> [String: JSONValue] {
        ["opens_on": .string(cycle.opensOn), "due_on": .string(cycle.dueOn), "locks_on": .string(cycle.locksOn),
         "required_indicators": .array(cycle.requiredIndicators.map { .string($0) })]
    }

    /// Grants one country the right to change a locked year's report until a time.
    static func grantException(
        _ year: Int, _ input: LockExceptionInput, now: Date, actor: AuditActor, on connection: PostgresConnection, logger: Logger
    ) async throws -> LockException {
        var problems: [FieldError] = []
        if input.until <= now {
            problems.append(.init(field: "until", code: .notInFuture, message: "must be a time in the future"))
        }
        if input.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || input.reason.unicodeScalars.count > 2000 {
            problems.append(.init(field: "reason", code: .missingReason, message: "must say why, in 1 to 2000 characters"))
        }
        let expected = try await connection.query("""
            SELECT 1 FROM cycle_expected_reporters WHERE year = \(Int16(year)) AND country = \(input.country)
            """, logger: logger).collect()
        if expected.isEmpty {
            problems.append(.init(field: "country", code: .notExpected,
                                  message: "'\(input.country)' is not expected to report for \(year)"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        let row = try await connection.query("""
            INSERT INTO lock_exceptions (year, country, until, reason, granted_by)
            VALUES (\(Int16(year)), \(input.country), \(input.until), \(input.reason), \(actor.tokenID))
            RETURNING id, granted_at
            """, logger: logger).collect()
        let (id, grantedAt) = try row[0].decode((Int64, Date).self)
        try await AuditLog.record(
            on: connection, logger: logger, actor: actor, action: "cycle.exception_granted", country: input.country,
            year: year, entity: "lock_exception", entityID: String(id),
            new: ["until": .string(ISO8601DateFormatter().string(from: input.until))], reason: input.reason
        )
        return LockException(id: id, year: year, country: input.country, until: input.until,
                             reason: input.reason, grantedAt: grantedAt)
    }
}
