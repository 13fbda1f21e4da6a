import Foundation
import Logging
import Prometheus

/// Everything the service reads from its environment, read once at start.
public struct Config: Sendable {
    /// The service's connection (DATABASE_URL), as the service role, which owns nothing.
    public var database: DatabaseURL
    /// A streaming standby for the public reads (DATABASE_REPLICA_URL), as the service
    /// role; nil: everything goes to `database`.
    public var replicaDatabase: DatabaseURL?
    /// The owner's connection for `migrate` and `seed`: MIGRATION_DATABASE_URL, else DATABASE_URL.
    public var migrationDatabase: DatabaseURL
    /// The login role `migrate` creates for the service and makes a member of `alliance_app`.
    public var serviceRole: ServiceRole
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    /// `text` for people, `json` (one object a line) for log collectors.
    public var logFormat: LogFormat
    /// Folder of the numbered migration files.
    public var sqlDirectory: URL
    /// Folder of the seed files.
    public var seedDirectory: URL
    /// What time it is: the system's, except in tests.
    public var clock: AppClock
    /// Public figures from fewer countries than this are withheld.
    public var disclosureMinimumCountries: Int
    /// A request not answered within this gets 503.
    public var requestTimeout: Duration
    /// Whether repeats of a live summary are served from memory while the data
    /// version stays (`SUMMARY_CACHE=on|off`, on by default; off to measure the cold path).
    public var summaryCache = true
    /// How long the list of releases is served before it is re-read (RELEASE_POLL_SECONDS,
    /// 5 by default): the fallback to `ReleaseListener`, which reloads it at each
    /// publication. Tests and `bench/replica.sh` set it long, to see the listener alone.
    public var releaseIndexLifetime: TimeInterval = 5
    /// Whether this instance listens for publications (LISTEN/NOTIFY); off only in tests.
    public var listensForReleases = true
    /// The service's sessions' `statement_timeout`: a second past the request deadline,
    /// so that the deadline answers first and the server then ends what still runs.
    var statementTimeout: Duration { requestTimeout + CommitDeadline.grace }
    /// Where the service's metrics are kept for /metrics; the executable bootstraps
    /// swift-metrics with it (that can happen once per process).
    public var metrics: PrometheusCollectorRegistry
    /// The metrics listener and the limit on failed authentications.
    public var edge = EdgeConfig()
    /// The licence every public document and page states (DATA_LICENCE_NAME, DATA_LICENCE_URL).
    public var licence = DataLicence()

    public init(
        database: DatabaseURL,
        migrationDatabase: DatabaseURL? = nil,
        serviceRole: ServiceRole = ServiceRole(),
        host: String = "127.0.0.1",
        port: Int = 8080,
        logLevel: Logger.Level = .info,
        logFormat: LogFormat = .text,
        sqlDirectory: URL = URL(fileURLWithPath: "sql"),
        seedDirectory: URL = URL(fileURLWithPath: "seed-data"),
        clock: AppClock = .system,
        disclosureMinimumCountries: Int = 3,
        requestTimeout: Duration = .seconds(5),
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
    ) {
        self.database = database
        self.migrationDatabase = migrationDatabase ?? database
        self.serviceRole = serviceRole
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.logFormat = logFormat
        self.sqlDirectory = sqlDirectory
        self.seedDirectory = seedDirectory
        self.clock = clock
        self.disclosureMinimumCountries = disclosureMinimumCountries
        self.requestTimeout = requestTimeout
        self.metrics = metrics
    }

