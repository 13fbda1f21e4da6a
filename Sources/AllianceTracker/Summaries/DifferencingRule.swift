/// The rule on contributor sets (docs/statistics.md "Disclosure control"), k being
/// `DISCLOSURE_MIN_COUNTRIES`: a figure is withheld when a sum it depends on comes
/// from 1 to k−1 countries (`small_cell`), or when its countries differ by 1 to k−1
/// from those of a public sum of the same quantity, or when it and the public sums of
/// its quantity add and subtract to the figure of 1 to k−1 countries (`differencing`);
/// a public sum is one in an earlier release of any year, or one this document already
/// made public. Figures are
/// decided one at a time, in a fixed order; a withheld one is not public.
struct DifferencingRule: Sendable {
    let minimumCountries: Int
    /// Each public sum once: a year published again with the same figures adds none,
    /// so that deciding stays as quick after the fiftieth release as after the first.
    private var published: [Quantity: Set<ReleaseFigure>] = [:]
    /// The sums this document makes public, each once, in the order they were admitted
    /// (a sum an earlier release made public too is recorded again, with this release).
    private(set) var admitted: [ReleaseFigure] = []
    private var admittedSet: Set<ReleaseFigure> = []

    init(minimumCountries: Int, earlier: [ReleaseFigure]) {
        self.minimumCountries = minimumCountries
        for figure in earlier { published[figure.quantity.compared, default: []].insert(figure) }
    }

    /// Decides a figure that depends on `sums`: nil when it may be published (its
    /// sums are public from then on), else why not.
    mutating func decide(_ sums: [ReleaseFigure]) -> WithheldReason? {
        if sums.contains(where: { ($0.count ?? 0) < minimumCountries }) { return .smallCell }
        if sums.contains(where: reveals) || combines(sums) { return .differencing }
        for sum in sums where admittedSet.insert(sum).inserted {
            published[sum.quantity.compared, default: []].insert(sum)
            admitted.append(sum)
        }
        return nil
    }

    /// Whether some public sum of the same quantity gives, by difference with this
    /// one, the figure of 1 to k−1 countries.
    func reveals(_ sum: ReleaseFigure) -> Bool {
        (published[sum.quantity.compared] ?? []).contains { differ(sum, $0) }
    }

    /// Whether `sums`, with the public sums of their quantities, give by adding and
    /// subtracting the figure of 1 to k−1 countries that the public sums alone did not
    /// (`SumCombinations`). Two sets in all are decided by their difference alone.
    func combines(_ sums: [ReleaseFigure]) -> Bool {
        let most = minimumCountries - 1
        guard most >= 1 else { return false }
        for quantity in Set(sums.map(\.quantity.compared)) {
            let known = Set((published[quantity] ?? []).compactMap(\.countries))
            let new = Set(sums.filter { $0.quantity.compared == quantity }.compactMap(\.countries)).subtracting(known)
            guard !new.isEmpty, known.count + new.count >= 3 else { continue }
            let before = SumCombinations(Array(known)).dimensions(most: most)
            let after = SumCombinations(Array(known.union(new))).dimensions(most: most)
            if after.contains(where: { group, dimension in dimension > (before[group] ?? 0) }) { return true }
        }
        return false
    }

    private func differ(_ a: ReleaseFigure, _ b: ReleaseFigure) -> Bool {
        let most = minimumCountries - 1
        guard most >= 1 else { return false }
        if let x = a.countries, let y = b.countries {
            if x == y { return false }
            let apart = Self.countriesApart(x, y)
            return apart.lowerBound <= most && apart.upperBound >= 1
        }
        // an unknown set (sql/0018): the worst case over every set of that many
        // countries. Counts m apart, the nearest such set differs by m; of one count,
        // by one (a country's amended value). Not even a count known (a goal's counts
        // before sql/0021): any set, of its own year (every year's would withhold a
        // goal's counts for good).
        guard a.quantity.year == b.quantity.year else { return false }
        guard let m = a.count, let n = b.count else { return true }
        return abs(m - n) <= most
    }

    /// How many countries two sets differ by, at least and at most: a country differs
    /// when it is in one set only or gave something else. A country named without
    /// what it gave (a set recorded before sql/0019) may or may not have changed.
    static func countriesApart(_ x: Set<String>, _ y: Set<String>) -> ClosedRange<Int> {
        let a = Dictionary(grouping: x) { ReleaseFigure.country(of: $0) }
        let b = Dictionary(grouping: y) { ReleaseFigure.country(of: $0) }
        var certain = 0
        var possible = 0
        for country in Set(a.keys).union(b.keys) {
            let (p, q) = (Set(a[country] ?? []), Set(b[country] ?? []))
            if p == q { continue }
            if p.isEmpty || q.isEmpty {
                certain += 1
            } else if p.contains(String(country)) || q.contains(String(country)) {
                possible += 1
            } else {
                certain += 1
            }
        }
        return certain...(certain + possible)
    }
}
