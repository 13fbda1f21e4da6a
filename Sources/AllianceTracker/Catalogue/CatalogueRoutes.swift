import Hummingbird

/// The public catalogue: goals, indicators, targets, countries (SPEC §5).
struct CatalogueRoutes {
    let repository: CatalogueRepository

    struct Goals: Encodable { let goals: [Goal] }
    struct Indicators: Encodable { let indicators: [Indicator] }
    struct Targets: Encodable { let targets: [Target] }
    struct Countries: Encodable { let countries: [Country] }

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("goals") { request, context in
            try CacheableResponse.json(Goals(goals: try await repository.goals(logger: context.logger)), for: request)
        }
        group.get("indicators") { request, context in
            let goal = try Self.goalParameter(request)
            let indicators = try await repository.indicators(goal: goal, logger: context.logger)
            return try CacheableResponse.json(Indicators(indicators: indicators), for: request)
        }
        group.get("indicators/{code}") { request, context in
            let code = try context.parameters.require("code")
            guard let indicator = try await repository.indicators(code: code, logger: context.logger).first else {
                throw DomainError.unknownIndicator(code)
            }
            return try CacheableResponse.json(indicator, for: request)
        }
        group.get("targets") { request, context in
            try CacheableResponse.json(Targets(targets: try await repository.targets(logger: context.logger)), for: request)
        }
        group.get("countries") { request, context in
            try CacheableResponse.json(Countries(countries: try await repository.countries(logger: context.logger)), for: request)
        }
        group.get("countries/{cc}") { request, context in
            let code = try context.parameters.require("cc")
            guard code.wholeMatch(of: /[A-Z]{2}/) != nil,
                  let country = try await repository.countries(code: code, logger: context.logger).first
            else { throw DomainError.unknownCountry(code) }
            return try CacheableResponse.json(country, for: request)
        }
    }

    /// `?goal=` narrows the indicators to one goal, 1 to 4.
    static func goalParameter(_ request: Request) throws -> Int? {
        guard let raw = request.uri.queryParameters["goal"] else { return nil }
        guard let goal = Int(String(raw)), (1...4).contains(goal) else {
            throw DomainError.invalidParameter("goal", "must be a goal number from 1 to 4, not '\(raw)'")
        }
        return goal
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
