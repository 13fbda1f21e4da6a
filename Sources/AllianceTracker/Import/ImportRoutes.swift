import Hummingbird

/// `POST /v1/imports?year=Y[&dry_run=true&submit=true&accept=true&comment=…]`: the
/// secretariat's CSV import (`text/csv`, up to 10 MiB, no request deadline: `BulkUpload`).
struct ImportRoutes {
    let imports: ImportService

    func register(on v1: RouterGroup<AppRequestContext>) {
        v1.group("imports").add(middleware: AccessPolicy.secretariat).post { request, context in
            let text = try await Self.csvText(request)
            let options = ImportService.Options(
                year: try Self.year(request),
                dryRun: try request.flagParameter("dry_run"),
                submit: try request.flagParameter("submit"),
                accept: try request.flagParameter("accept"),
                comment: request.formParameter("comment")
            )
            let actor = AuditActor(try context.requireIdentity)
            return try Response.json(try await imports.run(text, options, actor: actor, logger: context.logger))
        }
    }

    /// `year`: required, a cycle's year (2012–2100).
    private static func year(_ request: Request) throws -> Int {
        guard let raw = request.formParameter("year"), let year = Int(raw), (2012...2100).contains(year) else {
            throw DomainError.invalidParameter("year", "the reporting year, from 2012 to 2100, is required")
        }
        return year
    }

    /// The body as CSV text: 415 unless `text/csv`; 422 unless UTF-8 without NUL.
    private static func csvText(_ request: Request) async throws -> String {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "text/csv" else {
            throw Problem(.unsupportedMediaType, detail: "An import is a CSV file: send it with Content-Type: text/csv.")
        }
        let body = try await request.body.collect(upTo: BulkUpload.maximumBodyBytes)
        guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
            throw Problem.notCSV("The body is not UTF-8 text.")
        }
        guard !text.unicodeScalars.contains("\0") else {
            throw Problem.notCSV("The body holds a NUL character: it is not a CSV file.")
        }
        return text
    }
}
