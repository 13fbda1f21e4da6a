import AllianceTracker
import ArgumentParser
import Foundation
import Logging

/// `alliance country add|join|leave`: the secretariat's member changes, through
/// `MemberService` like the API, audited as the command line.
struct CountryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "country",
        abstract: "Add a country, or record its joining or leaving date.",
        subcommands: [Add.self, Join.self, Leave.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a country to the catalogue (no membership period yet).")

        @Argument(help: "ISO 3166-1 alpha-2 code, in capitals.") var code: String
        @Option(help: "The country's name.") var name: String
        @Option(help: "Africa, Americas, Asia, Europe or Oceania.") var region: String
        @Flag(help: "A founding member (joined on 5 December 2012).") var founding = false
        @Flag(help: "An EU member on 5 December 2012.") var euMemberAtLaunch = false
        @Flag(help: "A user-assigned code, such as Kosovo's XK.") var notIso = false
        @Option(help: "A note shown with the country.") var note: String?
        @Option(help: "Why, for the audit log.") var reason: String

        var input: CountryInput {
            CountryInput(
                code: code,
                name: name,
                region: region,
                isoOfficial: !notIso,
                euMemberAtLaunch: euMemberAtLaunch,
                foundingMember: founding,
                note: note
            )
        }

        /// Refuses a malformed code, name or region before connecting.
        func validate() throws {
            let problems = input.problems()
            if !problems.isEmpty { throw ValidationError(DomainError.invalid(problems).description) }
        }

        func run() async throws {
            let input = input
            try await withMembers { members, logger in
                _ = try await members.addCountry(input, reason: reason, actor: .commandLine, logger: logger)
            }
            print("added country \(code) (\(name)); record its joining date with: alliance country join \(code) --on DATE --reason TEXT")
        }
    }

    struct Join: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a membership period from a joining date.")

        @Argument(help: "The country's code.") var code: String
        @Option(help: "The joining date, such as 2025-03-31: a member from this day.") var on: String
        @Option(help: "Why, for the audit log.") var reason: String

        func validate() throws { try checkDate(on) }

        func run() async throws {
            let period = try await withMembers { members, logger in
                try await members.join(country: code, joinedOn: on, reason: reason, actor: .commandLine, logger: logger)
            }
            print("\(code) is a member from \(period.joinedOn) (membership \(period.id))")
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close the open membership period on a leaving date.")

        @Argument(help: "The country's code.") var code: String
        @Option(help: "The leaving date, such as 2025-03-31: no longer a member from this day.") var on: String
        @Option(help: "Why, for the audit log.") var reason: String

        func validate() throws { try checkDate(on) }

        func run() async throws {
            let period = try await withMembers { members, logger in
                try await members.end(country: code, id: nil, leftOn: on, reason: reason, actor: .commandLine, logger: logger)
            }
            print("\(code) is a member from \(period.joinedOn) until the day before \(period.left ?? on) (membership \(period.id))")
        }
    }
}

/// A bad `--on` stops the command before it connects, with the same message as the API's.
private func checkDate(_ text: String) throws {
    do {
        _ = try MembershipDay.check(text, field: "--on")
    } catch let error as DomainError {
        throw ValidationError(error.fields.first?.message ?? error.detail)
    }
}

/// Runs `body` with the member service on the configured database; a refusal is
/// printed as one line (the problem's code and what is wrong) with a non-zero exit.
private func withMembers<T: Sendable>(_ body: @Sendable (MemberService, Logger) async throws -> T) async throws -> T {
    let config = try loadConfig()
    let logger = Logger(label: "alliance.country")
    return try await failing {
        try await withDatabase(config.database, logger: logger) { database in
            try await body(MemberService(database: database), logger)
        }
    }
}
