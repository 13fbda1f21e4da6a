import Foundation
import PostgresNIO

/// What a save checks before it writes (`ReportService.save`), read by one statement.
struct SaveState: Sendable {
    /// Every indicator's measure kind, by code: what `ReportValidator` checks against.
    let indicators: [String: MeasureKind]
    /// The year's window for the country; nil when the year has no cycle.
    let window: CycleWindow?
    /// docs/rules.md §1: whether the country was a member at some time in the year or is
    /// expected to report for it; nil when there is no such country.
    let mayReport: Bool?
    /// The report's row, locked until the save's transaction ends; nil when there is none.
    let row: ReportRow?
}

extension ReportRepository {
    /// The catalogue's kinds, the cycle's window, the country's membership and the
    /// report's row, locked: one round trip where they were four (docs/benchmarks.md,
    /// "Filing"). The row is locked even when a check then refuses the save, until the
    /// transaction rolls back.
    func saveState(country: String, year: Int, at now: Date, in session: DatabaseSession) async throws -> SaveState {
        guard let row = try await session.rows(SaveStateQuery(country: country, year: Int16(year), now: now)).first else {
            throw MissingRow()
        }
        let columns = row.makeRandomAccess()
        return SaveState(
            indicators: try Self.kinds(codes: columns[0].decode([String].self), kinds: columns[1].decode([String].self)),
            window: try Self.window(year: year, columns),
            mayReport: try columns[5].decode(Bool?.self),
            row: try Self.lockedRow(columns)
        )
    }

    private static func kinds(codes: [String], kinds: [String]) throws -> [String: MeasureKind] {
        var byCode: [String: MeasureKind] = [:]
        for (code, text) in zip(codes, kinds) {
            guard let kind = MeasureKind(rawValue: text) else { throw UnknownDatabaseValue(type: "MeasureKind", value: text) }
            byCode[code] = kind
        }
        return byCode
    }

    private static func window(year: Int, _ columns: PostgresRandomAccessRow) throws -> CycleWindow? {
        guard let opensOn = try columns[2].decode(String?.self), let locksOn = try columns[3].decode(String?.self) else {
            return nil
        }
        return CycleWindow(year: year, opensOn: opensOn, locksOn: locksOn, exceptionRunning: try columns[4].decode(Bool.self))
    }

    /// The report's columns of `SaveStateQuery`, from the seventh on; nil when the
    /// LEFT JOIN found no report.
    private static func lockedRow(_ columns: PostgresRandomAccessRow) throws -> ReportRow? {
        guard let id = try columns[6].decode(Int64?.self) else { return nil }
        return ReportRow(
            id: id,
            status: try columns[7].decode(ReportStatus.self),
            currentVersion: try columns[8].decode(Int.self),
            acceptedVersion: try columns[9].decode(Int?.self),
            firstSubmittedAt: try columns[10].decode(Date?.self),
            submittedAt: try columns[11].decode(Date?.self),
            acceptedAt: try columns[12].decode(Date?.self)
        )
    }
}

/// `ReportRepository.saveState`: run for every save. Always one row: the kinds'
/// aggregate, with the window, membership and report beside it, each null when absent.
private struct SaveStateQuery: PreparedStatement {
    static let sql = """
        SELECT k.codes, k.kinds, w.opens_on, w.locks_on, w.excepted, m.may_report,
               r.id, r.status, r.current_version, r.accepted_version, r.first_submitted_at, r.submitted_at, r.accepted_at
        FROM (SELECT coalesce(array_agg(code), '{}') AS codes, coalesce(array_agg(measure_kind), '{}') AS kinds FROM indicators) k
        LEFT JOIN LATERAL (\(CycleRepository.windowSQL)) w ON true
        LEFT JOIN LATERAL (
            SELECT EXISTS (SELECT 1 FROM memberships m WHERE m.country = c.code
                           AND m.joined_on <= make_date($2, 12, 31)
                           AND (m.left_on IS NULL OR m.left_on > make_date($2, 1, 1)))
                OR EXISTS (SELECT 1 FROM cycle_expected_reporters e WHERE e.country = c.code AND e.year = $2)
                AS may_report
            FROM countries c WHERE c.code = $1
        ) m ON true
        LEFT JOIN LATERAL (\(ReportRowQuery.sql) FOR UPDATE) r ON true
        """
    static let bindingDataTypes: [PostgresDataType] = [.bpchar, .int2, .timestamptz]
    let country: String
    let year: Int16
    let now: Date
    func makeBindings() throws -> PostgresBindings { try .of(country, year, now) }
}
