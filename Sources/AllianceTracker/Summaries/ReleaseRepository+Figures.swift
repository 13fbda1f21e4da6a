import Foundation

extension ReleaseRepository {
    /// Every sum a release has made public (sql/0018, sql/0021), of every year, each
    /// once: the rule needs which sums are public, not how often or in which order.
    func publishedFigures(on session: DatabaseSession) async throws -> [ReleaseFigure] {
        let indicators = try await session.rows(
            "SELECT DISTINCT indicator, data_year::int, countries::text[], country_count FROM release_figures"
        ).map { row in
            let (indicator, year, countries, count) = try row.decode((String, Int, [String]?, Int).self)
            return Self.figure(Quantity(indicator: indicator, year: year), countries, count)
        }
        let goals = try await session.rows(
            "SELECT DISTINCT goal::int, data_year::int, commitments, country_count FROM release_goal_figures"
        ).map { row in
            let (goal, year, commitments, count) = try row.decode((Int, Int, [String]?, Int?).self)
            return Self.figure(Quantity(goal: goal, year: year), commitments, count)
        }
        return indicators + goals
    }

    private static func figure(_ quantity: Quantity, _ elements: [String]?, _ count: Int?) -> ReleaseFigure {
        elements.map { ReleaseFigure(quantity, Set($0)) } ?? ReleaseFigure(quantity, unknownSetOf: count)
    }

    /// Records the sums a release makes public, in its transaction: a statement per table.
    func insert(_ figures: [ReleaseFigure], year: Int, release: Int, on session: DatabaseSession) async throws {
        var indicators: [(String, ReleaseFigure)] = []
        var goals: [(String, ReleaseFigure)] = []
        for figure in figures {
            switch figure.quantity.subject {
            case .indicator(let code): indicators.append((code, figure))
            case .goal(let goal): goals.append((String(goal), figure))
            }
        }
        try await insert(
            indicators,
            into: "release_figures (year, release, indicator, data_year, countries, country_count)",
            "text",
            year,
            release,
            session
        )
        try await insert(
            goals,
            into: "release_goal_figures (year, release, goal, data_year, commitments, country_count)",
            "smallint",
            year,
            release,
            session
        )
    }

    /// One statement for a table's figures, keyed by indicator code or goal number (cast to `keyType`); the
    /// elements are joined by commas (a value is a number or a status, never a comma).
    private func insert(
        _ figures: [(key: String, figure: ReleaseFigure)],
        into table: String,
        _ keyType: String,
        _ year: Int,
        _ release: Int,
        _ session: DatabaseSession
    ) async throws {
        guard !figures.isEmpty else { return }
        let keys = figures.map(\.key)
        let years = figures.map(\.figure.quantity.year)
        let elements = figures.map { $0.figure.countries.map { $0.sorted().joined(separator: ",") } ?? "" }
        let counts = figures.map { $0.figure.count ?? 0 }  // a new figure's set is always known
        try await session.run(
            """
            INSERT INTO \(unescaped: table)
            SELECT \(Int16(year)), \(release), f.key::\(unescaped: keyType), f.data_year, nullif(string_to_array(f.elements, ','), '{}'), f.n
            FROM unnest(\(keys)::text[], \(years)::int[], \(elements)::text[], \(counts)::int[]) AS f (key, data_year, elements, n)
            """
        )
    }

    /// Records the public figures of a release frozen from its stored summary (one
    /// published before sql/0005), with unknown sets, as sql/0018 and sql/0021 did for
    /// the others.
    func recordEarlierFigures(year: Int, release: Int, on session: DatabaseSession) async throws {
        try await session.run("SELECT record_earlier_release_figures(\(Int16(year)), \(release)::int)")
        try await session.run("SELECT record_earlier_goal_figures(\(Int16(year)), \(release)::int)")
    }
}
