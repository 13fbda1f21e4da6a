import Logging
import PostgresNIO
import ServiceLifecycle

/// Keeps `PublicReleases` told of every publication, on any instance, as it commits:
/// a connection of its own to the primary (a hot standby refuses LISTEN) listens on
/// `ReleaseRepository.channel`, and each notification reloads the list in full from
/// the primary. After every (re)connect it listens again and reloads, since a release
/// may have been published while it was away. Polling stays as the fallback.
struct ReleaseListener: Service {
    /// The primary: `Config.database`.
    let url: DatabaseURL
    let releases: PublicReleases
    let logger: Logger
    /// The wait before reconnecting, doubled after each failure up to `longestWait`.
    var firstWait: Duration = .milliseconds(250)
    var longestWait: Duration = .seconds(5)
    /// The listening session's `application_name`.
    static let applicationName = "alliance release listener"
    /// How often the listening connection is pinged, and how long a ping may take.
    var pingInterval: Duration = .seconds(10)
    var pingTimeout: Duration = .seconds(2)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var wait = firstWait
            var outage = false
            while !Task.isCancelled {
                do {
                    try await listen {
                        if outage { logger.notice("listening for releases again") }
                        (outage, wait) = (false, firstWait)
                    }
                } catch {
                    if Task.isCancelled { return }
                    if !outage {
                        // once per outage, not per attempt
                        logger.warning("not listening for releases: polling until back", metadata: ["error": "\(String(reflecting: error))"])
                        outage = true
                    }
                }
                do { try await Task.sleep(for: wait) } catch { return }
                wait = min(wait * 2, longestWait)
            }
        }
    }

    /// Connects, listens and reloads, then reloads on each notification until the
    /// connection drops (throws) or the task is cancelled.
    private func listen(connected: () -> Void) async throws {
        var configuration = try url.connectionConfiguration()
        // named, so that an operator (and a test) can tell it in pg_stat_activity
        configuration.options.additionalStartupParameters.append(("application_name", Self.applicationName))
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        // closing what the server dropped must not hold the listener up (as `DatabaseSupervisor.close`)
        defer { Task { _ = try? await withTimeout(.seconds(1)) { try await connection.close() } } }
        try await connection.listen(on: ReleaseRepository.channel) { notifications in
            // LISTEN is in place: whatever commits from now on is heard
            try await releases.reload(logger: logger)
            connected()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await notification in notifications {
                        logger.debug("release published", metadata: ["release": "\(notification.payload)"])
                        try await releases.reload(logger: logger)
                    }
                }
                group.addTask { try await keepAlive(connection) }
                // whichever ends first ends the connection: both end only by failing
                try await group.next()
                group.cancelAll()
            }
        }
        throw ListenerClosed()
    }

    /// Pings the connection now and then: a primary that vanished without closing it
    /// (a crashed host, a partition, a failover behind an address) never ends the
    /// notifications, and the listener would wait on it for good.
    private func keepAlive(_ connection: PostgresConnection) async throws {
        while true {
            try await Task.sleep(for: pingInterval)
            try await withTimeout(pingTimeout) { [logger] in try await HealthRepository().ping(connection, logger: logger) }
        }
    }

    private struct ListenerClosed: Error {}
}
