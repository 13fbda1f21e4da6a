/// The rule on contributor sets (docs/statistics.md "Disclosure control"), k being
/// `DISCLOSURE_MIN_COUNTRIES`: a figure is withheld when a sum it depends on comes
/// from 1 to k−1 countries (`small_cell`), or when its countries differ by 1 to k−1
/// from those of a public sum of the same quantity (`differencing`): one in an earlier
/// release of any year, or one this document already made public. Figures are
/// decided one at a time, in a fixed order; a withheld one is not public.
struct DifferencingRule: Sendable {
    let minimumCountries: Int
    private var published: [Quantity: [ReleaseFigure]] = [:]
    /// The sums this document makes public, each once, in the order they were admitted
    /// (a sum an earlier release made public too is recorded again, with this release).
    private(set) var admitted: [ReleaseFigure] = []

    init(minimumCountries: Int, earlier: [ReleaseFigure]) {
        self.minimumCountries = minimumCountries
        for figure in earlier { published[figure.quantity, default: []].append(figure) }
    }

    /// Decides a figure that depends on `sums`: nil when it may be published (its
    /// sums are public from then on), else why not.
    mutating func decide(_ sums: [ReleaseFigure]) -> WithheldReason? {
        if sums.contains(where: { $0.count < minimumCountries }) { return .smallCell }
        if sums.contains(where: reveals) { return .differencing }
        for sum in sums where !admitted.contains(sum) {
            published[sum.quantity, default: []].append(sum)
            admitted.append(sum)
        }
        return nil
    }

    /// Whether some public sum of the same quantity gives, by difference with this
    /// one, the figure of 1 to k−1 countries.
    func reveals(_ sum: ReleaseFigure) -> Bool {
        (published[sum.quantity] ?? []).contains { differ(sum, $0) }
    }

    private func differ(_ a: ReleaseFigure, _ b: ReleaseFigure) -> Bool {
        let most = minimumCountries - 1
        if let x = a.countries, let y = b.countries {
            return (1...max(most, 1)).contains(x.symmetricDifference(y).count) && most >= 1
        }
        // an unknown set (sql/0018): the worst case over every set of that many
        // countries. Counts m apart, the nearest such set differs by m; of one
        // count, by 2 (one country swapped for another).
        let apart = abs(a.count - b.count)
        return apart == 0 ? most >= 2 : apart <= most
    }
}
