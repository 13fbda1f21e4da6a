import Foundation

/// A JSON value written in the order given: SDMX-JSON messages name their members in
/// camelCase (`agencyID`, `dataSets`), which the API's snake_case encoder would rename.
indirect enum SDMXJSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    case string(String)
    case number(Decimal)
    case int(Int)
    case bool(Bool)
    case null
    case array([SDMXJSONValue])
    case object([(String, SDMXJSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: SDMXJSONValue...) { self = .array(elements) }

    /// Written by hand: `JSONEncoder` keeps no member order, and SDMX readers (pysdmx)
    /// tell the message's kind from `meta.schema`, which must come first.
    func encoded() -> Data {
        var text = ""
        write(to: &text)
        return Data(text.utf8)
    }

    private func write(to text: inout String) {
        switch self {
        case .object(let members):
            text += "{"
            for (index, (name, value)) in members.enumerated() {
                if index > 0 { text += "," }
                Self.quote(name, into: &text)
                text += ":"
                value.write(to: &text)
            }
            text += "}"
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.write(to: &text)
            }
            text += "]"
        case .string(let value): Self.quote(value, into: &text)
        case .number(let number): text += "\(number)"
        case .int(let number): text += String(number)
        case .bool(let flag): text += flag ? "true" : "false"
        case .null: text += "null"
        }
    }

    private static func quote(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20: text += String(format: "\\u%04x", scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
