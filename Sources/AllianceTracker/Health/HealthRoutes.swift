import Hummingbird
import Logging

/// `/healthz`: the process answers. `/readyz`: it can serve the public reads, from the
/// primary or the standby; `/readyz?writes=true`: the primary answers, so it can write.
struct HealthRoutes {
    let database: Database
    /// The standby for the public reads, when one is configured.
    let standby: Database?
    let repository = HealthRepository()

    /// How long /readyz waits for a database before calling it unreachable.
    static let readinessTimeout: Duration = .seconds(2)

    struct Status: ResponseEncodable {
        let status: String
    }

    struct Ready: ResponseEncodable {
        let status: String
        let primary: Readiness.Reach
        let standby: Readiness.Reach
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("healthz") { _, _ in Status(status: "ok") }
        router.get("readyz") { request, context in
            let purpose: Readiness.Purpose = try request.flagParameter("writes") ? .writes : .publicReads
            let readiness = await check(logger: context.logger)
            guard readiness.isReady(for: purpose) else {
                throw DomainError(.databaseUnavailable, readiness.refusal(for: purpose))
            }
            return Ready(status: "ready", primary: readiness.primary, standby: readiness.standby)
        }
    }

    /// Asks both databases at once, each on its own pool.
    private func check(logger: Logger) async -> Readiness {
        async let primary = reach(database, name: "primary", logger: logger)
        var standbyReach = Readiness.Reach.notConfigured
        if let standby { standbyReach = await reach(standby, name: "standby", logger: logger) }
        return Readiness(primary: await primary, standby: standbyReach)
    }

    private func reach(_ database: Database, name: String, logger: Logger) async -> Readiness.Reach {
        do {
            try await withTimeout(Self.readinessTimeout) { [repository] in
                try await repository.ping(database, logger: logger)
            }
            return .reachable
        } catch {
            logger.warning("\(name) database not reachable", metadata: ["error": "\(String(reflecting: error))"])
            return .unreachable
        }
    }
}
