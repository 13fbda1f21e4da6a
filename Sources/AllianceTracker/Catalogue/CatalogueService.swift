import Logging

/// Reads the catalogue. It changes only when seeded, so it needs no transaction.
struct CatalogueService: Sendable {
    let database: Database
    let clock: AppClock
    let repository = CatalogueRepository()

    func countries(logger: Logger) async throws -> [Country] {
        let today = clock.today()
        return try await database.read(logger: logger) { try await repository.countries(today: today, in: $0) }
    }

    func country(_ code: String, logger: Logger) async throws -> Country {
        let today = clock.today()
        guard Country.isCode(code),
            let country = try await database.read(logger: logger, { try await repository.countries(code: code, today: today, in: $0) }).first
        else { throw DomainError.unknownCountry(code) }
        return country
    }

    /// Throws `unknown_country` unless the country is in the catalogue.
    func requireCountry(_ code: String, logger: Logger) async throws {
        guard Country.isCode(code), try await database.read(logger: logger, { try await repository.countryExists(code, in: $0) }) else {
            throw DomainError.unknownCountry(code)
        }
    }

    func goals(logger: Logger) async throws -> [Goal] {
        try await database.read(logger: logger) { try await repository.goals(in: $0) }
    }

    func indicators(goal: Int? = nil, logger: Logger) async throws -> [Indicator] {
        try await database.read(logger: logger) { try await repository.indicators(goal: goal, in: $0) }
    }

    func indicator(_ code: String, logger: Logger) async throws -> Indicator {
        guard let indicator = try await database.read(logger: logger, { try await repository.indicators(code: code, in: $0) }).first else {
            throw DomainError.unknownIndicator(code)
        }
        return indicator
    }

    func targets(logger: Logger) async throws -> [Target] {
        try await database.read(logger: logger) { try await TargetRepository().all(in: $0) }
    }
}

extension DomainError {
    static func unknownCountry(_ code: String) -> DomainError {
        DomainError(.unknownCountry, "There is no country with the code '\(code)'; codes are ISO 3166-1 alpha-2, in capitals.")
    }

    static func unknownIndicator(_ code: String) -> DomainError {
        DomainError(.unknownIndicator, "There is no indicator with the code '\(code)'.")
    }
}
