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
        // at k = 2 a swap (2 apart) reveals nothing, but one country's amended value would
        #expect(two.decide([Self.sum("FR", "DE", "IT", "ES")]) == .differencing)
        #expect(two.decide([Self.sum("FR", "DE", "IT", "ES", "NL", "PL")]) == nil)  // 2 more
    }
}

extension DifferencingRuleTests {
    /// Sets are apart by countries, not by elements: FR amended 57 to 58 while NL
    /// joined is three elements but two countries, and the difference of the totals is
    /// NL's value plus FR's correction.
    @Test func setsAreApartByCountries() {
        var rule = DifferencingRule(minimumCountries: 3, earlier: [Self.sum("FR=57", "DE=1", "IT=2", "ES=3")])
        #expect(rule.decide([Self.sum("FR=58", "DE=1", "IT=2", "ES=3", "NL=4")]) == .differencing)
        #expect(rule.decide([Self.sum("FR=58", "DE=1", "IT=5", "ES=3", "NL=4")]) == nil)  // three countries apart
        // a goal's set: an element per commitment, several for one country
        let goal = Quantity(goal: 2, year: 2024)
        #expect(ReleaseFigure(goal, ["FR=1:on_track", "FR=2:no_data", "FR=3:off_track"]).count == 1)
        #expect(rule.decide([ReleaseFigure(goal, ["FR=1:on_track", "FR=2:no_data", "FR=3:off_track"])]) == .smallCell)
    }

    /// A set recorded before sql/0019 names countries without their values: each
    /// country in both may or may not have changed, so NL joining is one apart at least.
    @Test func aCountryWithoutItsValueMayBeUnchanged() {
        var rule = DifferencingRule(minimumCountries: 3, earlier: [Self.sum("FR", "DE", "IT", "ES")])
        #expect(rule.decide([Self.sum("FR=1", "DE=2", "IT=3", "ES=4", "NL=5")]) == .differencing)
        #expect(rule.decide([Self.sum("FR=1", "DE=2", "IT=3", "ES=4", "NL=5", "PL=6", "AT=7")]) == nil)  // three joined
        #expect(DifferencingRule.countriesApart(["FR", "DE"], ["FR=1", "DE=2", "NL=3"]) == 1...3)
    }
}

extension DifferencingRuleTests {
    /// No two of these sets are within two countries of each other, yet the first two
    /// added, less the third, are France's value.
    @Test func threeSumsThatGiveOneCountryAreDifferencing() {
        let earlier = [Self.sum("FR", "DE", "IT", "ES"), Self.sum("NL", "PL", "AT", "BE")]
        var rule = DifferencingRule(minimumCountries: 3, earlier: earlier)
        #expect(rule.decide([Self.sum("DE", "IT", "ES", "NL", "PL", "AT", "BE")]) == .differencing)
        // one more country on the third's side: FR − LU, two countries' figures
        #expect(rule.decide([Self.sum("DE", "IT", "ES", "NL", "PL", "AT", "BE", "LU")]) == .differencing)
        // three countries of its own: no combination is confined to fewer than three
        #expect(rule.decide([Self.sum("DE", "IT", "NL", "PL", "CZ", "SK", "HU")]) == nil)
        #expect(rule.admitted.count == 1)
    }

    @Test func combinationsAreFoundByCountry() {
        let sums: [Set<String>] = [["FR", "DE", "IT", "ES"], ["NL", "PL", "AT", "BE"], ["DE", "IT", "ES", "NL", "PL", "AT", "BE", "LU"]]
        #expect(SumCombinations(sums).dimensions(most: 2) == [["FR", "LU"]: 1])
        #expect(SumCombinations(sums).dimensions(most: 1).isEmpty)
        // an amended value: FR's two values and DE's make three elements of two countries
        #expect(SumCombinations([["FR=1", "DE=2", "IT=3", "ES=4"], ["FR=5", "IT=3", "ES=4", "NL=6"]]).dimensions(most: 2).isEmpty)
        #expect(SumCombinations([["FR=1", "DE=2", "IT=3", "ES=4"], ["FR=5", "DE=2", "IT=3", "ES=4"]]).dimensions(most: 1) == [["FR"]: 1])
        #expect(SumCombinations.groups(of: ["A", "B", "C"], upTo: 2) == [["A"], ["B"], ["C"], ["A", "B"], ["A", "C"], ["B", "C"]])
    }
}

extension DifferencingRuleTests {
    /// Two earlier releases already give FR and NL's sum as it changed between them (one
    /// figure of two countries). A third sum giving FR=57 + NL=1 alone is a second figure
    /// of the same two countries: new, though the group was already known.
    @Test func aSecondFigureOfAGroupAlreadyShownIsNew() {
        let a: Set<String> = ["FR=57", "NL=1", "DE=3", "IT=4", "ES=5"]
        let b: Set<String> = ["FR=58", "NL=2", "DE=3", "IT=4", "ES=5"]
        let third: Set<String> = ["DE=3", "IT=4", "ES=5"]
        #expect(SumCombinations([a, b]).dimensions(most: 2) == [["FR", "NL"]: 1])
        #expect(SumCombinations([a, b, third]).dimensions(most: 2)[["FR", "NL"]] == 2)
        let rule = DifferencingRule(minimumCountries: 3, earlier: [ReleaseFigure(Self.quantity, a), ReleaseFigure(Self.quantity, b)])
        #expect(rule.combines([ReleaseFigure(Self.quantity, third)]))
    }
}
