import Foundation
import Logging
import PostgresNIO

/// `alliance seed --demo`: made-up reports for every member from 2013 to last year,
/// with gaps, late submissions, returned and amended reports and a few
/// not-available values; accepted and released year by year. Every record is
/// marked `demo`, and the public responses say so. Seeding again adds nothing.
public struct DemoSeeder: Sendable {
    let clock: AppClock

    public init(clock: AppClock = .system) {
        self.clock = clock
    }

    public struct Outcome: Sendable {
        public let years: ClosedRange<Int>?
        public let reports: Int
        public let releases: Int
        public var alreadyPresent: Bool { years == nil }
    }

    public func seed(_ database: Database, logger: Logger) async throws -> Outcome {
        try await database.connectionTransaction(logger: logger) { connection in
            let present = try await connection.query("SELECT EXISTS (SELECT 1 FROM reports WHERE demo)", logger: logger)
                .collect()[0].decode(Bool.self)
            if present { return Outcome(years: nil, reports: 0, releases: 0) }
            let lastYear = Calendar(identifier: .gregorian).component(.year, from: clock.now()) - 1
            let years = DemoReports.firstYear...lastYear
            var reports = 0, releases = 0
            for year in years {
                let writer = DemoYear(year: year, connection: connection, logger: logger)
                try await writer.openCycle()
                let corrections = try await writer.fileReports()
                reports += corrections.filed
                releases += try await writer.publish(corrections.amended)
            }
            try await AuditLog.record(
                on: connection, logger: logger, actor: .commandLine, action: "demo.seeded", country: nil, year: nil,
                entity: "demo", entityID: nil, new: ["years": .string("\(years.lowerBound)-\(years.upperBound)"),
                                                     "reports": .number(Decimal(reports))]
            )
            return Outcome(years: years, reports: reports, releases: releases)
        }
    }
}

/// One demo year: its cycle, its reports, its releases.
struct DemoYear {
    let year: Int
    let connection: PostgresConnection
    let logger: Logger

    var dueOn: String { "\(year + 1)-03-31" }

    func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    func openCycle() async throws {
        let created = try await connection.query("""
            INSERT INTO reporting_cycles (year, opens_on, due_on, locks_on)
            VALUES (\(Int16(year)), \("\(year + 1)-01-01")::date, \(dueOn)::date, \("\(year + 1)-06-30")::date)
            ON CONFLICT (year) DO NOTHING RETURNING year
            """, logger: logger).collect()
        guard !created.isEmpty else { return }
        _ = try await connection.query("""
            INSERT INTO cycle_required_indicators (year, indicator) SELECT \(Int16(year)), code FROM indicators
            """, logger: logger)
        _ = try await connection.query("""
            INSERT INTO cycle_expected_reporters (year, country)
            SELECT DISTINCT \(Int16(year)), country FROM memberships
            WHERE joined_on <= \(dueOn)::date AND (left_on IS NULL OR left_on > \(dueOn)::date)
            """, logger: logger)
    }

    /// Files and settles every expected country's report; returns how many were
    /// filed and which countries will send a late correction.
    func fileReports() async throws -> (filed: Int, amended: [String]) {
        let countries = try await connection.query("""
            SELECT e.country::text FROM cycle_expected_reporters e
            WHERE e.year = \(Int16(year)) AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.country = e.country AND r.year = e.year)
            ORDER BY 1
            """, logger: logger).collect().map { try $0.decode(String.self) }
        var filed = 0
        var amended: [String] = []
        for country in countries {
            var fate = DemoRandom(country, String(year), "fate")
            if fate.chance(0.07) { continue }  // a gap: no report this year
            let late = fate.chance(0.15)
            let returned = fate.chance(0.08)
            let submitted = date("\(year + 1)-\(late ? "04" : "03")-\(String(format: "%02d", Int(fate.between(1, 28))))T10:00:00Z")
            let id = try await insertReport(country: country, submitted: submitted)
            try await insertVersion(id, 1, country: country, correction: returned, at: submitted)
            var accepted = 1
            if returned {
                try await insertVersion(id, 2, country: country, correction: false, at: submitted.addingTimeInterval(14 * 86_400))
                accepted = 2
            }
            _ = try await connection.query("""
                UPDATE reports SET status = 'accepted', current_version = \(accepted), accepted_version = \(accepted),
                       accepted_at = \(submitted.addingTimeInterval(30 * 86_400)) WHERE id = \(id)
                """, logger: logger)
            if fate.chance(0.05) { amended.append(country) }
            filed += 1
        }
        return (filed, amended)
    }

    /// Release 1 in July; after late corrections, release 2 in October.
    func publish(_ amended: [String]) async throws -> Int {
        _ = try await ReleaseStore.publish(year: year, ReleaseInput(embargoUntil: nil, note: "Demo release"), actor: .commandLine,
                                           now: date("\(year + 1)-07-15T12:00:00Z"), on: connection, logger: logger)
        guard !amended.isEmpty else { return 1 }
        for country in amended {
            let row = try await connection.query("""
                SELECT id, current_version FROM reports WHERE country = \(country) AND year = \(Int16(year))
                """, logger: logger).collect()
            let (id, current) = try row[0].decode((Int64, Int).self)
            try await insertVersion(id, current + 1, country: country, correction: true, at: date("\(year + 1)-09-01T10:00:00Z"))
            _ = try await connection.query("""
                UPDATE reports SET current_version = \(current + 1), accepted_version = \(current + 1) WHERE id = \(id)
                """, logger: logger)
        }
        _ = try await ReleaseStore.publish(year: year, ReleaseInput(embargoUntil: nil, note: "Demo release: late corrections"),
                                           actor: .commandLine, now: date("\(year + 1)-10-01T12:00:00Z"), on: connection, logger: logger)
        return 2
    }

    private func insertReport(country: String, submitted: Date) async throws -> Int64 {
        try await connection.query("""
            INSERT INTO reports (country, year, status, current_version, first_submitted_at, submitted_at, demo)
            VALUES (\(country), \(Int16(year)), 'submitted', 1, \(submitted), \(submitted), true) RETURNING id
            """, logger: logger).collect()[0].decode(Int64.self)
    }

    private func insertVersion(_ id: Int64, _ version: Int, country: String, correction: Bool, at time: Date) async throws {
        _ = try await connection.query("""
            INSERT INTO report_versions (report_id, version, created_at) VALUES (\(id), \(version), \(time))
            """, logger: logger)
        let values = JSONValue.array(DemoReports.values(country: country, year: year, correction: correction).map { value in
            .object(["indicator": .string(value.indicator), "value": value.value.map { .number($0) } ?? .null,
                     "not_available": value.notAvailable.map { .string($0) } ?? .null])
        })
        _ = try await connection.query("""
            INSERT INTO report_values (report_id, version, indicator, measure_kind, value, not_available, nature, note)
            SELECT \(id), \(version), v.indicator, i.measure_kind, v.value, v.not_available, 'estimated', 'demo data'
            FROM jsonb_to_recordset(\(values.text)::jsonb) AS v(indicator text, value numeric, not_available text)
            JOIN indicators i ON i.code = v.indicator
            """, logger: logger)
        _ = try await connection.query("""
            INSERT INTO report_narratives (report_id, version, goal, actions_taken, actions_planned)
            SELECT \(id), \(version), g.id, 'Demo data: made-up actions under goal ' || g.id || '.', 'Demo data: made-up plans.'
            FROM goals g
            """, logger: logger)
    }
}
