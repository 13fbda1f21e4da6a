import Foundation

/// Just enough HTML: escaping, and number formatting for people.
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// 1234567.891 → "1,234,567.9"; whole numbers without decimals. Halves round
    /// away from zero, as in the CSV: the Decimal is rounded before the formatter,
    /// which would see 3.85 as the binary 3.8499… and round it down.
    static func number(_ value: Decimal?, decimals: Int = 1) -> String {
        guard var exact = value else { return "—" }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, decimals, .plain)
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        formatter.maximumFractionDigits = decimals
        formatter.minimumFractionDigits = 0
        return formatter.string(from: rounded as NSDecimalNumber) ?? "\(rounded)"
    }

    static func percent(_ value: Decimal?) -> String {
        value.map { ($0 < 0 ? "" : "+") + number($0) + " %" } ?? "—"
    }

    /// A change in percentage points: "+2.6 pp".
    static func points(_ value: Decimal?) -> String {
        value.map { ($0 < 0 ? "" : "+") + number($0) + " pp" } ?? "—"
    }
}

extension HTML {
    /// A withheld figure, with why in words: never a blank or a zero.
    static func withheld(_ reason: WithheldReason?) -> String {
        switch reason {
        case .smallCell?: "withheld: from fewer countries than the disclosure minimum"
        case .differencing?: "withheld: would reveal a country by difference with another published figure"
        case nil: "withheld"
        }
    }
}
