import Foundation
import Logging
import PostgresNIO

/// A published release: its number, when, and until when it is embargoed.
struct ReleaseInfo: Codable, Sendable, Equatable {
    var year: Int
    var release: Int
    var publishedAt: Date
    var embargoUntil: Date?
    var note: String?
    var demo: Bool

    func visible(at now: Date) -> Bool {
        embargoUntil.map { $0 <= now } ?? true
    }
}

/// The body of `POST /v1/summaries/{year}/releases`.
struct ReleaseInput: Decodable, Sendable {
    var embargoUntil: Date?
    var note: String?
}

/// Freezes summaries as numbered, immutable releases and reads them back.
enum ReleaseStore {
    /// Publishes the year's live summary as its next release.
    static func publish(
        year: Int, _ input: ReleaseInput, actor: AuditActor, now: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> (ReleaseInfo, Summary) {
        if let note = input.note, note.unicodeScalars.count > 2000 {
            throw DomainError.invalid("note", .tooLong, "must be at most 2000 characters")
        }
        // one publisher at a time per year, so that release numbers never collide
        guard try await !connection.query(
            "SELECT 1 FROM reporting_cycles WHERE year = \(Int16(year)) FOR UPDATE", logger: logger
        ).collect().isEmpty else { throw DomainError.unknownCycle(year) }
        var summary = try await SummaryBuilder(connection: connection, logger: logger).build(year: year, now: now)
        let number = try await connection.query(
            "SELECT coalesce(max(release), 0) + 1 FROM summary_releases WHERE year = \(Int16(year))", logger: logger
        ).collect()[0].decode(Int.self)
        summary.release = Nullable(number)
        summary.publishedAt = Nullable(now)
        let json = String(decoding: try JSONCoding.encoder.encode(summary), as: UTF8.self)
        _ = try await connection.query("""
            INSERT INTO summary_releases (year, release, published_at, embargo_until, published_by, note, demo, summary)
            VALUES (\(Int16(year)), \(number), \(now), \(input.embargoUntil), \(actor.tokenID), \(input.note),
                    \(summary.demo), \(json)::jsonb)
            """, logger: logger)
        try await AuditLog.record(
            on: connection, logger: logger, actor: actor, action: "summary.published", country: nil, year: year,
            entity: "summary_release", entityID: "\(year)/\(number)",
            new: ["release": .number(Decimal(number)),
                  "embargo_until": input.embargoUntil.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null],
            reason: input.note
        )
        let info = ReleaseInfo(year: year, release: number, publishedAt: now, embargoUntil: input.embargoUntil,
                               note: input.note, demo: summary.demo)
        return (info, summary)
    }

    /// Every release of every year (or of one), oldest first.
    static func releases(year: Int? = nil, on connection: PostgresConnection, logger: Logger) async throws -> [ReleaseInfo] {
        try await connection.query("""
            SELECT year, release, published_at, embargo_until, note, demo FROM summary_releases
            WHERE \(year.map(Int16.init))::smallint IS NULL OR year = \(year.map(Int16.init))
            ORDER BY year, release
            """, logger: logger).collect().map { row in
            let (year, release, published, embargo, note, demo) = try row.decode((Int, Int, Date, Date?, String?, Bool).self)
            return ReleaseInfo(year: year, release: release, publishedAt: published, embargoUntil: embargo, note: note, demo: demo)
        }
    }

    /// Release `n` of a year, as it was frozen.
    static func summary(year: Int, release: Int, on connection: PostgresConnection, logger: Logger) async throws -> Summary? {
        let rows = try await connection.query(
            "SELECT summary::text FROM summary_releases WHERE year = \(Int16(year)) AND release = \(release)", logger: logger
        ).collect()
        guard let text = try rows.first?.decode(String.self) else { return nil }
        return try JSONCoding.decoder.decode(Summary.self, from: Data(text.utf8))
    }
}
