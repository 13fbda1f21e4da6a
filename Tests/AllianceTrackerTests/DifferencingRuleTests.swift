import Testing

@testable import AllianceTracker

/// The rule on contributor sets by itself, at k = 3 (docs/statistics.md "Disclosure control").
@Suite struct DifferencingRuleTests {
    static let quantity = Quantity(indicator: "offenders_convicted", year: 2024)

    static func sum(_ countries: String...) -> ReleaseFigure {
        ReleaseFigure(quantity, Set(countries))
    }

    @Test func setsOneOrTwoCountriesApartAreDifferencing() {
        var rule = DifferencingRule(minimumCountries: 3, earlier: [Self.sum("FR", "DE", "IT", "ES")])
        #expect(rule.decide([Self.sum("FR", "DE")]) == .smallCell)
        #expect(rule.decide([Self.sum("FR", "DE", "IT", "ES", "NL")]) == .differencing)  // 1 added
        #expect(rule.decide([Self.sum("FR", "DE", "IT", "NL")]) == .differencing)  // 1 swapped: 2 apart
        #expect(rule.decide([Self.sum("FR", "DE", "IT")]) == .differencing)  // 1 left out
        #expect(rule.decide([Self.sum("FR", "DE", "IT", "ES")]) == nil)  // the same countries
        #expect(rule.decide([Self.sum("FR", "DE", "IT", "ES", "NL", "PL", "AT")]) == nil)  // 3 apart
        // a withheld figure is not public, an admitted one is, within the document
        #expect(rule.decide([Self.sum("FR", "DE", "IT", "ES", "NL", "PL")]) == .differencing)  // 1 from the one just admitted
        #expect(rule.admitted == [Self.sum("FR", "DE", "IT", "ES"), Self.sum("FR", "DE", "IT", "ES", "NL", "PL", "AT")])
        // another quantity is another matter
        let other = ReleaseFigure(Quantity(indicator: "offenders_convicted", year: 2023), ["FR", "DE", "IT"])
        #expect(rule.decide([other]) == nil)
    }

    @Test func aRateNeedsEachOfItsSums() {
        var rule = DifferencingRule(minimumCountries: 3, earlier: [Self.sum("FR", "DE", "IT", "ES")])
        let next = ReleaseFigure(Quantity(indicator: "offenders_convicted", year: 2025), ["FR", "DE", "IT", "ES", "NL"])
        #expect(rule.decide([next, Self.sum("FR", "DE", "IT", "ES", "NL")]) == .differencing)
        #expect(rule.admitted.isEmpty)
    }

    /// A release before sql/0018: its count is known, its countries are not.
    @Test func anUnknownSetIsReadAsTheWorstCase() {
        var rule = DifferencingRule(minimumCountries: 3, earlier: [ReleaseFigure(Self.quantity, unknownSetOf: 4)])
        #expect(rule.decide([Self.sum("FR", "DE", "IT", "ES")]) == .differencing)  // maybe one swapped
        #expect(rule.decide([Self.sum("FR", "DE", "IT", "ES", "NL")]) == .differencing)  // 1 more
        #expect(rule.decide([Self.sum("FR", "DE", "IT", "ES", "NL", "PL")]) == .differencing)  // 2 more
        #expect(rule.decide([Self.sum("FR", "DE", "IT", "ES", "NL", "PL", "AT")]) == nil)  // 3 more: any 4 are at least 3 apart
        var two = DifferencingRule(minimumCountries: 2, earlier: [ReleaseFigure(Self.quantity, unknownSetOf: 4)])
        #expect(two.decide([Self.sum("FR", "DE", "IT", "ES")]) == nil)  // at k = 2 a swap (2 apart) reveals nothing
    }
}
