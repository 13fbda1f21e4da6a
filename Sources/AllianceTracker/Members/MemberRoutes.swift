import Hummingbird

/// The secretariat's changes to members: `POST /v1/countries`, `PATCH /v1/countries/{cc}`,
/// and a country's membership periods. Reading them is the catalogue's (`CatalogueRoutes`).
struct MemberRoutes {
    let members: MemberService

    func register(on v1: RouterGroup<AppRequestContext>) {
        v1.group("countries").add(middleware: AccessPolicy.secretariat).post { request, context in
            let body = try await RequestBody<NewCountryRequest>(request, context: context).value
            let actor = AuditActor(try context.requireIdentity)
            let created = try await members.addCountry(body.country, reason: body.reason, actor: actor, logger: context.logger)
            return try Response.json(created, status: .created, headers: [.location: "/v1/countries/\(body.country.code)"])
        }
        let country = v1.group("countries/{cc}").add(middleware: AccessPolicy.secretariat)
        country.patch { request, context in
            let code = try context.countryParameter()
            let patch = try await RequestBody<[String: JSONValue]>(request, context: context, decoder: JSONCoding.plainDecoder).value
            let actor = AuditActor(try context.requireIdentity)
            return try Response.json(try await members.updateCountry(code, patch: patch, actor: actor, logger: context.logger))
        }
        country.post("memberships") { request, context in
            let code = try context.countryParameter()
            let body = try await RequestBody<JoinRequest>(request, context: context).value
            let actor = AuditActor(try context.requireIdentity)
            let period = try await members.join(
                country: code,
                joinedOn: body.joinedOn,
                leftOn: body.leftOn,
                reason: body.reason,
                actor: actor,
                logger: context.logger
            )
            // a period has no address of its own: point to its country
            return try Response.json(period, status: .created, headers: [.location: "/v1/countries/\(code)"])
        }
        country.patch("memberships/{id}") { request, context in
            let code = try context.countryParameter()
            let raw = context.parameters.get("id") ?? ""
            guard let id = Int64(raw), id > 0 else { throw DomainError(.unknownMembership, "There is no membership period '\(raw)' here.") }
            let body = try await RequestBody<LeaveRequest>(request, context: context).value
            let actor = AuditActor(try context.requireIdentity)
            let period = try await members.end(country: code, id: id, leftOn: body.leftOn, reason: body.reason, actor: actor, logger: context.logger)
            return try Response.json(period)
        }
    }
}
