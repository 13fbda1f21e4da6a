import AllianceTracker
import ArgumentParser
import Foundation
import Logging

@main
struct Alliance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alliance",
        abstract: "The Global Alliance commitment-tracking service.",
        discussion: """
            Configured from the environment: DATABASE_URL (the service role), MIGRATION_DATABASE_URL (the owner, for \
            migrate and seed; else DATABASE_URL), SERVICE_ROLE (alliance_service), PORT (8080), HOST (127.0.0.1), LOG_LEVEL (info).
            """,
        subcommands: [Migrate.self, Seed.self, TokenCommand.self, CountryCommand.self, Import.self, Serve.self]
    )
}

/// Reads the configuration once; a bad setting stops the command with one message
/// naming every problem. One-shot commands log only errors unless LOG_LEVEL says
/// otherwise: their output is what they print.
func loadConfig(oneShot: Bool = true) throws -> Config {
    do {
        let config = try Config.fromEnvironment()
        let level = oneShot && ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil ? .error : config.logLevel
        LoggingSystem.bootstrap { [format = config.logFormat] label in
            var handler: any LogHandler =
                switch format {
                case .text: StreamLogHandler.standardError(label: label)
                case .json: JSONLogHandler(label: label)
                }
            handler.logLevel = level
            return handler
        }
        return config
    } catch {
        FileHandle.standardError.write(Data("alliance: \(error.description)\n".utf8))
        throw ExitCode(78)  // EX_CONFIG
    }
}

/// Prints a failure as one line and exits non-zero, rather than a stack of Swift types.
func failing<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("alliance: \(error)\n".utf8))
        throw ExitCode.failure
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the numbered SQL files in sql/ that are not yet applied, as the owner; then create the service role."
    )

    func run() async throws {
        let config = try loadConfig()
        let applied = try await failing { try Migrator(directory: config.sqlDirectory).migrate(config.migrationDatabase) }
        print(applied.isEmpty ? "migrate: nothing to apply" : applied.map { "migrate: applied \($0)" }.joined(separator: "\n"))
        // releases published before 0005 get their public document now, once, on the primary
        let logger = Logger(label: "alliance.migrate")
        let frozen = try await failing {
            try await withDatabase(config.migrationDatabase, logger: logger) { database in
                try await EarlierReleases.freeze(in: database, disclosureMinimumCountries: config.disclosureMinimumCountries, logger: logger)
            }
        }
        if frozen > 0 {
            print(
                "migrate: froze \(frozen) earlier release\(frozen == 1 ? "" : "s") at DISCLOSURE_MIN_COUNTRIES=\(config.disclosureMinimumCountries)"
            )
        }
        try ensureServiceRole(config)
    }
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load seed-data/ (countries, goals, indicators, targets, reference series); idempotent."
    )

    @Flag(help: "Also add made-up, clearly marked demo reports and releases from 2013 to last year.") var demo = false

    func run() async throws {
        let config = try loadConfig()
        let logger = Logger(label: "alliance.seed")
        let (changes, outcome) = try await failing {
            try await withDatabase(config.migrationDatabase, logger: logger) { database in
                let changes = try await Seeder(directory: config.seedDirectory).seed(database, logger: logger)
                let outcome =
                    demo ? try await DemoSeeder(disclosureMinimumCountries: config.disclosureMinimumCountries).seed(database, logger: logger) : nil
                return (changes, outcome)
            }
        }
        for change in changes {
            print("seed: \(change.table): \(change.rows) row\(change.rows == 1 ? "" : "s") inserted or changed")
        }
        if let outcome {
            if let years = outcome.years {
                print(
                    "seed: demo: \(outcome.reports) made-up reports and \(outcome.releases) releases for \(years.lowerBound)-\(years.upperBound); \(years.upperBound) is left open"
                )
            } else {
                print("seed: demo: demo data already present; nothing added")
            }
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP service.")

    func run() async throws {
        let config = try loadConfig(oneShot: false)
        bootstrapMetrics(into: config.metrics)
        let app = try buildApplication(config: config)
        try await app.runService()
    }
}
