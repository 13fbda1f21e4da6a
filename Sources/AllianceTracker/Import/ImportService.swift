import Logging

/// `POST /v1/imports`: the command line's import, run for a secretariat token on the
/// CSV text of the request (the same `ReportImporter`, so the same answers).
struct ImportService: Sendable {
    let database: Database
    let clock: AppClock

    struct Options: Sendable {
        var year: Int
        var dryRun: Bool
        var submit: Bool
        var accept: Bool
        var comment: String?
    }

    func run(_ text: String, _ options: Options, actor: AuditActor, logger: Logger) async throws -> ReportImporter.Summary {
        let importer = ReportImporter(
            year: options.year,
            dryRun: options.dryRun,
            submit: options.submit,
            accept: options.accept,
            comment: options.comment,
            clock: clock,
            actor: actor
        )
        return try await importer.run(text: text, database: database, logger: logger)
    }
}
