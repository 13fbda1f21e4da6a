import Foundation

/// Disclosure control for public figures (docs/rules.md §4, docs/statistics.md
/// "Disclosure control"). A release is published through `publicView(of:sets:earlier:)`
/// (`Disclosure+Sets.swift`): the rule on contributor sets, which withholds a figure
/// from 1 to k−1 countries or one whose countries differ by 1 to k−1 from those of a
/// public figure of the same quantity, and names each withheld figure with its reason.
///
/// Whatever the rule:
/// - min and max are one country's figure each: never public;
/// - each country's progress against its own commitments, and its country-scope
///   targets, stay with the secretariat;
/// - the multi-year view and the level are published as rates only: their panels
///   (which countries) and their sums stay with the secretariat, as do a target's
///   two sums.
///
/// `publicView(of:)` is the count rule releases were frozen with before sql/0018.
struct Disclosure: Sendable {
    let minimumCountries: Int

    /// The count rule alone, as releases were frozen before sql/0018: for a release
    /// published before sql/0005 that `alliance migrate` freezes now.
    func publicView(of summary: Summary) -> Summary {
        var view = withoutCountryFigures(summary)
        view.indicators = summary.indicators.map(publicView)
        view.targets = view.targets.map { target in
            guard tooFew(target.countries) else { return target }
            var withheld = target
            withheld.value = nil
            withheld.met = nil
            withheld.suppressed = true
            return withheld
        }
        return view
    }

    /// What is never public, whatever the rule: each country's progress against its
    /// commitments, a goal's counts from too few countries' commitments, country-scope targets and
    /// the sums behind a target's growth.
    func withoutCountryFigures(_ summary: Summary) -> Summary {
        var view = summary
        view.commitmentProgress = nil
        view.goals = summary.goals.map { goal in
            // a goal's counts from the commitments of too few countries are theirs
            let countries = summary.commitmentProgress.map { all in Set(all.filter { $0.goal == goal.goal }.map(\.country)).count }
            guard tooFew(countries ?? goal.commitments) else { return goal }
            return goal.withholding(.smallCell)
        }
        // a country-scope result is one country's figure: never public
        view.targets = summary.targets.filter { $0.scope == .alliance }.map { target in
            var withheld = target
            withheld.previous = nil
            withheld.current = nil
            return withheld
        }
        return view
    }

    /// Min and max (one country's figure each) and the panels and sums of the
    /// multi-year view and the level: never public.
    func withoutPanels(_ indicator: IndicatorSummary) -> IndicatorSummary {
        var view = indicator
        view.min = nil
        view.max = nil
        view.sinceBaseline.baseline = nil
        view.sinceBaseline.current = nil
        view.sinceBaseline.panel = view.sinceBaseline.panel.map { _ in [] }
        view.level?.previous = nil
        view.level?.current = nil
        view.level?.panel = []
        return view
    }

    func publicView(of indicator: IndicatorSummary) -> IndicatorSummary {
        var view = withoutPanels(indicator)
        if tooFew(indicator.countriesReporting) {
            view.headline = nil
            view.total = nil
            view.mean = nil
            view.median = nil
            view.sharePct = nil
            view.suppressed = true
        }
        if tooFew(indicator.previousCountries) { view.previous = nil }
        let all = indicator.growth.allReporters
        view.growth.allReporters = withheld(all, if: tooFew(all.countries) || tooFew(all.previousCountries))
        view.growth.likeForLike = withheld(indicator.growth.likeForLike, if: tooFew(indicator.growth.likeForLike.countries))
        let left = [indicator.growth.allReporters.countries, indicator.growth.allReporters.previousCountries]
            .map { $0 - indicator.growth.likeForLike.countries }
        if left.contains(where: tooFew) {
            view.growth.likeForLike.previous = nil
            view.growth.likeForLike.current = nil
        }
        if let level = indicator.level, tooFew(level.countries) {
            view.level?.previous = nil
            view.level?.current = nil
            view.level?.growthPct = nil
            view.level?.suppressed = true
        }
        if tooFew(indicator.sinceBaseline.countries) {
            view.sinceBaseline.baseline = nil
            view.sinceBaseline.current = nil
            view.sinceBaseline.cagrPct = nil
            view.sinceBaseline.changePp = view.sinceBaseline.changePp.map { _ in nil }
            view.sinceBaseline.suppressed = true
        }
        return view
    }

    /// From some countries, but fewer than the threshold. (From none, there is no
    /// figure to withhold.)
    func tooFew(_ countries: Int) -> Bool {
        countries > 0 && countries < minimumCountries
    }

    func withheld(_ figure: GrowthFigure, if condition: Bool) -> GrowthFigure {
        guard condition else { return figure }
        var view = figure
        view.pct = nil
        view.changePp = view.changePp.map { _ in nil }  // absent stays absent: an old summary reads as before
        view.previous = nil
        view.current = nil
        view.suppressed = true
        return view
    }
}
