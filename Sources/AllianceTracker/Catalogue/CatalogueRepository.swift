import Foundation
import Logging
import PostgresNIO

/// Reads the catalogue: countries, goals, indicators, targets.
struct CatalogueRepository: Sendable {
    let database: Database

    func countries(code: String? = nil, logger: Logger) async throws -> [Country] {
        let rows = try await database.query("""
            SELECT c.code::text, c.name, c.region, c.iso_official, c.eu_member_at_launch, c.founding_member,
                   c.note, m.joined_on::text, m.left_on::text,
                   coalesce(m.joined_on <= current_date AND (m.left_on IS NULL OR m.left_on > current_date), false)
            FROM countries c
            LEFT JOIN memberships m ON m.country = c.code
            WHERE \(code)::text IS NULL OR c.code = \(code)
            ORDER BY c.code, m.joined_on
            """, logger: logger)
        var countries: [Country] = []
        for try await (code, name, region, isoOfficial, eu, founding, note, joined, left, current)
            in rows.decode((String, String, String, Bool, Bool, Bool, String?, String?, String?, Bool).self)
        {
            if countries.last?.code != code {
                countries.append(Country(
                    code: code, name: name, region: region, isoOfficial: isoOfficial, euMemberAtLaunch: eu,
                    foundingMember: founding, member: false, memberships: [], note: note
                ))
            }
            if let joined {
                countries[countries.count - 1].memberships.append(.init(joinedOn: joined, leftOn: left))
                countries[countries.count - 1].member = countries[countries.count - 1].member || current
            }
        }
        return countries
    }

    func countryExists(_ code: String, logger: Logger) async throws -> Bool {
        guard code.wholeMatch(of: /[A-Z]{2}/) != nil else { return false }
        return try await !database.query("SELECT 1 FROM countries WHERE code = \(code)", logger: logger).collect().isEmpty
    }

    func goals(logger: Logger) async throws -> [Goal] {
        var goals: [Goal] = []
        let goalRows = try await database.query(
            "SELECT id, code, title, wording, confidence, source FROM goals ORDER BY id", logger: logger
        )
        for try await (id, code, title, wording, confidence, source)
            in goalRows.decode((Int, String, String, String, String, String).self)
        {
            goals.append(Goal(id: id, code: code, title: title, wording: wording, confidence: confidence,
                              source: source, operationalGoals: []))
        }
        let operationalRows = try await database.query(
            "SELECT goal, code, wording, confidence = 'C', source FROM operational_goals ORDER BY code",
            logger: logger
        )
        for try await (goal, code, wording, confirmed, source)
            in operationalRows.decode((Int, String, String, Bool, String?).self)
        {
            guard let index = goals.firstIndex(where: { $0.id == goal }) else { continue }
            goals[index].operationalGoals.append(.init(code: code, wording: wording, confirmed: confirmed, source: source))
        }
        return goals
    }

    func indicators(goal: Int? = nil, code: String? = nil, logger: Logger) async throws -> [Indicator] {
        let rows = try await database.query("""
            SELECT code, goal, operational_goal, name, unit, measure_kind, definition,
                   expected_min, expected_max, headline
            FROM indicators
            WHERE (\(goal)::smallint IS NULL OR goal = \(goal))
              AND (\(code)::text IS NULL OR code = \(code))
            ORDER BY goal, code
            """, logger: logger)
        var indicators: [Indicator] = []
        for try await (code, goal, operationalGoal, name, unit, kind, definition, min, max, headline)
            in rows.decode((String, Int, String?, String, String, MeasureKind, String, Decimal?, Decimal?, Bool).self)
        {
            indicators.append(Indicator(
                code: code, goal: goal, operationalGoal: operationalGoal, name: name, unit: unit,
                measureKind: kind, definition: definition, expectedRange: .init(min: min, max: max), headline: headline
            ))
        }
        return indicators
    }

    func targets(logger: Logger) async throws -> [Target] {
        let rows = try await database.query("""
            SELECT id, indicator, operational_goal, scope, country::text, rule, threshold, basis,
                   baseline_year, description, source
            FROM targets ORDER BY id
            """, logger: logger)
        var targets: [Target] = []
        for try await (id, indicator, operationalGoal, scope, country, rule, threshold, basis, baselineYear, description, source)
            in rows.decode((String, String, String?, TargetScope, String?, TargetRule, Decimal?, TargetBasis, Int?, String, String?).self)
        {
            targets.append(Target(
                id: id, indicator: indicator, operationalGoal: operationalGoal, scope: scope, country: country,
                rule: rule, threshold: threshold, basis: basis, baselineYear: baselineYear,
                description: description, source: source
            ))
        }
        return targets
    }
}
