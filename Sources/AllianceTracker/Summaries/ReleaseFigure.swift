/// What a figure adds up: one indicator's values for one data year (a release of
/// year Y publishes year Y's values; `previous` and like-for-like previous are Y−1's),
/// or the statuses of one goal's commitments in one year.
struct Quantity: Hashable, Sendable {
    enum Subject: Hashable, Sendable {
        case indicator(String)
        case goal(Int)
    }

    let subject: Subject
    let year: Int

    init(indicator: String, year: Int) {
        subject = .indicator(indicator)
        self.year = year
    }

    init(goal: Int, year: Int) {
        subject = .goal(goal)
        self.year = year
    }

    /// What its sums are set against: the same quantity; for a goal, its counts of every
    /// year, since a commitment's status carries over from one year to the next
    /// (`FR=12:no_data` in 2024 and in 2025 is one fact).
    var compared: Quantity {
        switch subject {
        case .indicator: self
        case .goal(let goal): Quantity(goal: goal, year: 0)
        }
    }
}

/// A sum a public figure depends on: a quantity over a contributor set. Recorded,
/// per release, in `release_figures` (sql/0018) and `release_goal_figures` (sql/0020).
///
/// An element names a country and what it gave, `FR=57` (sql/0019), or `FR=12:on_track`
/// for a goal's commitment 12; sets recorded before sql/0019 name the country alone.
struct ReleaseFigure: Hashable, Sendable {
    let quantity: Quantity
    /// The elements; nil when unknown (a release published before sql/0018).
    let countries: Set<String>?
    /// How many countries the set comes from (a goal's set has an element per
    /// commitment, several for one country); nil when not even that is known.
    let count: Int?

    init(_ quantity: Quantity, _ elements: Set<String>) {
        self.quantity = quantity
        countries = elements
        count = Set(elements.map { Self.country(of: $0) }).count
    }

    init(_ quantity: Quantity, unknownSetOf count: Int?) {
        self.quantity = quantity
        countries = nil
        self.count = count
    }

    /// The country an element names.
    static func country(of element: String) -> Substring {
        element.prefix { $0 != "=" }
    }
}
