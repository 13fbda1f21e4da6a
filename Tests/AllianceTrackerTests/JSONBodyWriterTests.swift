import Foundation
import Logging
import Testing

@testable import AllianceTracker

/// The live summary's hand-written JSON (`Summary.jsonBody`) is byte for byte what
/// `JSONCoding.encoder` writes for the same summary: every member, its name, its order,
/// its number and string forms.
struct JSONBodyWriterTests {
    @Test func aSummaryWithEveryMemberIsWrittenAsTheEncoderWritesIt() throws {
        let summary = Self.everyMember
        #expect(String(decoding: summary.jsonBody, as: UTF8.self) == String(decoding: try JSONCoding.encoder.encode(summary), as: UTF8.self))
        #expect(Self.absentMembers(summary).isEmpty, "set every member in `everyMember`, so that both writers write it")
    }

    @Test func aSummaryWithoutCommitmentProgressIsWrittenAsTheEncoderWritesIt() throws {
        var summary = Self.everyMember
        summary.commitmentProgress = nil
        #expect(String(decoding: summary.jsonBody, as: UTF8.self) == String(decoding: try JSONCoding.encoder.encode(summary), as: UTF8.self))
    }

    /// The paths of the optional members that are nil (a `Nullable`'s own value may be):
    /// a member added later with a default of nil is left out by both writers alike.
    static func absentMembers(_ value: Any, path: String = "summary") -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return absentMembers(wrapped, path: path)
        }
        if String(describing: mirror.subjectType).hasPrefix("Nullable<") { return [] }
        return mirror.children.enumerated().flatMap { index, child in
            absentMembers(child.value, path: "\(path).\(child.label ?? String(index))")
        }
    }

    @Test func aSummaryWithoutItsOptionalMembersIsWrittenAsTheEncoderWritesIt() throws {
        var summary = Self.everyMember
        summary.release = nil
        summary.publishedAt = nil
        summary.latestRelease = nil
        summary.revisedSince = nil
        summary.indicators[0].level = nil
        summary.indicators[0].withheld = nil
        summary.indicators[0].sinceBaseline = .none
        summary.indicators[0].sinceBaseline.panel = nil
        summary.indicators[0].sinceBaseline.changePp = nil
        summary.indicators[0].sinceBaseline.reason = nil
        summary.indicators[0].growth.allReporters.changePp = nil
        summary.indicators[0].headline = nil
        summary.targets[0].coverage = nil
        summary.targets[0].withheld = nil
        summary.goals[0].achieved = nil
        summary.goals[0].withheld = nil
        summary.commitmentProgress = [Self.progress(currentYear: nil, indicator: nil)]
        #expect(String(decoding: summary.jsonBody, as: UTF8.self) == String(decoding: try JSONCoding.encoder.encode(summary), as: UTF8.self))
    }

    /// Summaries computed from random histories: decimals from the database and from
    /// division (38 digits), panels, levels, reasons.
    @Test(arguments: [0, 1, 3]) func everyYearOfARandomHistoryIsWrittenAsTheEncoderWritesIt(history: UInt64) async throws {
        try await withReporting { r in
            let history = RandomHistory(seed: SummaryOracleTests.firstSeed &+ history, try RandomHistory.Catalogue(r.url))
            try history.load(r.url)
            let summaries = try await withDatabase(r.url, logger: Logger(label: "test")) { database in
                try await database.read(logger: Logger(label: "test")) { session in
                    var summaries: [Summary] = []
                    for year in history.cycleYears {
                        summaries.append(try await SummaryService.build(year: year, now: Date(timeIntervalSince1970: 1_764_500_000.75), on: session))
                    }
                    return summaries
                }
            }
            #expect(summaries.contains { $0.indicators.contains { $0.level?.current.value != nil } })
            #expect(summaries.contains { $0.indicators.contains { $0.sinceBaseline.baseline.value != nil } })
            for summary in summaries {
                let written = String(decoding: summary.jsonBody, as: UTF8.self)
                #expect(written == String(decoding: try JSONCoding.encoder.encode(summary), as: UTF8.self), "year \(summary.year)")
            }
        }
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        for text in ["", "plain", "quote \" and \\ backslash", "a/b", "line\nbreak\r\ttab", "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}", "Côte d’Ivoire 🇨🇮"] {
            var json = JSONBodyWriter()
            json.writeString(text)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(decoding: try JSONCoding.encoder.encode(text), as: UTF8.self))
        }
    }

    static func decimal(_ text: String) -> Decimal { Decimal(string: text) ?? .nan }

    static func progress(currentYear: Nullable<Int>?, indicator: String?) -> CommitmentProgress {
        CommitmentProgress(
            id: 9_000_000_001,
            country: "FR",
            goal: 1,
            indicator: indicator,
            title: "Train \"all\" officers\nby 2030 / a\\b",
            current: Nullable(decimal("-0.000001")),
            currentYear: currentYear,
            expected: nil,
            status: .offTrack
        )
    }

    static var everyMember: Summary {
        let growth = GrowthFigure(
            pct: Nullable(decimal("12.5")),
            changePp: Nullable(nil),
            countries: 3,
            previousCountries: 2,
            previous: Nullable(decimal("1000")),
            current: Nullable(decimal("1125")),
            suppressed: false
        )
        let indicator = IndicatorSummary(
            code: "icse_victims_identified",
            goal: 1,
            unit: "victims",
            measureKind: .flow,
            countriesReporting: 3,
            notAvailable: 1,
            headline: Nullable(decimal("1125")),
            total: Nullable(decimal("1125")),
            mean: Nullable(Decimal(1125) / Decimal(3)),
            median: Nullable(decimal("0.5")),
            min: Nullable(decimal("-3")),
            max: Nullable(decimal("123456789012345678901234567890")),
            sharePct: nil,
            previous: Nullable(decimal("1000")),
            previousCountries: 2,
            growth: Growth(allReporters: growth, likeForLike: growth),
            sinceBaseline: BaselineGrowth(
                baselineYear: Nullable(2012),
                countries: 2,
                panel: ["DE", "FR"],
                baseline: Nullable(decimal("0.00000000000000000001")),
                current: Nullable(decimal("10")),
                cagrPct: Nullable(decimal("7.1773462536293164")),
                changePp: Nullable(decimal("2.6")),
                reason: Nullable(.noBaselineData),
                suppressed: true
            ),
            level: CumulativeLevel(
                baselineYear: Nullable(2012),
                countries: 1,
                panel: ["FR"],
                previous: Nullable(decimal("7785845")),
                current: Nullable(decimal("8062960")),
                growthPct: Nullable(decimal("3.559215473721863")),
                suppressed: false
            ),
            suppressed: true,
            withheld: [.sharePct: .smallCell, .growthLikeForLike: .differencing, .headline: .smallCell]
        )
        return Summary(
            year: 2025,
            release: Nullable(3),
            publishedAt: Nullable(Date(timeIntervalSince1970: 1_764_500_000)),
            computedAt: Date(timeIntervalSince1970: 1_764_500_000.999),
            demo: true,
            completeness: Completeness(
                expected: 48,
                submitted: 40,
                accepted: 0,
                onTime: 39,
                submissionRate: Rate(40, of: 48),
                acceptanceRate: Rate(0, of: 48),
                onTimeRate: Rate(0, of: 0)
            ),
            indicators: [indicator, indicator],
            targets: [
                TargetResult(
                    id: "OG1.1",
                    indicator: "icse_victims_identified",
                    scope: .alliance,
                    country: Nullable("FR"),
                    rule: .annualGrowthAtLeast,
                    basis: .cumulativeLevel,
                    change: .percent,
                    threshold: Nullable(decimal("10")),
                    value: Nullable(decimal("3.559215473721863")),
                    met: Nullable(false),
                    reason: Nullable(.lowCoverage),
                    previous: nil,
                    current: Nullable(decimal("8062960")),
                    countries: 112,
                    coverage: Nullable(Rate(2, of: 3)),
                    minCoveragePct: decimal("50"),
                    suppressed: false,
                    withheld: [.value: .differencing]
                )
            ],
            goals: [
                GoalSummary(
                    goal: 1,
                    title: "Identify victims — and support them",
                    countriesReportingActions: 2,
                    commitments: 4,
                    onTrack: Nullable(1),
                    offTrack: nil,
                    achieved: Nullable(nil),
                    noData: Nullable(0),
                    withheld: [.onTrack: .smallCell, .noData: .smallCell]
                )
            ],
            commitmentProgress: [
                progress(currentYear: Nullable(2024), indicator: "icse_victims_identified"),
                progress(currentYear: Nullable(nil), indicator: "icse_reports"),
            ],
            latestRelease: 4,
            revisedSince: false
        )
    }
}

