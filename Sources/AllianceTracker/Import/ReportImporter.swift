import Foundation
import Logging
import PostgresNIO

/// `alliance import FILE.csv --year YEAR`: the secretariat's bulk load of many
/// countries' values. Each country's report gets its next version: its current
/// values with the file's values laid over them. All or nothing: one bad row
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

    /// Rows of one country, with their line numbers in the file.
    struct CountryRows {
        let country: String
        var rows: [(line: Int, value: ReportInput.ValueInput)]
    }

    public func run(
        file: URL, database: Database, logger: Logger, progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Summary {
        let table = try CSVTable(contentsOf: file)
        let missing = ["country", "indicator"].filter { !table.columns.contains($0) }
        guard missing.isEmpty else {
            throw ImportError(problems: [.init(line: 1, message: "the header lacks \(missing.joined(separator: ", "))")])
        }
        guard (2012...2100).contains(year) else {
            throw ImportError(problems: [.init(line: 0, message: "\(FieldErrorCode.invalidParameter.rawValue): --year must be from 2012 to 2100")])
        }
        let groups = try Self.group(table)
        let total = groups.reduce(0) { $0 + $1.rows.count }
        do {
            try await database.connectionTransaction(logger: logger) { connection in
                let validator = try await ReportValidator.load(on: connection, logger: logger)
                let writer = ReportWriter(connection: connection, logger: logger, actor: .commandLine, now: clock.now())
                var problems: [ImportError.Problem] = []
                for (index, group) in groups.enumerated() {
                    problems += try await load(group, validator: validator, writer: writer)
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
    private func load(_ group: CountryRows, validator: ReportValidator, writer: ReportWriter) async throws -> [ImportError.Problem] {
        let current = try await ReportStore.report(country: group.country, year: year, on: writer.connection, logger: writer.logger)
        var merged: [String: ReportInput.ValueInput] = [:]
        for value in current?.values ?? [] {
            merged[value.indicator] = .init(indicator: value.indicator, value: value.value, notAvailable: value.notAvailable,
                                            note: value.note, source: value.source, nature: value.nature.rawValue)
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
            _ = try await writer.save(country: group.country, year: year, validator.validate(input), precondition: .none)
            return []
        } catch let error as DomainError {
            let detail = error.fields.isEmpty ? error.detail : error.fields.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
            return [.init(line: group.rows[0].line, message: "\(error.publicCode): \(group.country): \(detail)")]
        }
    }

    /// The rows by country, in the order countries first appear.
    static func group(_ table: CSVTable) throws -> [CountryRows] {
        var groups: [CountryRows] = []
        var problems: [ImportError.Problem] = []
        for record in table.records {
            guard let country = record["country"], let indicator = record["indicator"] else {
                problems.append(.init(line: record.line, message: "\(FieldErrorCode.missingValue.rawValue): country and indicator are required"))
                continue
            }
            var value: ReportedValue?
            if let raw = record["value"] {
                switch raw {
                case "true": value = .bool(true)
                case "false": value = .bool(false)
                default:
                    guard let number = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")),
                          raw.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil
                    else {
                        problems.append(.init(line: record.line, message: "\(FieldErrorCode.invalidType.rawValue): value: '\(raw)' is not a number or true/false"))
                        continue
                    }
                    value = .number(number)
                }
            }
            let input = ReportInput.ValueInput(indicator: indicator, value: value, notAvailable: record["not_available"],
                                               note: record["note"], source: record["source"], nature: record["nature"])
            if let index = groups.firstIndex(where: { $0.country == country }) {
                groups[index].rows.append((record.line, input))
            } else {
                groups.append(CountryRows(country: country, rows: [(record.line, input)]))
            }
        }
        if !problems.isEmpty { throw ImportError(problems: problems) }
        return groups
    }
}

/// Every problem of an import, by line of the file.
public struct ImportError: Error, CustomStringConvertible {
    public struct Problem: Sendable {
        public let line: Int
        public let message: String
    }

    public let problems: [Problem]

    public var description: String {
        "nothing was imported:\n" + problems.sorted { $0.line < $1.line }
            .map { "  row \($0.line): \($0.message)" }.joined(separator: "\n")
    }
}
