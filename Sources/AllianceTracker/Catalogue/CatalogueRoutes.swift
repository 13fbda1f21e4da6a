import Hummingbird

/// The public catalogue: goals, indicators, targets, countries (docs/rules.md §5).
struct CatalogueRoutes {
    let catalogue: CatalogueService

    struct Goals: Encodable { let goals: [Goal] }
    struct Indicators: Encodable { let indicators: [Indicator] }
    struct Targets: Encodable { let targets: [Target] }
    struct Countries: Encodable { let countries: [Country] }

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("goals") { request, context in
            try CacheableResponse.json(Goals(goals: try await catalogue.goals(logger: context.logger)), for: request)
        }
        group.get("indicators") { request, context in
            let indicators = try await catalogue.indicators(goal: try Self.goalParameter(request), logger: context.logger)
            return try CacheableResponse.json(Indicators(indicators: indicators), for: request)
        }
        group.get("indicators/{code}") { request, context in
            let code = try context.parameters.require("code")
            return try CacheableResponse.json(try await catalogue.indicator(code, logger: context.logger), for: request)
        }
        group.get("targets") { request, context in
            try CacheableResponse.json(Targets(targets: try await catalogue.targets(logger: context.logger)), for: request)
        }
        group.get("countries") { request, context in
            try CacheableResponse.json(Countries(countries: try await catalogue.countries(logger: context.logger)), for: request)
        }
        group.get("countries/{cc}") { request, context in
            let code = try context.parameters.require("cc")
            return try CacheableResponse.json(try await catalogue.country(code, logger: context.logger), for: request)
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
