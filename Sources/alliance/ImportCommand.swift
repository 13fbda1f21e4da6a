import AllianceTracker
import ArgumentParser
import Foundation
import Logging

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bulk-load report values for many countries from a CSV file, all or nothing.",
        discussion: "Columns: country,indicator,value,not_available,note,source,nature. Each country's report gets its next version."
    )

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The reporting year.") var year: Int
    @Flag(help: "Check everything, store nothing.") var dryRun = false

    func run() async throws {
        let config = try loadConfig()
        let logger = Logger(label: "alliance.import")
        let progress = ProgressBar(label: dryRun ? "checking" : "importing")
        defer { progress.finish() }
        let summary = try await failing {
            try await withDatabase(config.database, logger: logger) { database in
                try await ReportImporter(year: year, dryRun: dryRun).run(
                    file: URL(fileURLWithPath: file),
                    database: database,
                    logger: logger,
                    progress: progress.update
                )
            }
        }
        let verb = summary.dryRun ? "would import" : "imported"
        let note = summary.dryRun ? " (dry run: nothing stored)" : ""
        print("import: \(verb) \(summary.values) values for \(summary.countries) countries into \(year)\(note)")
    }
}
