import Hummingbird

/// `/v1/cycles/{year}`: read by anyone, set by the secretariat; and its lock exceptions.
/// `/v1/cycles`, the list of every year with its counts, is the secretariat's.
struct CycleRoutes {
    let cycles: CycleService
    /// The same, on the database of the public reads (the standby, when there is one).
    let publicCycles: CycleService
    let idempotency: Idempotency

    func register(on v1: RouterGroup<AppRequestContext>) {
        v1.get("cycles/{year}") { request, context in
            try CacheableResponse.json(try await publicCycles.cycle(try context.yearParameter(), logger: context.logger), for: request)
        }
        v1.group("cycles").add(middleware: AccessPolicy.secretariat).get { _, context in
            try Response.json(["cycles": try await cycles.list(logger: context.logger)])
        }
        let secretariat = v1.group("cycles/{year}").add(middleware: AccessPolicy.secretariat)
        secretariat.put { request, context in
            let year = try context.yearParameter()
            let input = try await RequestBody<CycleInput>(request, context: context).value
            let (cycle, created) = try await cycles.put(year, input, actor: AuditActor(try context.requireIdentity), logger: context.logger)
            return try Response.json(
                cycle,
                status: created ? .created : .ok,
                headers: created ? [.location: "/v1/cycles/\(year)"] : [:]
            )
        }
        secretariat.post("exceptions") { request, context in
            let year = try context.yearParameter()
            let body = try await RequestBody<LockExceptionInput>(request, context: context)
            let actor = AuditActor(try context.requireIdentity)
            // an unknown cycle is 404 before the Idempotency-Key is looked at
            _ = try await cycles.cycle(year, logger: context.logger)
            return try await idempotency.perform(request, body: body.bytes, context: context) { [logger = context.logger] session in
                let granted = try await cycles.grantException(year, body.value, actor: actor, in: session, logger: logger)
                // an exception has no address of its own: point to the cycle it belongs to
                return try .created(granted, location: "/v1/cycles/\(year)")
            }
        }
        secretariat.get("exceptions") { _, context in
            try Response.json(["exceptions": try await cycles.exceptions(try context.yearParameter(), logger: context.logger)])
        }
        secretariat.delete("exceptions/{id}") { request, context in
            let year = try context.yearParameter()
            guard let id = Int64(context.parameters.get("id") ?? ""), id > 0 else {
                throw DomainError.unknownException(year: year)
            }
            let reason = request.reasonParameter
            let actor = AuditActor(try context.requireIdentity)
            return try Response.json(try await cycles.revokeException(year, id: id, reason: reason, actor: actor, logger: context.logger))
        }
    }
}
