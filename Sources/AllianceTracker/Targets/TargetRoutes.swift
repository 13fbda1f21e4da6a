import Hummingbird

/// `POST /v1/targets` and `PATCH /v1/targets/{id}` for the secretariat (listing them
/// is the catalogue's, public), and `GET /v1/countries/{cc}/targets?year=` for the
/// country itself and the secretariat.
struct TargetRoutes {
    let targets: TargetService
    let catalogue: CatalogueService

    func register(on v1: RouterGroup<AppRequestContext>, country: RouterGroup<AppRequestContext>) {
        v1.group("targets").add(middleware: AccessPolicy.secretariat).post { request, context in
            let body = try await RequestBody<NewTargetRequest>(request, context: context).value
            let actor = AuditActor(try context.requireIdentity)
            let created = try await targets.create(body.target, reason: body.reason, actor: actor, logger: context.logger)
            return try Response.json(created, status: .created, headers: [.location: "/v1/targets/\(created.id)"])
        }
        v1.group("targets/{id}").add(middleware: AccessPolicy.secretariat).patch { request, context in
            let id = try context.parameters.require("id")
            let patch = try await RequestBody<[String: JSONValue]>(request, context: context, decoder: JSONCoding.plainDecoder).value
            let actor = AuditActor(try context.requireIdentity)
            return try Response.json(try await targets.update(id, patch: patch, actor: actor, logger: context.logger))
        }
        country.get("targets") { request, context in
            let code = try context.countryParameter()
            try await catalogue.requireCountry(code, logger: context.logger)
            let year = try Self.year(request)
            return try Response.json(try await targets.countryView(code, year: year, logger: context.logger))
        }
    }

    /// `?year=`, required: a cycle year from 2000 to 2100.
    static func year(_ request: Request) throws -> Int {
        let raw = request.uri.queryParameters["year"].map(String.init) ?? ""
        guard let year = Int(raw), (2000...2100).contains(year) else {
            throw DomainError.invalidParameter("year", "must be a year from 2000 to 2100, not '\(raw)'")
        }
        return year
    }
}