/// `DecimalText` writes what `Decimal.description` writes, from its stored digits.
struct DecimalTextTests {
    @Test func theStoredLayoutIsTheOneSwiftFoundationDeclares() {
        #expect(DecimalText.layoutHolds)
    }

    /// Parsed, built from parts and computed: whole, fractions, below 1, negative, 19 and
    /// 20 digits, and results of division (38 digits, written by `description`).
    @Test func everyShapeIsWrittenAsItsDescription() {
        var random = DemoRandom(seed: 0x14_DEC)
        var values: [Decimal] = ["0", "-0", "1.50", "100", "1e3", "0.001", "-12.345", "18446744073709551615", "18446744073709551616"]
            .compactMap { Decimal(string: $0) }
        values += [.nan, Decimal(1) / Decimal(3), Decimal(-2) / Decimal(7) * Decimal(1_000_000), Decimal(150)]
        for _ in 0..<20_000 {
            let mantissa = UInt64.random(in: 0...UInt64.max >> UInt64.random(in: 0...63, using: &random), using: &random)
            let exponent = Int.random(in: -40...20, using: &random)
            let sign: FloatingPointSign = Bool.random(using: &random) ? .minus : .plus
            values.append(Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa)))
            values.append(Decimal(string: "\(sign == .minus ? "-" : "")\(mantissa)e\(exponent)") ?? .nan)
        }
        var differing: [String] = []
        for value in values {
            var bytes: [UInt8] = []
            DecimalText.append(value, to: &bytes)
            if String(decoding: bytes, as: UTF8.self) != value.description {
                differing.append("\(value.description) as \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(differing.isEmpty, "\(differing.count) of \(values.count) differ: \(differing.prefix(5))")
        #expect(values.filter { DecimalText.stored($0) != nil }.count > values.count / 2, "most values take the stored digits")
    }
}
