import Foundation
import Logging

/// `alliance import FILE.csv --year YEAR [--dry-run] [--submit] [--accept --comment TEXT]`
/// and `POST /v1/imports`: the secretariat's bulk load of many countries' values. Each
/// country's report gets its next version: its current values with the file's values
/// laid over them, saved through `ReportService`, so validated and audited as a save
/// through the API; then, if asked, submitted and accepted through the same service.
/// All or nothing, in one transaction: one bad row and nothing is stored.
///
/// Columns: `country,indicator,value,not_available,note,source,nature`; `value` is a
/// number, or true/false for a boolean indicator.
public struct ReportImporter: Sendable {
    public let year: Int
    public let dryRun: Bool
    public let submit: Bool
    public let accept: Bool
    public let comment: String?
    public let clock: AppClock
    let actor: AuditActor

    public init(year: Int, dryRun: Bool, submit: Bool = false, accept: Bool = false, comment: String? = nil, clock: AppClock = .system) {
        self.init(year: year, dryRun: dryRun, submit: submit, accept: accept, comment: comment, clock: clock, actor: .commandLine)
    }

    init(year: Int, dryRun: Bool, submit: Bool, accept: Bool, comment: String?, clock: AppClock, actor: AuditActor) {
        self.year = year
        self.dryRun = dryRun
        self.submit = submit
        self.accept = accept
        self.comment = comment
        self.clock = clock
        self.actor = actor
    }

    public struct Summary: Sendable, Encodable {
        public let year: Int
        public let countries: Int
        public let values: Int
        public let submitted: Int
        public let accepted: Int
        public let dryRun: Bool
    }

    public func run(
        file: URL,
        database: Database,
        logger: Logger,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Summary {
        guard let text = String(validating: try Data(contentsOf: file), as: UTF8.self) else {
            throw ImportError(problems: [.init(row: 0, code: ProblemCode.invalidBody.rawValue, "the file is not UTF-8 text")])
        }
        return try await run(text: text, database: database, logger: logger, progress: progress)
    }

    public func run(
        text: String,
        database: Database,
        logger: Logger,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Summary {
        try checkOptions()
        let groups = try ImportRows.group(try Self.table(text))
        let reports = ReportService(database: database, clock: clock)
        var finished = (submitted: 0, accepted: 0)
        do {
            finished = try await database.transaction(logger: logger) { session in
                let validator = try await reports.validator(in: session)
                var problems: [ImportError.Problem] = []
                for (index, group) in groups.enumerated() {
                    problems += try await load(group, validator: validator, reports: reports, in: session)
                    progress(index + 1, groups.count)
                }
                if problems.isEmpty, submit {
                    for group in groups { problems += try await finish(group, reports: reports, in: session) }
                }
                if !problems.isEmpty { throw ImportError(problems: problems) }
                let done = (submitted: submit ? groups.count : 0, accepted: accept ? groups.count : 0)
                if dryRun { throw DryRunFinished(submitted: done.submitted, accepted: done.accepted) }
                return done
            }
        } catch let dry as DryRunFinished {
            // rolled back on purpose: every check ran, nothing stays
            finished = (dry.submitted, dry.accepted)
        }
        let values = groups.reduce(0) { $0 + $1.rows.count }
        return Summary(
            year: year,
            countries: groups.count,
            values: values,
            submitted: finished.submitted,
            accepted: finished.accepted,
            dryRun: dryRun
        )
    }

    private struct DryRunFinished: Error {
        let submitted: Int
        let accepted: Int
    }

    /// `--accept` needs `--submit` and a comment; the year is a cycle's.
    private func checkOptions() throws {
        guard (2012...2100).contains(year) else {
            throw ImportError(problems: [.init(row: 0, .invalidParameter, "year must be from 2012 to 2100")])
        }
        guard accept else { return }
        guard submit else {
            throw ImportError(problems: [.init(row: 0, .invalidParameter, "accept needs submit: only a submitted report is accepted")])
        }
        guard let comment, !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ImportError(problems: [.init(row: 0, .missingComment, "accept needs a comment, recorded with each acceptance")])
        }
    }

    /// The file as a table with the columns an import needs.
    static func table(_ text: String) throws -> CSVTable {
        if let nul = text.firstIndex(of: "\0") {
            let row = text[..<nul].count { $0 == "\n" } + 1
            throw ImportError(problems: [.init(row: row, code: ProblemCode.invalidBody.rawValue, "a NUL character: this is not a CSV file")])
        }
        let table: CSVTable
        do {
            table = try CSVTable(name: "import", text: text)
        } catch {
            throw ImportError(problems: [.init(row: error.line, code: ProblemCode.invalidBody.rawValue, error.message)])
        }
        let missing = ["country", "indicator"].filter { !table.columns.contains($0) }
        guard missing.isEmpty else {
            throw ImportError(problems: [.init(row: 1, .missingField, "the header lacks \(missing.joined(separator: ", "))")])
        }
        return table
    }
}
