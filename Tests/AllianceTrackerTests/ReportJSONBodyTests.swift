import Foundation
import Testing

@testable import AllianceTracker

/// A report's hand-written JSON (`Report.jsonBody`, the answer of every save and read) is
/// byte for byte what `JSONCoding.encoder` writes for the same report.
struct ReportJSONBodyTests {
    @Test func aReportWithEveryMemberIsWrittenAsTheEncoderWritesIt() throws {
        let report = Self.everyMember
        #expect(try Self.written(report) == Self.encoded(report))
        #expect(JSONBodyWriterTests.absentMembers(report, path: "report").isEmpty, "set every member in `everyMember`")
    }

    @Test func aNewDraftWithoutItsOptionalMembersIsWrittenAsTheEncoderWritesIt() throws {
        var report = Self.everyMember
        report.acceptedAt = nil
        report.acceptedVersion = nil
        report.firstSubmittedAt = nil
        report.submittedAt = nil
        report.values = [ReportValue(indicator: "x", value: nil, notAvailable: "not collected", note: nil, source: nil, nature: .reported)]
        report.narratives = []
        #expect(try Self.written(report) == Self.encoded(report))
        report.values = []
        #expect(try Self.written(report) == Self.encoded(report))
    }

    /// Random reports from a fixed seed: decimals of every shape, booleans, absent and
    /// present members, strings with characters the encoder escapes.
    @Test func randomReportsAreWrittenAsTheEncoderWritesThem() throws {
        var g = SplitMix64(seed: 0x5EED_2026)
        for index in 0..<300 {
            let report = Self.random(using: &g)
            #expect(try Self.written(report) == Self.encoded(report), "report \(index)")
        }
    }

    private static func written(_ report: Report) throws -> String { String(decoding: report.jsonBody, as: UTF8.self) }
    private static func encoded(_ report: Report) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(report), as: UTF8.self)
    }

    private static let texts = ["", "plain", "quote \" and \\ backslash", "a/b", "line\nbreak\r\ttab", "\u{0}\u{1F}\u{7F}", "Côte d’Ivoire 🇨🇮"]

    private static func random(using g: inout SplitMix64) -> Report {
        func date() -> Date? { Bool.random(using: &g) ? nil : Date(timeIntervalSince1970: Double(Int.random(in: 0...2_000_000_000, using: &g))) }
        func text() -> String? { Bool.random(using: &g) ? nil : texts.randomElement(using: &g) }
        func number() -> Decimal {
            let digits = Decimal(UInt64.random(in: 0...UInt64.max, using: &g) >> UInt64.random(in: 0...63, using: &g))
            return Decimal(sign: .plus, exponent: Int.random(in: -12...6, using: &g), significand: digits)
        }
        let values = (0..<Int.random(in: 0...15, using: &g)).map { index in
            let kind = Int.random(in: 0...2, using: &g)
            return ReportValue(
                indicator: "indicator_\(index)",
                value: kind == 0 ? nil : kind == 1 ? .number(number()) : .bool(Bool.random(using: &g)),
                notAvailable: kind == 0 ? texts.randomElement(using: &g) : nil,
                note: text(),
                source: text(),
                nature: Bool.random(using: &g) ? .reported : .estimated
            )
        }
        return Report(
            country: "FR",
            year: Int.random(in: 2012...2100, using: &g),
            status: ReportStatus.allCases.randomElement(using: &g)!,
            version: Int.random(in: 1...1_000, using: &g),
            acceptedVersion: Bool.random(using: &g) ? nil : Int.random(in: 1...1_000, using: &g),
            firstSubmittedAt: date(),
            submittedAt: date(),
            acceptedAt: date(),
            savedAt: date() ?? Date(timeIntervalSince1970: 0),
            values: values,
            narratives: (1...Int.random(in: 1...4, using: &g)).map {
                Narrative(goal: $0, actionsTaken: text() ?? "", actionsPlanned: text() ?? "")
            }
        )
    }

    /// Every member set, each value's too (a value and a reason at once, which a save
    /// refuses, so that both writers write every member).
    private static let everyMember = Report(
        country: "FR",
        year: 2025,
        status: .accepted,
        version: 4,
        acceptedVersion: 3,
        firstSubmittedAt: Date(timeIntervalSince1970: 1_740_000_000),
        submittedAt: Date(timeIntervalSince1970: 1_741_000_000),
        acceptedAt: Date(timeIntervalSince1970: 1_742_000_000),
        savedAt: Date(timeIntervalSince1970: 1_743_000_000.75),
        values: [
            ReportValue(
                indicator: "icse_victims_identified",
                value: .number(Decimal(string: "1250")!),
                notAvailable: "partly",
                note: "counted \"twice\"",
                source: "ICSE",
                nature: .reported
            ),
            ReportValue(
                indicator: "dedicated_le_unit",
                value: .bool(true),
                notAvailable: "partly",
                note: "in force",
                source: "law",
                nature: .estimated
            ),
            ReportValue(
                indicator: "removed_within_3_days_pct",
                value: .number(Decimal(string: "64.90")!),
                notAvailable: "n/a",
                note: "x",
                source: "y",
                nature: .reported
            ),
        ],
        narratives: [Narrative(goal: 1, actionsTaken: "Trained 40 officers.\nMore planned.", actionsPlanned: "Côte d’Ivoire")]
    )
}
