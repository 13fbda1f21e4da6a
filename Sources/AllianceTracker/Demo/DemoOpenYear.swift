import Foundation

/// The demo's most recent year (last year by the clock), left open and unpublished so
/// that the worklist, the filing guide and the secretariat's guide have a live cycle
/// to work on, whatever day the demo is seeded.
///
/// Its dates follow the seeding day D rather than the calendar, as the earlier years'
/// do: it opened 8 weeks before D, was due 5 days before D (so that some reports are
/// late), and locks 6 weeks after D. Seeded in early January, the cycle opens within
/// the year it covers, which the rules allow (only opens_on ≤ due_on ≤ locks_on).
struct DemoOpenYear {
    let demo: DemoYear
    /// The start (00:00 UTC) of the seeding day.
    let day: Date

    /// What each expected reporter has done by the seeding day.
    enum Fate: Equatable {
        case notStarted
        case draft
        case submitted(late: Bool)
        case returned
        case accepted
        /// Accepted, then amended; the amendment is submitted and waits for review.
        case amendmentSubmitted
    }

    /// France has not started, so that docs/filing-a-report.md can file its report from
    /// scratch. Of the others, in alphabetical order: the first is accepted, the second
    /// has an amendment waiting, the third was returned; the rest go round a mix where
    /// half have submitted (every tenth of the round late: 5 of 22 on 48 members), a quarter hold a draft and a
    /// quarter have not started.
    static let filingGuideCountry = "FR"

    static func fate(of country: String, at index: Int) -> Fate {
        if country == filingGuideCountry { return .notStarted }
        let fixed: [Fate] = [.accepted, .amendmentSubmitted, .returned]
        if index < fixed.count { return fixed[index] }
        let round: [Fate] = [.submitted(late: false), .draft, .submitted(late: false), .notStarted]
        let fate = round[(index - fixed.count) % round.count]
        return fate == .submitted(late: false) && (index - fixed.count) % 10 == 2 ? .submitted(late: true) : fate
    }

    /// The four indicators docs/filing-a-report.md files; the demo's reports give all of them.
    static let required = ["dedicated_le_unit", "icse_victims_identified", "notice_takedown_median_days", "offenders_convicted"]

    var opensOn: Date { day.addingTimeInterval(-56 * 86_400) }

    func openCycle() async throws {
        let cycles = CycleService(database: demo.database, clock: AppClock(now: opensOn))
        guard try await cycles.existingCycle(demo.year, in: demo.session) == nil else { return }
        let days = [opensOn, day.addingTimeInterval(-5 * 86_400), day.addingTimeInterval(42 * 86_400)].map(AppClock.dayFormatter.string)
        let input = CycleInput(opensOn: days[0], dueOn: days[1], locksOn: days[2], requiredIndicators: Self.required)
        _ = try await cycles.put(demo.year, input, actor: .commandLine, in: demo.session, logger: demo.session.logger)
    }

    /// Files each expected reporter's report as far as its fate; returns how many reports exist.
    func fileReports() async throws -> Int {
        let cycles = CycleService(database: demo.database, clock: AppClock(now: opensOn))
        guard let cycle = try await cycles.existingCycle(demo.year, in: demo.session) else { throw MissingRow() }
        var filed = 0
        for (index, country) in cycle.expectedReporters.filter({ $0 != Self.filingGuideCountry }).sorted().enumerated() {
            if try await settle(country, Self.fate(of: country, at: index)) { filed += 1 }
        }
        return filed
    }

    /// A moment of the cycle: `days` after it opened, at 10:00 UTC.
    private func at(_ days: Int) -> Date { opensOn.addingTimeInterval(Double(days) * 86_400 + 36_000) }

    private func settle(_ country: String, _ fate: Fate) async throws -> Bool {
        var random = DemoRandom(country, String(demo.year), "open")
        switch fate {
        case .notStarted:
            return false
        case .draft:
            let moment = at(Int(random.between(3, 55)))
            _ = try await demo.reports(at: moment).save(
                country: country,
                year: demo.year,
                demo.content(country, correction: false),
                expecting: .current,
                actor: .commandLine,
                in: demo.session,
                logger: demo.session.logger
            )
            try await demo.reports(at: moment).markAsDemo(country: country, year: demo.year, in: demo.session)
        case .submitted(let late):
            // due on day 51 of the cycle; the seeding day is day 56
            let moment = at(late ? Int(random.between(52, 55)) : Int(random.between(3, 51)))
            try await demo.file(country, correction: false, at: moment)
            try await demo.reports(at: moment).markAsDemo(country: country, year: demo.year, in: demo.session)
        case .returned:
            try await demo.file(country, correction: true, at: at(10))
            try await demo.reports(at: at(10)).markAsDemo(country: country, year: demo.year, in: demo.session)
            try await demo.review(country, .return, at: at(20))
        case .accepted, .amendmentSubmitted:
            try await demo.file(country, correction: false, at: at(4))
            try await demo.reports(at: at(4)).markAsDemo(country: country, year: demo.year, in: demo.session)
            try await demo.review(country, .accept, at: at(14))
            if fate == .amendmentSubmitted { try await demo.file(country, correction: true, at: at(52)) }
        }
        return true
    }
}
