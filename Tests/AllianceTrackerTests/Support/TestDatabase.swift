import AllianceTracker
import Foundation
import Logging
import Metrics
import PostgresNIO
import Prometheus

/// Each test gets its own database, cloned from a template that the suite migrates
/// and seeds once. `scripts/test` starts the cluster and sets TEST_DATABASE_URL.
enum TestDatabase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sqlDirectory = repositoryRoot.appendingPathComponent("sql")
    static let seedDirectory = repositoryRoot.appendingPathComponent("seed-data")
    static let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }()

    static let adminURL: DatabaseURL = {
        guard let raw = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], let url = try? DatabaseURL(raw) else {
            fatalError("TEST_DATABASE_URL is not set: run the tests with ./scripts/test")
        }
        return url
    }()

    /// The migrated and seeded template, made once per test process.
    private static let template = Task<String, any Error> {
        let name = "template_\(getpid())"
        let admin = try LibPQConnection(url: adminURL)
        try admin.execute("DROP DATABASE IF EXISTS \(name)")
        try admin.execute("CREATE DATABASE \(name)")
        let url = adminURL.with(database: name)
        try Migrator(directory: sqlDirectory).migrate(url)
        // the cluster's one service role, as `alliance migrate` makes it (trust: no password)
        try ServiceRole().ensure(owner: url, password: nil)
        _ = try await withDatabase(url, logger: logger) { client in
            try await Seeder(directory: seedDirectory).seed(client, logger: logger)
        }
        return name
    }

    enum Content {
        /// Migrated and seeded.
        case seeded
        /// Nothing at all: for testing the migrations themselves.
        case empty
    }

    /// Runs `body` with the address of a new database, dropped afterwards.
    static func withFreshDatabase<T>(_ content: Content = .seeded, _ body: (DatabaseURL) async throws -> T) async throws -> T {
        try await DatabaseSlots.withSlot { try await withOwnDatabase(content, body) }
    }

    private static func withOwnDatabase<T>(_ content: Content, _ body: (DatabaseURL) async throws -> T) async throws -> T {
        // the template also makes the service role, which every test's app connects as
        let template = try await template.value
        let source =
            switch content {
            case .seeded: template
            case .empty: "template0"
            }
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try LibPQConnection(url: adminURL).execute("CREATE DATABASE \(name) TEMPLATE \(source)")
        let url = adminURL.with(database: name)
        do {
            let result = try await body(url)
            try drop(name)
            return result
        } catch {
            try? drop(name)
            throw error
        }
    }

    private static func drop(_ name: String) throws {
        try LibPQConnection(url: adminURL).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// A configuration for the application under test, on `url`.
    /// The process's one metrics registry: swift-metrics can be bootstrapped once, so
    /// all tests share it, but for a test that gives its own (`ScopedMetricsFactory`).
    static let metrics: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(ScopedMetricsFactory(shared: prometheusMetricsFactory(into: registry)))
        return registry
    }()

    /// The same database, as the service role: what the app under test connects as.
    static func asService(_ url: DatabaseURL) -> DatabaseURL {
        var service = url
        service.username = ServiceRole().name
        service.password = nil
        return service
    }

    /// The app connects as the service role; `url` (the owner) migrates and seeds.
    static func config(_ url: DatabaseURL) -> Config {
        var config = Config(
            database: asService(url),
            migrationDatabase: url,
            port: 0,
            logLevel: .warning,
            sqlDirectory: sqlDirectory,
            seedDirectory: seedDirectory,
            metrics: metrics
        )
        // The service's 5 s deadline is a timing: with the suite's tests in parallel on a
        // loaded machine, an ordinary request has passed it (503 timed_out). A test never
        // fails on a timing, so the tests get a deadline they do not meet; the tests of
        // the deadline itself set their own.
        config.requestTimeout = .seconds(120)
        // the metrics listener runs beside every test application: on a free port
        config.edge.metricsPort = 0
        return config
    }
}
