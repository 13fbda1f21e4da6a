import Foundation

extension ReleaseRepository {
    /// Every sum a release has made public (sql/0018), of every year.
    func publishedFigures(on session: DatabaseSession) async throws -> [ReleaseFigure] {
        try await session.rows(
            "SELECT indicator, data_year::int, countries::text[], country_count FROM release_figures ORDER BY year, release"
        ).map { row in
            let (indicator, year, countries, count) = try row.decode((String, Int, [String]?, Int).self)
            let quantity = Quantity(indicator: indicator, year: year)
            return countries.map { ReleaseFigure(quantity, Set($0)) } ?? ReleaseFigure(quantity, unknownSetOf: count)
        }
    }

    /// Records the sums a release makes public, in its transaction: one statement.
    func insert(_ figures: [ReleaseFigure], year: Int, release: Int, on session: DatabaseSession) async throws {
        guard !figures.isEmpty else { return }
        let indicators = figures.map(\.quantity.indicator)
        let years = figures.map(\.quantity.year)
        let countries = figures.map { $0.countries.map { $0.sorted().joined(separator: ",") } ?? "" }
        let counts = figures.map(\.count)
        try await session.run(
            """
            INSERT INTO release_figures (year, release, indicator, data_year, countries, country_count)
            SELECT \(Int16(year)), \(release), f.indicator, f.data_year, nullif(string_to_array(f.countries, ','), '{}'), f.n
            FROM unnest(\(indicators)::text[], \(years)::int[], \(countries)::text[], \(counts)::int[]) AS f (indicator, data_year, countries, n)
            """
        )
    }

    /// Records the public figures of a release frozen from its stored summary (one
    /// published before sql/0005), with unknown sets, as sql/0018 did for the others.
    func recordEarlierFigures(year: Int, release: Int, on session: DatabaseSession) async throws {
        try await session.run("SELECT record_earlier_release_figures(\(Int16(year)), \(release)::int)")
    }
}
