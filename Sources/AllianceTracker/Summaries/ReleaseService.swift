import Foundation
import Logging

/// Publishes a year's summary as a numbered release, freezing its public document
/// (after disclosure control) as it is published, and reads releases back.
struct ReleaseService: Sendable {
    let database: Database
    let disclosure: Disclosure
    let clock: AppClock
    var repository = ReleaseRepository()

    /// Publishes the year's live summary as its next release; inside `session`
    /// when given (an idempotent request, the demo), else in a transaction of its own.
    func publish(
        year: Int,
        _ input: ReleaseInput,
        actor: AuditActor,
        in session: DatabaseSession? = nil,
        logger: Logger
    ) async throws -> (ReleaseInfo, Summary) {
        if let note = input.note, note.unicodeScalars.count > 2000 {
            throw DomainError.invalid("note", .tooLong, "must be at most 2000 characters")
        }
        let now = clock.now()
        return try await database.within(session, logger: logger) { session in
            try await publish(year: year, input, actor: actor, now: now, in: session)
        }
    }

    private func publish(
        year: Int,
        _ input: ReleaseInput,
        actor: AuditActor,
        now: Date,
        in session: DatabaseSession
    ) async throws -> (ReleaseInfo, Summary) {
        guard try await repository.lockCycle(year, on: session) else { throw DomainError.unknownCycle(year) }
        // one publisher at a time, whatever the year (a year's figures meet the next
        // year's `previous`), and no review decision commits while the figures are read
        try await PublicationLock.exclusive(on: session)
        let number = try await repository.nextNumber(year, on: session)
        try await SummaryService.recomputeOwnChanges(on: session)
        var summary = try await SummaryService.build(year: year, now: now, on: session)
        summary.release = Nullable(number)
        summary.publishedAt = Nullable(now)
        let info = ReleaseInfo(
            year: year,
            release: number,
            publishedAt: now,
            embargoUntil: input.embargoUntil,
            note: input.note,
            demo: summary.demo
        )
        let json = String(decoding: try JSONCoding.encoder.encode(summary), as: UTF8.self)
        try await repository.insert(info, publishedBy: actor.tokenID, summary: json, on: session)
        let disclosed = try await disclose(summary, on: session)
        try await repository.insert(try FrozenRelease(publicView: disclosed.view), year: year, release: number, at: now, on: session)
        try await repository.insert(disclosed.figures, year: year, release: number, on: session)
        let embargo = input.embargoUntil.map { JSONValue.string(ISO8601DateFormatter().string(from: $0)) } ?? .null
        let entry = AuditRecord(
            .summaryPublished,
            by: actor,
            year: year,
            entityID: "\(year)/\(number)",
            new: ["release": .number(Decimal(number)), "embargo_until": embargo],
            reason: input.note
        )
        try await AuditRepository().record(entry, at: now, in: session)
        try await repository.notify(year: year, release: number, on: session)
        return (info, summary)
    }

    /// Every release of every year (or of one), oldest first.
    func releases(year: Int? = nil, logger: Logger) async throws -> [ReleaseInfo] {
        try await database.read(logger: logger) { try await repository.releases(year: year, on: $0) }
    }

    /// A release's public document as frozen. Reading never writes: a read-only
    /// standby serves it as well as the primary.
    func frozen(year: Int, release: Int, logger: Logger) async throws -> FrozenRelease {
        guard let document = try await database.read(logger: logger, { try await repository.document(year: year, release: release, on: $0) })
        else { throw UnfrozenRelease(year: year, release: release) }
        return document
    }

    /// Freezes every release published before documents were frozen (sql/0005),
    /// from the summary it stored, with this service's disclosure control: done once,
    /// by `alliance migrate` on the primary, so that every instance then serves the
    /// same document and no read has to write. Returns how many it froze.
    func freezeEarlierReleases(logger: Logger) async throws -> Int {
        let now = clock.now()
        return try await database.transaction(logger: logger) { session in
            let earlier = try await repository.unfrozen(on: session)
            for (year, release) in earlier {
                guard let stored = try await repository.storedSummary(year: year, release: release, on: session) else { throw MissingRow() }
                let summary = try JSONCoding.decoder.decode(Summary.self, from: Data(stored.utf8))
                let document = try FrozenRelease(publicView: disclosure.publicView(of: summary))
                try await repository.insert(document, year: year, release: release, at: now, on: session)
                try await repository.recordEarlierFigures(year: year, release: release, on: session)
            }
            return earlier.count
        }
    }
}

/// A release without a frozen document: one published before sql/0005 that
/// `alliance migrate` has not frozen yet. Answered with a 500 and logged.
struct UnfrozenRelease: Error, CustomStringConvertible {
    let year: Int
    let release: Int
    var description: String { "release \(release) of \(year) has no frozen document: run `alliance migrate` to freeze earlier releases" }
}

/// For the command line: `alliance migrate` freezes the releases published before
/// sql/0005 right after applying it.
public enum EarlierReleases {
    /// Freezes them at the service's `DISCLOSURE_MIN_COUNTRIES`; returns how many.
    public static func freeze(in database: Database, disclosureMinimumCountries: Int, logger: Logger) async throws -> Int {
        let disclosure = Disclosure(minimumCountries: disclosureMinimumCountries)
        return try await ReleaseService(database: database, disclosure: disclosure, clock: .system).freezeEarlierReleases(logger: logger)
    }
}
