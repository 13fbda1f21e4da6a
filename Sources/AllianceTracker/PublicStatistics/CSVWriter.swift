import Foundation

/// Writes CSV (RFC 4180): a header, then rows; fields quoted when they need it.
/// Figures are written as they are; percentages go through `rounded`, to one
/// decimal as docs/rules.md §5 asks of the CSV.
struct CSVWriter {
    private var lines: [String]

    init(header: [String]) {
        lines = [Self.line(header)]
    }

    mutating func row(_ fields: [String?]) {
        lines.append(Self.line(fields.map { $0 ?? "" }))
    }

    var data: Data { Data((lines.joined(separator: "\r\n") + "\r\n").utf8) }

    static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    static func number(_ value: Decimal?) -> String? {
        value.map { "\($0)" }
    }

    /// One decimal, half away from zero.
    static func rounded(_ value: Decimal?) -> String? {
        guard var value else { return nil }
        var result = Decimal()
        NSDecimalRound(&result, &value, 1, .plain)
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.minimumFractionDigits = 1
        formatter.maximumFractionDigits = 1
        formatter.minimumIntegerDigits = 1
        return formatter.string(from: result as NSDecimalNumber)
    }
}
