import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// Keeps a `Database` served by a pool that works.
///
/// It watches PostgreSQL over a connection of its own. When that fails, it takes the
/// pool away, so that requests get 503 at once rather than waiting, and shuts the pool
/// down, which fails the requests queued in it. As soon as a new connection succeeds
/// it puts a fresh pool in place: PostgresNIO's own pool would retry on a backoff that
/// grows to a minute, and the service must be back within seconds of the database.
struct DatabaseSupervisor: Service {
    let database: Database
    /// The pool the database starts with; the supervisor runs it.
    let initialPool: PostgresClient
    /// How each fresh pool is made.
    let poolConfiguration: PostgresClient.Configuration
    let url: DatabaseURL
    let logger: Logger
    /// What the service does while this database is lost, for the log.
    var whileLost = "answering 503 until it is back"
    /// How often the watch connection is pinged, and how long a ping may take.
    var pingInterval: Duration = .seconds(1)
    var pingTimeout: Duration = .seconds(2)
    /// How often a lost database is tried again.
    var retryInterval: Duration = .milliseconds(250)

    /// Counts the fresh pools put in place; the standby's has a name of its own. Made
    /// with the supervisor, so that it is exported (at 0) before any outage.
    var reconnects = Counter(label: "alliance_database_reconnects_total")

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var pool = initialPool
            while !Task.isCancelled {
                await withDiscardingTaskGroup { [pool] group in
                    group.addTask { await pool.run() }
                    database.attach(pool)
                    await watch()
                    database.detach()
                    group.cancelAll()
                }
                if Task.isCancelled { return }
                logger.error("database unreachable: \(whileLost)")
                guard await waitUntilReachable() else { return }
                pool = PostgresClient(configuration: poolConfiguration, backgroundLogger: logger)
                reconnects.increment()
                logger.notice("database reachable again: serving")
            }
        }
    }

    /// Returns when the database stops answering (or the task is cancelled). A watch
    /// connection that drops is replaced at once; the database is lost only when a
    /// new one cannot be made.
    private func watch() async {
        while !Task.isCancelled {
            guard let connection = try? await connect() else { return }
            while await isAnswering(connection) {}
            await close(connection)
        }
    }

    /// Watches for up to `pingInterval` whether the server closed the connection
    /// (PostgreSQL closes its connections when it stops), then pings it: a query on a
    /// connection that is gone may never be answered, hence the timeout.
    private func isAnswering(_ connection: PostgresConnection) async -> Bool {
        let end = ContinuousClock.now + pingInterval
        while ContinuousClock.now < end {
            if connection.isClosed || Task.isCancelled { return false }
            do { try await Task.sleep(for: .milliseconds(50)) } catch { return false }
        }
        do {
            try await withTimeout(pingTimeout) { [logger] in
                try await HealthRepository().ping(connection, logger: logger)
            }
            return true
        } catch {
            return false
        }
    }

    /// Tries to connect until it succeeds (true) or the task is cancelled (false),
    /// saying why it cannot, now and then: a wrong password looks like an outage.
    private func waitUntilReachable() async -> Bool {
        var lastReport: ContinuousClock.Instant?
        while !Task.isCancelled {
            do {
                await close(try await connect())
                return true
            } catch {
                if lastReport.map({ $0.duration(to: .now) > .seconds(30) }) ?? true {
                    logger.error("cannot connect to the database", metadata: ["error": "\(String(reflecting: error))"])
                    lastReport = .now
                }
            }
            do { try await Task.sleep(for: retryInterval) } catch { return false }
        }
        return false
    }

    /// Closing what the server already dropped must not hold up the watch; the
    /// closing task keeps the connection until it is closed (PostgresNIO insists).
    private func close(_ connection: PostgresConnection) async {
        _ = try? await withTimeout(.seconds(1)) { try await connection.close() }
    }

    private func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(configuration: try url.connectionConfiguration(), id: 0, logger: logger)
    }
}
