import Foundation
import Hummingbird

/// `/v1/countries/{cc}/reports/{year}`: save, read, submit, review, and the versions.
struct ReportRoutes {
    let reports: ReportService
    let metrics = ReportMetrics()

    func register(on country: RouterGroup<AppRequestContext>) {
        country.get("reports/{year}") { _, context in
            let (code, year) = try Self.key(context)
            guard let report = try await reports.report(country: code, year: year, logger: context.logger) else {
                throw DomainError.unknownReport(country: code, year: year)
            }
            return Self.response(report)
        }
        country.put("reports/{year}") { request, context in
            let (code, year) = try Self.key(context)
            let input = try await RequestBody<ReportInput>(request, context: context).value
            let (report, created) = try await reports.save(
                country: code,
                year: year,
                input,
                expecting: Self.expectedVersion(request),
                actor: AuditActor(try context.requireIdentity),
                logger: context.logger
            )
            return Self.response(
                report,
                status: created ? .created : .ok,
                location: created ? "/v1/countries/\(code)/reports/\(year)" : nil
            )
        }
        country.post("reports/{year}/submit") { request, context in
            let (code, year) = try Self.key(context)
            if try request.flagParameter("dry_run") {
                let answer = try await reports.checkSubmission(
                    country: code,
                    year: year,
                    expecting: Self.expectedVersion(request),
                    actor: AuditActor(try context.requireIdentity),
                    logger: context.logger
                )
                return try Response.json(answer, headers: [.eTag: "\"\(answer.version)\""])
            }
            let report = try await reports.submit(
                country: code,
                year: year,
                expecting: Self.expectedVersion(request),
                actor: AuditActor(try context.requireIdentity),
                logger: context.logger
            )
            metrics.submitted.increment()
            return Self.response(report)
        }
        country.group("reports/{year}/review").add(middleware: AccessPolicy.secretariat).post { request, context in
            let (code, year) = try Self.key(context)
            let input = try await RequestBody<ReviewInput>(request, context: context).value
            let report = try await reports.review(
                country: code,
                year: year,
                decision: input.decision,
                comment: input.comment,
                expecting: Self.expectedVersion(request),
                actor: AuditActor(try context.requireIdentity),
                logger: context.logger
            )
            (input.decision == .accept ? metrics.accepted : metrics.returned).increment()
            return Self.response(report)
        }
        country.get("reports/{year}/versions") { _, context in
            let (code, year) = try Self.key(context)
            struct List: Encodable { let versions: [VersionSummary] }
            return try Response.json(List(versions: try await reports.versions(country: code, year: year, logger: context.logger)))
        }
        country.get("reports/{year}/versions/{n}") { _, context in
            let (code, year) = try Self.key(context)
            let raw = context.parameters.get("n") ?? ""
            guard let version = try await reports.version(country: code, year: year, number: Int(raw) ?? 0, logger: context.logger) else {
                throw DomainError(.unknownVersion, "\(code)'s report for \(year) has no version \(raw).")
            }
            return try Response.json(version, headers: [.eTag: "\"\(version.version)\""])
        }
        country.get("reports/{year}/diff") { request, context in
            let (code, year) = try Self.key(context)
            let parameters = request.uri.queryParameters
            let query = try DiffQuery(from: parameters.get("from"), to: parameters.get("to"))
            return try Response.json(try await reports.diff(country: code, year: year, query, logger: context.logger))
        }
    }

    private static func key(_ context: AppRequestContext) throws -> (String, Int) {
        (try context.countryParameter(), try context.yearParameter())
    }

    /// `If-Match` as the version a change is based on. `"3", "4"` → ["3", "4"]; it
    /// compares strongly (RFC 9110 §13.1.1), so a weak tag (`W/"3"`) is kept as it
    /// is and never matches.
    static func expectedVersion(_ request: Request) -> ExpectedVersion {
        guard let header = request.headers[.ifMatch] else { return .unstated }
        return .oneOf(
            header.split(separator: ",").map { tag in
                let tag = tag.trimmingCharacters(in: .whitespaces)
                return tag.hasPrefix("W/") ? tag : tag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        )
    }

    /// A report answers with its version as ETag (docs/rules.md §2).
    private static func response(_ report: Report, status: HTTPResponse.Status = .ok, location: String? = nil) -> Response {
        var headers: HTTPFields = [.eTag: "\"\(report.version)\""]
        if let location { headers[.location] = location }
        return Response.json(body: report.jsonBody, status: status, headers: headers)
    }
}
