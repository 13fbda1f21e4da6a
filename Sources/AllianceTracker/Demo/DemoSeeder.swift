import Foundation
import Logging

/// `alliance seed --demo`: made-up reports for every member from 2013 to the year
/// before last, with gaps, late submissions, returned and amended reports and a few
/// not-available values; accepted and released year by year. Last year's cycle is
/// left open and unpublished, with reports at every stage (`DemoOpenYear`). The history is
/// written through the services, each step with a clock set to its moment, so it
/// is validated and audited as real reports are. Every report is marked `demo`,
/// and the public responses say so. Seeding again adds nothing.
public struct DemoSeeder: Sendable {
    let clock: AppClock
    let disclosure: Disclosure

    /// `disclosureMinimumCountries`: the service's `DISCLOSURE_MIN_COUNTRIES`, which
    /// the demo's releases are published with, as the service would.
    public init(clock: AppClock = .system, disclosureMinimumCountries: Int = 3) {
        self.clock = clock
        self.disclosure = Disclosure(minimumCountries: disclosureMinimumCountries)
    }

    public struct Outcome: Sendable {
        public let years: ClosedRange<Int>?
        public let reports: Int
        public let releases: Int
        /// The year left open and unpublished: the last of `years`.
        public var openYear: Int? { years?.upperBound }
        public var alreadyPresent: Bool { years == nil }
    }

    public func seed(_ database: Database, logger: Logger) async throws -> Outcome {
        try await database.transaction(logger: logger) { session in
            let service = ReportService(database: database, clock: clock)
            if try await service.hasDemoReports(in: session) { return Outcome(years: nil, reports: 0, releases: 0) }
            let kinds = try await service.validator(in: session).indicators
            let lastYear = Calendar(identifier: .gregorian).component(.year, from: clock.now()) - 1
            let years = DemoReports.firstYear...lastYear
            var reports = 0
            var releases = 0
            for year in years {
                let demoYear = DemoYear(year: year, kinds: kinds, database: database, disclosure: disclosure, session: session)
                guard year < lastYear else {
                    let open = DemoOpenYear(demo: demoYear, day: AppClock.dayFormatter.date(from: clock.today()) ?? clock.now())
                    try await open.openCycle()
                    reports += try await open.fileReports()
                    continue
                }
                try await demoYear.openCycle()
                let filed = try await demoYear.fileReports()
                reports += filed.count
                releases += try await demoYear.publish(filed.amended)
            }
            let entry = AuditRecord(
                .demoSeeded,
                by: .commandLine,
                entityID: nil,
                new: ["years": .string("\(years.lowerBound)-\(years.upperBound)"), "reports": .number(Decimal(reports))]
            )
            try await AuditRepository().record(entry, at: clock.now(), in: session)
            return Outcome(years: years, reports: reports, releases: releases)
        }
    }
}
