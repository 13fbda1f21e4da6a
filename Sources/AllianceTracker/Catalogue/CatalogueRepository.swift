import Foundation
import PostgresNIO

/// The catalogue's SQL: countries and their memberships, goals, indicators, targets.
struct CatalogueRepository: Sendable {
    /// Every country (or one), with its membership periods; `member` as of `today`.
    func countries(code: String? = nil, today: String, in session: DatabaseSession) async throws -> [Country] {
        let rows = try await session.rows(
            """
            SELECT c.code::text, c.name, c.region, c.iso_official, c.eu_member_at_launch, c.founding_member,
                   c.note, m.id, m.joined_on::text, m.left_on::text,
                   coalesce(m.joined_on <= \(today)::date AND (m.left_on IS NULL OR m.left_on > \(today)::date), false)
            FROM countries c
            LEFT JOIN memberships m ON m.country = c.code
            WHERE \(code)::text IS NULL OR c.code = \(code)
            ORDER BY c.code, m.joined_on
            """
        )
        var countries: [Country] = []
        for row in rows {
            let (code, name, region, isoOfficial, eu, founding, note, id, joined, left, current) =
                try row.decode((String, String, String, Bool, Bool, Bool, String?, Int64?, String?, String?, Bool).self)
            if countries.last?.code != code {
                countries.append(
                    Country(
                        code: code,
                        name: name,
                        region: region,
                        isoOfficial: isoOfficial,
                        euMemberAtLaunch: eu,
                        foundingMember: founding,
                        member: false,
                        memberships: [],
                        note: note
                    )
                )
            }
            if let id, let joined {
                countries[countries.count - 1].memberships.append(.init(id: id, joinedOn: joined, leftOn: left))
                countries[countries.count - 1].member = countries[countries.count - 1].member || current
            }
        }
        return countries
    }

    func countryExists(_ code: String, in session: DatabaseSession) async throws -> Bool {
        try await !session.rows("SELECT 1 FROM countries WHERE code = \(code)").isEmpty
    }

    func goals(in session: DatabaseSession) async throws -> [Goal] {
        var goals = try await session.rows("SELECT id, code, title, wording, confidence, source FROM goals ORDER BY id").map { row in
            let (id, code, title, wording, confidence, source) = try row.decode((Int, String, String, String, String, String).self)
            return Goal(id: id, code: code, title: title, wording: wording, confidence: confidence, source: source, operationalGoals: [])
        }
        let operational = try await session.rows(
            "SELECT goal, code, wording, confidence = 'C', source FROM operational_goals ORDER BY code"
        )
        for row in operational {
            let (goal, code, wording, confirmed, source) = try row.decode((Int, String, String, Bool, String?).self)
            guard let index = goals.firstIndex(where: { $0.id == goal }) else { continue }
            goals[index].operationalGoals.append(.init(code: code, wording: wording, confirmed: confirmed, source: source))
        }
        return goals
    }

    func indicators(goal: Int? = nil, code: String? = nil, in session: DatabaseSession) async throws -> [Indicator] {
        let rows = try await session.rows(
            """
            SELECT code, goal, operational_goal, name, unit, measure_kind, definition,
                   expected_min, expected_max, headline
            FROM indicators
            WHERE (\(goal)::smallint IS NULL OR goal = \(goal))
              AND (\(code)::text IS NULL OR code = \(code))
            ORDER BY goal, code
            """
        )
        return try rows.map { row in
            let (code, goal, operationalGoal, name, unit, kind, definition, min, max, headline) =
                try row.decode((String, Int, String?, String, String, MeasureKind, String, Decimal?, Decimal?, Bool).self)
            return Indicator(
                code: code,
                goal: goal,
                operationalGoal: operationalGoal,
                name: name,
                unit: unit,
                measureKind: kind,
                definition: definition,
                expectedRange: .init(min: min, max: max),
                headline: headline
            )
        }
    }

    /// The goal an operational goal belongs to, or nil when there is none with that code.
    func goal(ofOperationalGoal code: String, in session: DatabaseSession) async throws -> Int? {
        try await session.rows("SELECT goal FROM operational_goals WHERE code = \(code)").first.map { try $0.decode(Int.self) }
    }

    /// The goal an indicator belongs to, or nil when there is none with that code.
    func goal(ofIndicator code: String, in session: DatabaseSession) async throws -> Int? {
        try await session.rows("SELECT goal FROM indicators WHERE code = \(code)").first.map { try $0.decode(Int.self) }
    }

    /// Every indicator's measure kind: what `ReportValidator` checks values against.
    func indicatorKinds(in session: DatabaseSession) async throws -> [String: MeasureKind] {
        var kinds: [String: MeasureKind] = [:]
        for row in try await session.rows("SELECT code, measure_kind FROM indicators") {
            let (code, kind) = try row.decode((String, MeasureKind).self)
            kinds[code] = kind
        }
        return kinds
    }

    /// Which of `codes` name an indicator.
    func knownIndicators(_ codes: [String], in session: DatabaseSession) async throws -> Set<String> {
        Set(try await session.rows("SELECT code FROM indicators WHERE code = ANY(\(codes))").map { try $0.decode(String.self) })
    }
}