    /// Reads the configuration, collecting every problem before failing so that
    /// one run names them all.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> Config {
        var problems: [String] = []
        var database: DatabaseURL?
        if let raw = env["DATABASE_URL"], !raw.isEmpty {
            do { database = try DatabaseURL(raw) } catch { problems.append("DATABASE_URL: \(error.description)") }
        } else {
            problems.append("DATABASE_URL is not set (e.g. postgres://user@127.0.0.1:5432/alliance)")
        }
        var migrationDatabase: DatabaseURL?
        if let raw = env["MIGRATION_DATABASE_URL"], !raw.isEmpty {
            do { migrationDatabase = try DatabaseURL(raw) } catch { problems.append("MIGRATION_DATABASE_URL: \(error.description)") }
        }
        var replicaDatabase: DatabaseURL?
        if let raw = env["DATABASE_REPLICA_URL"], !raw.isEmpty {
            do { replicaDatabase = try DatabaseURL(raw) } catch { problems.append("DATABASE_REPLICA_URL: \(error.description)") }
        }
        var serviceRole = ServiceRole()
        if let raw = env["SERVICE_ROLE"], !raw.isEmpty {
            if let role = ServiceRole(name: raw) {
                serviceRole = role
            } else {
                problems.append("SERVICE_ROLE must be a lower-case role name (letters, digits, _; at most 63), not '\(raw)'")
            }
        }
        var port = 8080
        if let raw = env["PORT"] {
            if let value = Int(raw), (1...65535).contains(value) {
                port = value
            } else {
                problems.append("PORT must be a whole number from 1 to 65535, not '\(raw)'")
            }
        }
        let host = env["HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        var level = Logger.Level.info
        if let raw = env["LOG_LEVEL"] {
            if let value = Logger.Level(rawValue: raw.lowercased()) {
                level = value
            } else {
                let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append("LOG_LEVEL must be one of \(names), not '\(raw)'")
            }
        }
        var format = LogFormat.text
        if let raw = env["LOG_FORMAT"] {
            if let value = LogFormat(rawValue: raw.lowercased()) {
                format = value
            } else {
                problems.append("LOG_FORMAT must be text or json, not '\(raw)'")
            }
        }
        var disclosure = 3
        if let raw = env["DISCLOSURE_MIN_COUNTRIES"] {
            if let value = Int(raw), (1...100).contains(value) {
                disclosure = value
            } else {
                problems.append("DISCLOSURE_MIN_COUNTRIES must be a whole number from 1 to 100, not '\(raw)'")
            }
        }
        var timeout = 5
        if let raw = env["REQUEST_TIMEOUT_SECONDS"] {
            if let value = Int(raw), (1...300).contains(value) {
                timeout = value
            } else {
                problems.append("REQUEST_TIMEOUT_SECONDS must be a whole number from 1 to 300, not '\(raw)'")
            }
        }
        var releasePoll = 5
        if let raw = env["RELEASE_POLL_SECONDS"] {
            if let value = Int(raw), (1...3600).contains(value) {
                releasePoll = value
            } else {
                problems.append("RELEASE_POLL_SECONDS must be a whole number from 1 to 3600, not '\(raw)'")
            }
        }
        var summaryCache = true
        if let raw = env["SUMMARY_CACHE"] {
            switch raw.lowercased() {
            case "on": summaryCache = true
            case "off": summaryCache = false
            default: problems.append("SUMMARY_CACHE must be on or off, not '\(raw)'")
            }
        }
        let edge = EdgeConfig.fromEnvironment(env, problems: &problems)
        let licence = DataLicence.fromEnvironment(env, problems: &problems)
        guard let database, problems.isEmpty else { throw ConfigError(problems: problems) }
        var config = Config(
            database: database,
            migrationDatabase: migrationDatabase,
            serviceRole: serviceRole,
            host: host,
            port: port,
            logLevel: level,
            logFormat: format,
            sqlDirectory: URL(fileURLWithPath: env["SQL_DIR"] ?? "sql"),
            seedDirectory: URL(fileURLWithPath: env["SEED_DIR"] ?? "seed-data"),
            disclosureMinimumCountries: disclosure,
            requestTimeout: .seconds(timeout)
        )
        config.edge = edge
        config.licence = licence
        config.replicaDatabase = replicaDatabase
        config.summaryCache = summaryCache
        config.releaseIndexLifetime = TimeInterval(releasePoll)
        return config
    }
}

public enum LogFormat: String, Sendable {
    case text, json
}

public struct ConfigError: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String {
        "configuration is not valid:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
