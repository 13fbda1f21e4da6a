import AllianceTracker
import ArgumentParser
import Foundation
import Logging

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bulk-load report values for many countries from a CSV file, all or nothing.",
        discussion: """
            Columns: country,indicator,value,not_available,note,source,nature. Each country's report gets its next version; \
            with --submit it is submitted, with --accept also accepted, all in the one transaction.
            """
    )

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The reporting year.") var year: Int
    @Flag(help: "Check everything, store nothing.") var dryRun = false
    @Flag(help: "Also submit each report the file touched, through the submission checks.") var submit = false
    @Flag(help: "Also accept each report the file touched (needs --submit and --comment).") var accept = false
    @Option(help: "The secretariat's comment, recorded with each acceptance.") var comment: String?

    /// `--accept` needs `--submit` and a comment: refused before connecting (exit 64).
    func validate() throws {
        guard accept else { return }
        if !submit { throw ValidationError("--accept needs --submit: only a submitted report is accepted") }
        if comment?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
            throw ValidationError("--accept needs --comment TEXT, recorded with each acceptance")
        }
    }

    func run() async throws {
        let config = try loadConfig()
        let logger = Logger(label: "alliance.import")
        let progress = ProgressBar(label: dryRun ? "checking" : "importing")
        defer { progress.finish() }
        let summary = try await failing {
            try await withDatabase(config.database, logger: logger) { database in
                try await ReportImporter(year: year, dryRun: dryRun, submit: submit, accept: accept, comment: comment).run(
                    file: URL(fileURLWithPath: file),
                    database: database,
                    logger: logger,
                    progress: progress.update
                )
            }
        }
        let verb = summary.dryRun ? "would import" : "imported"
        let note = summary.dryRun ? " (dry run: nothing stored)" : ""
        let finished = summary.submitted == 0 ? "" : ", \(summary.submitted) submitted, \(summary.accepted) accepted"
        print("import: \(verb) \(summary.values) values for \(summary.countries) countries into \(year)\(finished)\(note)")
    }
}
