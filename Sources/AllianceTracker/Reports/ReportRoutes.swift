import Foundation
import Hummingbird
import PostgresNIO

/// `/v1/countries/{cc}/reports/{year}`: save, read, submit, review, and the versions.
struct ReportRoutes {
    let database: Database
    let clock: AppClock
    let metrics = ReportMetrics()

    struct ReviewInput: Decodable, Sendable {
        var decision: ReportLifecycle.Decision
        var comment: String?
    }

    func register(on country: RouterGroup<AppRequestContext>) {
        country.get("reports/{year}") { _, context in
            let (code, year) = try Self.key(context)
            let report = try await database.withConnection { connection in
                try await ReportStore.report(country: code, year: year, on: connection, logger: context.logger)
            }
            guard let report else { throw DomainError.unknownReport(country: code, year: year) }
            return try Self.response(report)
        }
        country.put("reports/{year}") { request, context in
            let (code, year) = try Self.key(context)
            let input = try await RequestBody<ReportInput>(request, context: context).value
            let actor = AuditActor(try context.requireIdentity)
            let (report, created) = try await database.connectionTransaction(logger: context.logger) { connection in
                let content = try await ReportValidator.load(on: connection, logger: context.logger).validate(input)
                return try await ReportWriter(connection: connection, logger: context.logger, actor: actor, now: clock.now())
                    .save(country: code, year: year, content, precondition: Precondition(request))
            }
            return try Self.response(report, status: created ? .created : .ok,
                                     location: created ? "/v1/countries/\(code)/reports/\(year)" : nil)
        }
        country.post("reports/{year}/submit") { request, context in
            let (code, year) = try Self.key(context)
            let report = try await lifecycle(context) { try await $0.submit(country: code, year: year, precondition: Precondition(request)) }
            metrics.submitted.increment()
            return try Self.response(report)
        }
        country.group("reports/{year}/review").add(middleware: AccessPolicy.secretariat).post { request, context in
            let (code, year) = try Self.key(context)
            let input = try await RequestBody<ReviewInput>(request, context: context).value
            let report = try await lifecycle(context) {
                try await $0.review(country: code, year: year, decision: input.decision, comment: input.comment,
                                    precondition: Precondition(request))
            }
            (input.decision == .accept ? metrics.accepted : metrics.returned).increment()
            return try Self.response(report)
        }
        country.get("reports/{year}/versions") { _, context in
            let (code, year) = try Self.key(context)
            let versions = try await database.withConnection { connection in
                try await ReportStore.versions(country: code, year: year, on: connection, logger: context.logger)
            }
            guard let versions else { throw DomainError.unknownReport(country: code, year: year) }
            struct List: Encodable { let versions: [VersionSummary] }
            return try Response.json(List(versions: versions))
        }
        country.get("reports/{year}/versions/{n}") { _, context in
            let (code, year) = try Self.key(context)
            let number = Int(context.parameters.get("n") ?? "") ?? 0
            let version = try await database.withConnection { connection in
                try await ReportStore.version(country: code, year: year, version: number, on: connection, logger: context.logger)
            }
            guard let version else {
                throw DomainError(.unknownVersion, "\(code)'s report for \(year) has no version \(context.parameters.get("n") ?? "").")
            }
            return try Response.json(version, headers: [.eTag: "\"\(version.version)\""])
        }
    }

    private func lifecycle(
        _ context: AppRequestContext, _ change: @Sendable (ReportLifecycle) async throws -> Report
    ) async throws -> Report {
        let actor = AuditActor(try context.requireIdentity)
        return try await database.connectionTransaction(logger: context.logger) { connection in
            try await change(ReportLifecycle(connection: connection, logger: context.logger, actor: actor, now: clock.now()))
        }
    }

    private static func key(_ context: AppRequestContext) throws -> (String, Int) {
        (try context.countryParameter(), try context.yearParameter())
    }

    /// A report answers with its version as ETag (SPEC §2).
    private static func response(_ report: Report, status: HTTPResponse.Status = .ok, location: String? = nil) throws -> Response {
        var headers: HTTPFields = [.eTag: "\"\(report.version)\""]
        if let location { headers[.location] = location }
        return try Response.json(report, status: status, headers: headers)
    }
}
