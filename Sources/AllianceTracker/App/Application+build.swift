import Foundation
import Hummingbird
import Logging
import Metrics
import PostgresNIO
import Prometheus

/// The one composition root: the executable and the tests both call it, and differ
/// only in the configuration they pass.
public func buildApplication(config: Config) throws -> some ApplicationProtocol {
    var logger = Logger(label: "alliance")
    logger.logLevel = config.logLevel
    let poolConfiguration = config.database.clientConfiguration(statementTimeout: config.statementTimeout)
    let pool = PostgresClient(configuration: poolConfiguration, backgroundLogger: logger)
    Gauge(label: "alliance_database_connections_max").record(poolConfiguration.options.maximumConnections)
    let database = Database(pool: pool)
    let supervisor = DatabaseSupervisor(
        database: database,
        initialPool: pool,
        poolConfiguration: poolConfiguration,
        url: config.database,
        logger: logger
    )
    let standby = config.replicaDatabase.map { standbySupervisor(for: database, at: $0, config: config, logger: logger) }
    let disclosure = Disclosure(minimumCountries: config.disclosureMinimumCountries)
    let publicReleases = AllianceTracker.publicReleases(
        primary: database,
        standby: standby?.database,
        disclosure: disclosure,
        clock: config.clock,
        indexLifetime: config.releaseIndexLifetime
    )
    let router = try buildRouter(
        database: database,
        standby: standby?.database,
        clock: config.clock,
        disclosure: disclosure,
        edge: config.edge,
        summaryCache: config.summaryCache ? LiveSummaryCache() : nil,
        publicReleases: publicReleases,
        licence: config.licence
    )
    let listener = ReleaseListener(url: config.database, releases: publicReleases, logger: logger)
    let metrics = MetricsListener.application(registry: config.metrics, edge: config.edge, logger: logger)
    return Application(
        responder: SecurityHeadersResponder(
            inner: DeadlineResponder(inner: router.buildResponder(), limit: config.requestTimeout, database: database)
        ),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "alliance-tracker"),
        services: [
            supervisor, metrics, IdempotencySweeper(service: IdempotencyService(database: database, clock: config.clock), logger: logger),
        ] + (standby.map { [$0] } ?? []) + (config.listensForReleases ? [listener] : []),
        logger: logger
    )
}

/// The standby's database, reading from `primary` while the standby is lost, and the
/// supervisor that runs its pool.
private func standbySupervisor(for primary: Database, at url: DatabaseURL, config: Config, logger: Logger) -> DatabaseSupervisor {
    var logger = logger
    logger[metadataKey: "database"] = "standby"
    let configuration = url.clientConfiguration(statementTimeout: config.statementTimeout)
    let pool = PostgresClient(configuration: configuration, backgroundLogger: logger)
    var supervisor = DatabaseSupervisor(
        database: Database(pool: pool, standbyFor: primary),
        initialPool: pool,
        poolConfiguration: configuration,
        url: url,
        logger: logger
    )
    supervisor.whileLost = "the public reads go to the primary until it is back"
    supervisor.reconnects = Counter(label: "alliance_standby_reconnects_total")
    return supervisor
}

/// The releases as the public sees them: read from the standby when there is one, with
/// reloads after a notification, and documents the standby lacks yet, from the primary.
private func publicReleases(
    primary: Database,
    standby: Database?,
    disclosure: Disclosure,
    clock: AppClock,
    indexLifetime: TimeInterval = 5
) -> PublicReleases {
    let reads = standby ?? primary
    return PublicReleases(
        database: reads,
        releases: ReleaseService(database: reads, disclosure: disclosure, clock: clock),
        clock: clock,
        primary: ReleaseService(database: primary, disclosure: disclosure, clock: clock),
        indexLifetime: indexLifetime
    )
}

