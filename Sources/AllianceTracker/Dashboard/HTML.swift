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
    /// `fixed`: always that many decimals, as the CSV writes a figure rounded to one
    /// decimal ("8.0", never "8").
    static func number(_ value: Decimal?, decimals: Int = 1, fixed: Bool = false) -> String {
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
        formatter.minimumFractionDigits = fixed ? decimals : 0
        return formatter.string(from: rounded as NSDecimalNumber) ?? "\(rounded)"
    }

    /// A growth rate, one decimal always: "+8.0 %", "-0.1 %" (from −0.05), "+0.0 %".
    static func percent(_ value: Decimal?) -> String {
        signed(value, unit: "%")
    }

    /// A change in percentage points: "+2.6 pp", "+8.0 pp".
    static func points(_ value: Decimal?) -> String {
        signed(value, unit: "pp")
    }

    /// A share in percent, one decimal always: "75.0".
    static func share(_ value: Decimal?) -> String {
        number(value, fixed: true)
    }

    /// A headline figure: a percentage (ratios, booleans) with its decimal, a count or time as it is.
    static func figure(_ value: Decimal?, kind: MeasureKind) -> String {
        switch kind {
        case .ratio, .boolean: share(value)
        case .flow, .stock, .duration: number(value)
        }
    }

    /// The sign is the rounded figure's: −0.04 shows as "+0.0", not "-0.0".
    private static func signed(_ value: Decimal?, unit: String) -> String {
        guard var exact = value else { return "—" }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 1, .plain)
        return (rounded < 0 ? "" : "+") + number(rounded, fixed: true) + " " + unit
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
