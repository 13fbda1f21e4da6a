import Foundation

/// A JSON body written straight into bytes, for the bodies computed on the hot paths:
/// the live summary (80 KB, about 1,000 decimals and 9,000 country codes at 200
/// countries × 40 indicators), where `JSONEncoder` took 44 % of the service's time
/// (docs/benchmarks.md, "Live summary"), a report (every save's answer), and the values
/// a save sends PostgreSQL. Members come out in the order they are written, so each
/// writer of an answer lists them as `JSONCoding.encoder` orders them: snake_case,
/// sorted. `JSONBodyWriterTests` and `ReportJSONBodyTests` hold them to the encoder's bytes.
struct JSONBodyWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the object being written has no member yet.
    private var empty = true

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// `{`, the members `body` writes, `}`.
    mutating func object(_ body: (inout JSONBodyWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        empty = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        // the object is a member or an element of its container, which is not empty now
        empty = false
    }

    /// The elements as a JSON array.
    mutating func array<Elements: Collection>(_ elements: Elements) where Elements.Element: JSONBodyValue {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for element in elements {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            element.write(to: &self)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func member<Value: JSONBodyValue>(_ key: StaticString, _ value: Value) {
        self.key(key)
        value.write(to: &self)
    }

    /// Nothing when `value` is nil, as the encoder leaves out an absent optional.
    mutating func member<Value: JSONBodyValue>(_ key: StaticString, ifPresent value: Value?) {
        guard let value else { return }
        member(key, value)
    }

    /// A member whose name is known only at run time: a map's key.
    mutating func member<Value: JSONBodyValue>(dynamic key: String, _ value: Value) {
        separate()
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        value.write(to: &self)
    }

    private mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private mutating func separate() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
    }

    mutating func writeNull() {
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func writeDecimal(_ value: Decimal) {
        DecimalText.append(value, to: &bytes)
    }

    mutating func writeNumber(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A string as the encoder escapes it (`.withoutEscapingSlashes`): the quote, the
    /// backslash and the control characters; everything else as its UTF-8.
    mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(contentsOf: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A value `JSONBodyWriter` can write.
protocol JSONBodyValue {
    func write(to json: inout JSONBodyWriter)
}

extension Int: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) { json.writeNumber(String(self)) }
}

extension Int64: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) { json.writeNumber(String(self)) }
}

extension Decimal: JSONBodyValue {
    /// As the encoder writes a `Decimal`: its description, never an exponent.
    func write(to json: inout JSONBodyWriter) { json.writeDecimal(self) }
}

extension Bool: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) { json.writeNumber(self ? "true" : "false") }
}

extension String: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) { json.writeString(self) }
}

extension Date: JSONBodyValue {
    /// As `.iso8601` writes it: whole seconds, in UTC.
    func write(to json: inout JSONBodyWriter) { json.writeString(formatted(.iso8601)) }
}

extension Nullable: JSONBodyValue where Wrapped: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) {
        if let value { value.write(to: &json) } else { json.writeNull() }
    }
}

extension Array: JSONBodyValue where Element: JSONBodyValue {
    func write(to json: inout JSONBodyWriter) { json.array(self) }
}

/// The closed sets a summary names: written as their raw values.
protocol JSONBodyRawValue: JSONBodyValue, RawRepresentable<String> {}

extension JSONBodyRawValue {
    func write(to json: inout JSONBodyWriter) { json.writeString(rawValue) }
}
