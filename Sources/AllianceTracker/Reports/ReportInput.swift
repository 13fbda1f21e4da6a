import Foundation

/// The body of `PUT /v1/countries/{cc}/reports/{year}`: a whole report, replacing
/// the working version.
struct ReportInput: Decodable, Sendable {
    var values: [ValueInput]
    var narratives: [NarrativeInput]?

    struct ValueInput: Decodable, Sendable {
        var indicator: String
        var value: ReportedValue?
        /// Why there is no value: then it counts as not reported, not as zero.
        var notAvailable: String?
        var note: String?
        var source: String?
        var nature: String?
    }

    struct NarrativeInput: Decodable, Sendable {
        var goal: Int
        var actionsTaken: String?
        var actionsPlanned: String?
    }
}

/// A value as JSON carries it: a number, or true/false for a boolean indicator.
enum ReportedValue: Codable, Sendable, Equatable {
    case number(Decimal)
    case bool(Bool)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else {
            self = .number(try container.decode(Decimal.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        }
    }

    /// As stored: booleans are 1 and 0.
    var stored: Decimal {
        switch self {
        case .number(let value): value
        case .bool(let value): value ? 1 : 0
        }
    }

    init(stored: Decimal, kind: MeasureKind) {
        self = kind == .boolean ? .bool(stored != 0) : .number(stored)
    }
}
