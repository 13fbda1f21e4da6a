import Hummingbird
import PostgresNIO

/// `/v1/cycles/{year}`: read by anyone, set by the secretariat; and its lock exceptions.
struct CycleRoutes {
    let cycles: CycleStore
    let idempotency: Idempotency
    let clock: AppClock

    func register(on v1: RouterGroup<AppRequestContext>) {
        v1.get("cycles/{year}") { request, context in
            let year = try context.yearParameter()
            guard let cycle = try await cycles.cycle(year, logger: context.logger) else { throw DomainError.unknownCycle(year) }
            return try CacheableResponse.json(cycle, for: request)
        }
        let secretariat = v1.group("cycles/{year}").add(middleware: AccessPolicy.secretariat)
        secretariat.put { request, context in
            let year = try context.yearParameter()
            let input = try await RequestBody<CycleInput>(request, context: context).value
            let (cycle, created) = try await cycles.put(year, input, actor: AuditActor(try context.requireIdentity), logger: context.logger)
            return try Response.json(cycle, status: created ? .created : .ok,
                                     headers: created ? [.location: "/v1/cycles/\(year)"] : [:])
        }
        secretariat.post("exceptions") { request, context in
            let year = try context.yearParameter()
            let body = try await RequestBody<LockExceptionInput>(request, context: context)
            let actor = AuditActor(try context.requireIdentity)
            guard try await cycles.cycle(year, logger: context.logger) != nil else { throw DomainError.unknownCycle(year) }
            return try await idempotency.perform(request, body: body.bytes, context: context) { [clock, logger = context.logger] connection in
                let granted = try await CycleStore.grantException(
                    year, body.value, now: clock.now(), actor: actor, on: connection, logger: logger
                )
                // an exception has no address of its own: point to the cycle it belongs to
                return try .created(granted, location: "/v1/cycles/\(year)")
            }
        }
    }
}

extension DomainError {
    static func unknownCycle(_ year: Int) -> DomainError {
        DomainError(.unknownCycle, "There is no reporting cycle for \(year); the secretariat opens one with PUT /v1/cycles/\(year).")
    }
}
