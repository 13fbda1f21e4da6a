import Hummingbird

/// `/v1/cycles/{year}/expected`: the secretariat's view of a cycle's expected
/// reporters, and its explicit additions and removals.
struct ExpectedReporterRoutes {
    let expected: ExpectedReporterService
    let idempotency: Idempotency

    func register(on v1: RouterGroup<AppRequestContext>) {
        let group = v1.group("cycles/{year}/expected").add(middleware: AccessPolicy.secretariat)
        group.get { _, context in
            try Response.json(try await expected.list(try context.yearParameter(), logger: context.logger))
        }
        group.post { request, context in
            let year = try context.yearParameter()
            let body = try await RequestBody<ExpectedReporterInput>(request, context: context)
            let actor = AuditActor(try context.requireIdentity)
            // an unknown cycle is 404 before the Idempotency-Key is looked at
            try await expected.requireCycle(year, logger: context.logger)
            return try await idempotency.perform(request, body: body.bytes, context: context) { [logger = context.logger] session in
                let added = try await expected.add(year, body.value, actor: actor, in: session, logger: logger)
                return try .created(added, location: "/v1/cycles/\(year)/expected")
            }
        }
        group.delete("{cc}") { request, context in
            let year = try context.yearParameter()
            let country = try context.countryParameter()
            let reason = request.reasonParameter
            let actor = AuditActor(try context.requireIdentity)
            return try Response.json(try await expected.remove(year, country: country, reason: reason, actor: actor, logger: context.logger))
        }
    }
}
