/// What a figure adds up: one indicator's values for one data year (a release of
/// year Y publishes year Y's values; `previous` and like-for-like previous are Y−1's).
struct Quantity: Hashable, Sendable {
    let indicator: String
    let year: Int
}

/// A sum a public figure depends on: a quantity over a contributor set. Recorded,
/// per release, in `release_figures` (sql/0018).
struct ReleaseFigure: Hashable, Sendable {
    let quantity: Quantity
    /// By country code; nil when unknown (a release published before sql/0018).
    let countries: Set<String>?
    let count: Int

    init(_ quantity: Quantity, _ countries: Set<String>) {
        self.quantity = quantity
        self.countries = countries
        count = countries.count
    }

    init(_ quantity: Quantity, unknownSetOf count: Int) {
        self.quantity = quantity
        countries = nil
        self.count = count
    }
}
