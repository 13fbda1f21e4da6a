import Foundation
import Logging

/// Reports: read, saved as new versions, submitted and reviewed (docs/rules.md §2). Every
/// change runs in one transaction that checks the cycle window and the expected
/// version, writes, and records itself in the audit log at the clock's time.
struct ReportService: Sendable {
    let database: Database
    let clock: AppClock
    let reports = ReportRepository()
    let catalogue = CatalogueRepository()
    let audit = AuditRepository()

    var cycles: CycleService { CycleService(database: database, clock: clock) }

    func report(country: String, year: Int, in outer: DatabaseSession? = nil, logger: Logger) async throws -> Report? {
        if let outer { return try await reports.report(country: country, year: year, in: outer) }
        return try await database.read(logger: logger) { try await reports.report(country: country, year: year, in: $0) }
    }

    func versions(country: String, year: Int, logger: Logger) async throws -> [VersionSummary] {
        let versions = try await database.read(logger: logger) { try await reports.versions(country: country, year: year, in: $0) }
        guard let versions else { throw DomainError.unknownReport(country: country, year: year) }
        return versions
    }

    func version(country: String, year: Int, number: Int, logger: Logger) async throws -> ReportVersion? {
        try await database.read(logger: logger) { try await reports.version(country: country, year: year, version: number, in: $0) }
    }

    /// The validator, fed with the catalogue's indicators as they stand in `session`.
    func validator(in session: DatabaseSession) async throws -> ReportValidator {
        ReportValidator(indicators: try await catalogue.indicatorKinds(in: session))
    }

    /// Saves `input` as the report's next version; returns the report and whether it was created.
    func save(
        country: String,
        year: Int,
        _ input: ReportInput,
        expecting expected: ExpectedVersion,
        actor: AuditActor,
        in outer: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> (Report, created: Bool) {
        let now = clock.now()
        return try await database.within(outer, logger: logger) { session in
            let state = try await reports.saveState(country: country, year: year, at: now, in: session)
            let content = try ReportValidator(indicators: state.indicators).validate(input)
            guard let window = state.window else { throw DomainError.unknownCycle(year) }
            try window.check(today: AppClock.dayFormatter.string(from: now), role: actor.role)
            try Self.checkMembership(state.mayReport, country: country, year: year)
            let existing = state.row
            try expected.check(currentVersion: existing?.currentVersion)
            if existing?.status == .submitted {
                throw DomainError(.reportUnderReview, "A submitted report cannot change until the secretariat accepts or returns it.")
            }
            let reportID = if let existing { existing.id } else { try await create(country: country, year: year, in: session) }
            let version = (existing?.currentVersion ?? 0) + 1
            let entry = Self.auditEntry(country: country, year: year, version: version, previous: existing, actor: actor)
            let savedAt = try await reports.writeVersion(reportID: reportID, version: version, content, entry: entry, at: now, in: session)
            let saved = Report.saved(country: country, year: year, version: version, at: savedAt, content, over: existing)
            return (saved, existing == nil)
        }
    }

    /// docs/rules.md §1: the country must exist, and be a member at some time in the
    /// year or be expected to report for it.
    private static func checkMembership(_ mayReport: Bool?, country: String, year: Int) throws {
        guard let mayReport else { throw DomainError.unknownCountry(country) }
        guard mayReport else {
            throw DomainError.invalid(
                "country",
                .notAMember,
                "\(country) was not a member of the Alliance in \(year) and is not expected to report for it"
            )
        }
    }

    private func create(country: String, year: Int, in session: DatabaseSession) async throws -> Int64 {
        // another request created the report first: this one was based on no version at all
        guard let id = try await reports.create(country: country, year: year, in: session) else {
            throw ExpectedVersion.mismatch(current: nil)
        }
        return id
    }

    /// The save's own audit entry; `writeVersion` adds one for each value that changed
    /// against the previous version.
    private static func auditEntry(country: String, year: Int, version: Int, previous: ReportRow?, actor: AuditActor) -> AuditRecord {
        AuditRecord(
            previous == nil ? .reportCreated : .reportSaved,
            by: actor,
            country: country,
            year: year,
            entityID: "\(country)/\(year)",
            old: previous.map { ["version": .number(Decimal($0.currentVersion)), "status": .string($0.status.rawValue)] },
            new: ["version": .number(Decimal(version)), "status": .string(ReportStatus.draft.rawValue)]
        )
    }

    func reloaded(country: String, year: Int, in session: DatabaseSession) async throws -> Report {
        guard let report = try await reports.report(country: country, year: year, in: session) else { throw MissingRow() }
        return report
    }
}

extension DomainError {
    static func unknownReport(country: String, year: Int) -> DomainError {
        DomainError(.unknownReport, "\(country) has no report for \(year) yet; PUT one to start it.")
    }
}
