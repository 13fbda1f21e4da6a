import Hummingbird
import Logging

/// `/healthz`: the process answers. `/readyz`: the database answers too.
struct HealthRoutes {
    let database: Database
    let repository = HealthRepository()

    /// How long /readyz waits for the database before saying it is unavailable.
    static let readinessTimeout: Duration = .seconds(2)

    struct Status: ResponseEncodable {
        let status: String
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("healthz") { _, _ in Status(status: "ok") }
        router.get("readyz") { _, context in
            try await checkDatabase(logger: context.logger)
            return Status(status: "ready")
        }
    }

    private func checkDatabase(logger: Logger) async throws {
        do {
            try await withTimeout(Self.readinessTimeout) { [database, repository] in
                try await repository.ping(database, logger: logger)
            }
        } catch {
            logger.warning("database not reachable", metadata: ["error": "\(String(reflecting: error))"])
            throw DomainError.databaseUnavailable
        }
    }
}
