/// Per indicator and data year, the countries whose accepted report gives a number
/// for it, with that number: the contributor sets of a summary's figures.
struct ContributorSets: Sendable, Equatable {
    /// Country code → the accepted value as text, per quantity.
    var values: [Quantity: [String: String]] = [:]

    /// The countries with a number for `indicator` in `year`.
    func countries(_ indicator: String, _ year: Int) -> Set<String> {
        Set((values[Quantity(indicator: indicator, year: year)] ?? [:]).keys)
    }

    /// A set's elements as recorded: each country with the value it gave (`FR=57`),
    /// so that a value amended between two releases changes the set (sql/0019).
    func contributors(_ countries: Set<String>, of quantity: Quantity) -> Set<String> {
        let given = values[quantity] ?? [:]
        return Set(countries.map { country in given[country].map { "\(country)=\($0)" } ?? country })
    }
}
