import Foundation

/// One demo year: its cycle, its reports, its releases, each step through the
/// services at its own moment of the year after.
struct DemoYear {
    let year: Int
    /// Every indicator's measure kind: how a demo figure is given (a number, or true/false).
    let kinds: [String: MeasureKind]
    let database: Database
    /// The disclosure control the releases are published with.
    let disclosure: Disclosure
    let session: DatabaseSession

    private var dueOn: String { "\(year + 1)-03-31" }

    private func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    func reports(at moment: Date) -> ReportService {
        ReportService(database: database, clock: AppClock(now: moment))
    }

    func openCycle() async throws {
        let cycles = CycleService(database: database, clock: AppClock(now: date("\(year + 1)-01-01T00:00:00Z")))
        guard try await cycles.existingCycle(year, in: session) == nil else { return }
        let input = CycleInput(opensOn: "\(year + 1)-01-01", dueOn: dueOn, locksOn: "\(year + 1)-06-30", requiredIndicators: nil)
        _ = try await cycles.put(year, input, actor: .commandLine, in: session, logger: session.logger)
    }

    /// Files and settles every expected country's report; returns how many were
    /// filed and which countries will send a late correction.
    func fileReports() async throws -> (count: Int, amended: [String]) {
        let cycles = CycleService(database: database, clock: AppClock(now: date("\(year + 1)-01-01T00:00:00Z")))
        guard let cycle = try await cycles.existingCycle(year, in: session) else { throw MissingRow() }
        var filed = 0
        var amended: [String] = []
        var unreported: [String] = []
        for country in cycle.expectedReporters where try await !hasReport(country) {
            unreported.append(country)
        }
        for country in unreported {
            var fate = DemoRandom(country, String(year), "fate")
            if fate.chance(0.07) { continue }  // a gap: no report this year
            let late = fate.chance(0.15)
            let returned = fate.chance(0.08)
            let submitted = date("\(year + 1)-\(late ? "04" : "03")-\(String(format: "%02d", Int(fate.between(1, 28))))T10:00:00Z")
            try await file(country, correction: returned, at: submitted)
            try await reports(at: submitted).markAsDemo(country: country, year: year, in: session)
            if returned {
                try await review(country, .return, at: submitted.addingTimeInterval(7 * 86_400))
                try await file(country, correction: false, at: submitted.addingTimeInterval(14 * 86_400))
            }
            try await review(country, .accept, at: submitted.addingTimeInterval(30 * 86_400))
            if fate.chance(0.05) { amended.append(country) }
            filed += 1
        }
        return (filed, amended)
    }

    private func hasReport(_ country: String) async throws -> Bool {
        // a read: no moment of the history is involved
        let reports = ReportService(database: database, clock: .system)
        return try await reports.report(country: country, year: year, in: session, logger: session.logger) != nil
    }

    /// Release 1 in July; after late corrections, release 2 in October.
    func publish(_ amended: [String]) async throws -> Int {
        try await release(note: "Demo release", at: date("\(year + 1)-07-15T12:00:00Z"))
        guard !amended.isEmpty else { return 1 }
        let corrected = date("\(year + 1)-09-01T10:00:00Z")
        for country in amended {
            try await file(country, correction: true, at: corrected)
            try await review(country, .accept, at: corrected)
        }
        try await release(note: "Demo release: late corrections", at: date("\(year + 1)-10-01T12:00:00Z"))
        return 2
    }

    private func release(note: String, at moment: Date) async throws {
        let releases = ReleaseService(database: database, disclosure: disclosure, clock: AppClock(now: moment))
        _ = try await releases.publish(
            year: year,
            ReleaseInput(embargoUntil: nil, note: note),
            actor: .commandLine,
            in: session,
            logger: session.logger
        )
    }

    /// Saves the country's next version at `moment` and submits it.
    func file(_ country: String, correction: Bool, at moment: Date) async throws {
        let service = reports(at: moment)
        _ = try await service.save(
            country: country,
            year: year,
            content(country, correction: correction),
            expecting: .current,
            actor: .commandLine,
            in: session,
            logger: session.logger
        )
        _ = try await service.submit(
            country: country,
            year: year,
            expecting: .current,
            actor: .commandLine,
            in: session,
            logger: session.logger
        )
    }

    func review(_ country: String, _ decision: ReviewDecision, at moment: Date) async throws {
        let comment = decision == .return ? "Demo data: please check the figures." : nil
        _ = try await reports(at: moment).review(
            country: country,
            year: year,
            decision: decision,
            comment: comment,
            expecting: .current,
            actor: .commandLine,
            in: session,
            logger: session.logger
        )
    }

    func content(_ country: String, correction: Bool) -> ReportInput {
        let values = DemoReports.values(country: country, year: year, correction: correction).map { value in
            ReportInput.ValueInput(
                indicator: value.indicator,
                value: value.value.map { ReportedValue(stored: $0, kind: kinds[value.indicator] ?? .flow) },
                notAvailable: value.notAvailable,
                note: "demo data",
                source: nil,
                nature: ValueNature.estimated.rawValue
            )
        }
        let narratives = (1...4).map { goal in
            ReportInput.NarrativeInput(
                goal: goal,
                actionsTaken: "Demo data: made-up actions under goal \(goal).",
                actionsPlanned: "Demo data: made-up plans."
            )
        }
        return ReportInput(values: values, narratives: narratives)
    }
}