/// `standby`: the streaming standby the public reads go to (falling back to `database`,
/// the primary); nil sends them to the primary.
func buildRouter(
    database: Database,
    standby: Database? = nil,
    clock: AppClock,
    disclosure: Disclosure = Disclosure(minimumCountries: 3),
    edge: EdgeConfig = EdgeConfig(),
    summaryCache: LiveSummaryCache? = LiveSummaryCache(),
    publicReleases: PublicReleases? = nil,
    licence: DataLicence = DataLicence()
) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    // middleware first: a route is built with the middleware added before it
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware())
    let tokens = TokenService(database: database, clock: clock)
    let limiter = AuthFailureLimiter(limit: edge.authFailureLimit)
    router.add(middleware: AuthenticationMiddleware(tokens: tokens, limiter: limiter, proxies: edge.trustedProxies, clock: clock))
    let publicReleases =
        publicReleases ?? AllianceTracker.publicReleases(primary: database, standby: standby, disclosure: disclosure, clock: clock)
    router.add(middleware: EmbargoCacheMiddleware(releases: publicReleases))
    let citation = Citation(licence: licence)
    router.add(middleware: LicenceLinkMiddleware(licence: licence))

    HealthRoutes(database: database, standby: standby).register(on: router)
    try OpenAPIRoutes().register(on: router)

    let v1 = router.group("v1")
    // public reads: the catalogue, public statistics and the pages; writes, token checks,
    // the secretariat's reads and the live summary stay on the primary
    let publicReads = standby ?? database
    let catalogue = CatalogueService(database: database, clock: clock)
    let publicCatalogue = CatalogueService(database: publicReads, clock: clock)
    let idempotency = Idempotency(database: database, clock: clock)
    CatalogueRoutes(catalogue: publicCatalogue).register(on: v1)
    MemberRoutes(members: MemberService(database: database, clock: clock)).register(on: v1)
    CycleRoutes(
        cycles: CycleService(database: database, clock: clock),
        publicCycles: CycleService(database: publicReads, clock: clock),
        idempotency: idempotency
    ).register(on: v1)
    WorklistRoutes(worklists: WorklistService(database: database, clock: clock)).register(on: v1)
    ExpectedReporterRoutes(expected: ExpectedReporterService(database: database, clock: clock), idempotency: idempotency).register(on: v1)
    let country = v1.group("countries/{cc}").add(middleware: AccessPolicy.countryScoped)
    CommitmentRoutes(commitments: CommitmentService(database: database, clock: clock), catalogue: catalogue, idempotency: idempotency)
        .register(on: country)
    ReportRoutes(reports: ReportService(database: database, clock: clock)).register(on: country)
    ImportRoutes(imports: ImportService(database: database, clock: clock)).register(on: v1)
    AuditRoutes(audit: AuditService(database: database)).register(on: v1)
    TokenRoutes(tokens: tokens, idempotency: idempotency).register(on: v1)
    let releases = ReleaseService(database: database, disclosure: disclosure, clock: clock)
    let statistics = PublicStatisticsService(database: publicReads, releases: publicReleases)
    SummaryRoutes(
        summaries: SummaryService(database: database, clock: clock, cache: summaryCache),
        releases: releases,
        idempotency: idempotency,
        publicReleases: publicReleases
    ).register(on: v1)
    PublicRoutes(releases: publicReleases, statistics: statistics, citation: citation).register(on: v1)
    ReleaseFeedRoutes(feed: ReleaseListService(releases: publicReleases, citation: citation)).register(on: v1)
    PublicDownloadRoutes(releases: publicReleases, statistics: statistics, citation: citation).register(on: v1)
    SDMXRoutes(sdmx: SDMXService(releases: publicReleases, catalogue: publicCatalogue, clock: clock)).register(on: v1)
    TargetRoutes(targets: TargetService(database: database, clock: clock, releases: publicReleases), catalogue: catalogue)
        .register(on: v1, country: country)
    DashboardRoutes(
        releases: publicReleases,
        statistics: statistics,
        catalogue: publicCatalogue,
        minimumCountries: disclosure.minimumCountries,
        citation: citation
    ).register(on: router)

    router.addMethodNotAllowedRoutes()
    return router
}
