import AllianceTracker
import ArgumentParser
import Foundation
import Logging

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create or revoke API tokens.",
        subcommands: [Create.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token; it is printed once, alone, on the last line."
        )

        @Option(help: "secretariat or country") var role: Identity.Role
        @Option(help: "The country a country token is bound to (ISO 3166-1 alpha-2).") var country: String?
        @Option(help: "A note on whom the token is for.") var label: String?
        @Option(help: "How long the token lives: 90d, 12h or 30m (at most ten years); without it, it never expires.")
        var expiresIn: TokenLifetime?

        func run() async throws {
            let config = try loadConfig()
            let logger = Logger(label: "alliance.token")
            let created = try await failing {
                try await withDatabase(config.database, logger: logger) { database in
                    // one moment for both, so that the token lives exactly as long as asked
                    let now = Date()
                    return try await TokenService(database: database, clock: AppClock { now }).create(
                        TokenRequest(role: role, country: country, label: label, expiresAt: expiresIn?.expiry(from: now)),
                        actor: .commandLine,
                        logger: logger
                    )
                }
            }
            let expiry = created.expiresAt.map { ", expires " + ISO8601DateFormatter().string(from: $0) } ?? ""
            print(
                "created token \(created.id) (\(created.role.rawValue)\(created.country.map { " for " + $0 } ?? "")\(expiry)); it is shown only now:"
            )
            print(created.token ?? "")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token at once.")

        @Argument(help: "The token's id.") var id: Int64

        func run() async throws {
            let config = try loadConfig()
            let logger = Logger(label: "alliance.token")
            do {
                try await withDatabase(config.database, logger: logger) { database in
                    try await TokenService(database: database).revoke(id: id, actor: .commandLine, logger: logger)
                }
            } catch let error as DomainError where error.code == .unknownToken {
                FileHandle.standardError.write(Data("alliance: there is no token \(id)\n".utf8))
                throw ExitCode.failure
            } catch {
                FileHandle.standardError.write(Data("alliance: \(error)\n".utf8))
                throw ExitCode.failure
            }
            print("revoked token \(id)")
        }
    }
}

extension Identity.Role: ExpressibleByArgument {}

extension TokenLifetime: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
