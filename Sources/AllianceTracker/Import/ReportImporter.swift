import Foundation
import Logging

/// `alliance import FILE.csv --year YEAR`: the secretariat's bulk load of many
/// countries' values. Each country's report gets its next version: its current
/// values with the file's values laid over them, saved through `ReportService`,
/// so validated and audited as a save through the API. All or nothing: one bad row
/// and nothing is stored.
///
/// Columns: `country,indicator,value,not_available,note,source,nature`; `value` is a
/// number, or true/false for a boolean indicator.
public struct ReportImporter: Sendable {
    public let year: Int
    public let dryRun: Bool
    public let clock: AppClock

    public init(year: Int, dryRun: Bool, clock: AppClock = .system) {
        self.year = year
        self.dryRun = dryRun
        self.clock = clock
    }

    public struct Summary: Sendable {
        public let countries: Int
        public let values: Int
        public let dryRun: Bool
    }

    public func run(
        file: URL,
        database: Database,
        logger: Logger,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Summary {
        let table = try CSVTable(contentsOf: file)
        let missing = ["country", "indicator"].filter { !table.columns.contains($0) }
        guard missing.isEmpty else {
            throw ImportError(problems: [.init(line: 1, message: "the header lacks \(missing.joined(separator: ", "))")])
        }
        guard (2012...2100).contains(year) else {
            throw ImportError(problems: [.init(line: 0, message: "\(FieldErrorCode.invalidParameter.rawValue): --year must be from 2012 to 2100")])
        }
        let groups = try ImportRows.group(table)
        let total = groups.reduce(0) { $0 + $1.rows.count }
        let reports = ReportService(database: database, clock: clock)
        do {
            try await database.transaction(logger: logger) { session in
                let validator = try await reports.validator(in: session)
                var problems: [ImportError.Problem] = []
                for (index, group) in groups.enumerated() {
                    problems += try await load(group, validator: validator, reports: reports, in: session)
                    progress(index + 1, groups.count)
                }
                if !problems.isEmpty { throw ImportError(problems: problems) }
                if dryRun { throw DryRunFinished() }
            }
        } catch is DryRunFinished {
            // rolled back on purpose: every check ran, nothing stays
        }
        return Summary(countries: groups.count, values: total, dryRun: dryRun)
    }

    private struct DryRunFinished: Error {}

    /// One country's rows laid over its current version, checked, and saved.
    private func load(
        _ group: ImportRows,
        validator: ReportValidator,
        reports: ReportService,
        in session: DatabaseSession
    ) async throws -> [ImportError.Problem] {
        let current = try await reports.report(country: group.country, year: year, in: session, logger: session.logger)
        var merged: [String: ReportInput.ValueInput] = [:]
        for value in current?.values ?? [] {
            merged[value.indicator] = .init(
                indicator: value.indicator,
                value: value.value,
                notAvailable: value.notAvailable,
                note: value.note,
                source: value.source,
                nature: value.nature.rawValue
            )
        }
        var problems: [ImportError.Problem] = []
        var seen = Set<String>()
        for (line, value) in group.rows {
            let found = validator.check(value, field: "", seen: &seen)
            problems += found.problems.map { .init(line: line, message: "\($0.code.rawValue): \($0.field.dropFirst()): \($0.message)") }
            merged[value.indicator] = value
        }
        guard problems.isEmpty else { return problems }
        let input = ReportInput(
            values: merged.values.sorted { $0.indicator < $1.indicator },
            narratives: current?.narratives.map { .init(goal: $0.goal, actionsTaken: $0.actionsTaken, actionsPlanned: $0.actionsPlanned) }
        )
        do {
            // the file's values go over whatever version is current: the import names none
            _ = try await reports.save(
                country: group.country,
                year: year,
                input,
                expecting: .current,
                actor: .commandLine,
                in: session,
                logger: session.logger
            )
            return []
        } catch let error as DomainError {
            let detail = error.fields.isEmpty ? error.detail : error.fields.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
            return [.init(line: group.rows[0].line, message: "\(error.publicCode): \(group.country): \(detail)")]
        }
    }
}
