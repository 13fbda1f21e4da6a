import Hummingbird
import Logging
import PostgresNIO

/// The one composition root: the executable and the tests both call it, and differ
/// only in the configuration they pass.
public func buildApplication(config: Config) throws -> some ApplicationProtocol {
    var logger = Logger(label: "alliance")
    logger.logLevel = config.logLevel
    let database = PostgresClient(configuration: config.database.clientConfiguration(), backgroundLogger: logger)
    let router = try buildRouter(database: database)
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "alliance-tracker"),
        services: [database],
        logger: logger
    )
}

func buildRouter(database: PostgresClient) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: RequestSizeLimitMiddleware())

    HealthRoutes(database: database).register(on: router)
    try OpenAPIRoutes().register(on: router)
    let v1 = router.group("v1")
    CatalogueRoutes(repository: CatalogueRepository(database: database)).register(on: v1)
    router.addMethodNotAllowedRoutes()
    return router
}
