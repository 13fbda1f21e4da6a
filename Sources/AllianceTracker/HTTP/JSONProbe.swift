import Foundation
import Hummingbird

/// A request body read as plain JSON, to name the field holding what the typed
/// decode refused or the database cannot store. Built only when something is
/// wrong, so that a good body is still decoded once.
enum JSONProbe: Decodable {
    /// null, true, false or a string.
    case scalar(JSONValue)
    /// A number: as a `Decimal` when it fits one (else nil), and whether it fits an `Int`.
    case number(Decimal?, fitsInt: Bool)
    case array([JSONProbe])
    case object([String: JSONProbe])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .scalar(.null)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number(number, fitsInt: (try? container.decode(Int.self)) != nil)
        } else if let text = try? container.decode(String.self) {
            self = .scalar(.string(text))
        } else if let flag = try? container.decode(Bool.self) {
            self = .scalar(.bool(flag))
        } else if let items = try? container.decode([JSONProbe].self) {
            self = .array(items)
        } else if let fields = try? container.decode([String: JSONProbe].self) {
            self = .object(fields)
        } else {
            // the scanner has checked the syntax: what is left is a number beyond a Decimal
            self = .number(nil, fitsInt: false)
        }
    }

    /// One number or string of a body, keys included, with its path as the client
    /// wrote it (`values[2].note`), as the decoding errors name fields.
    struct Leaf {
        let path: String
        let probe: JSONProbe
        var field: String { path.isEmpty ? "body" : path }
    }

    func leaves(at path: String = "") -> [Leaf] {
        switch self {
        case .array(let items):
            return items.enumerated().flatMap { item in item.element.leaves(at: "\(path)[\(item.offset)]") }
        case .object(let fields):
            return fields.sorted { $0.key < $1.key }.flatMap { field -> [Leaf] in
                let name = path.isEmpty ? field.key : "\(path).\(field.key)"
                return [Leaf(path: name, probe: .scalar(.string(field.key)))] + field.value.leaves(at: name)
            }
        default:
            return [Leaf(path: path, probe: self)]
        }
    }

    /// The body again with every number but the one at `kept` as 0, which any
    /// numeric field takes: if the typed decode still fails, `kept` is why.
    func json(keeping kept: String, at path: String = "") -> JSONValue {
        switch self {
        case .scalar(let value):
            return value
        case .number(let value, _):
            return JSONValue.number(path == kept ? value ?? 0 : 0)
        case .array(let items):
            return JSONValue.array(
                items.enumerated().map { item in
                    item.element.json(keeping: kept, at: "\(path)[\(item.offset)]")
                }
            )
        case .object(let fields):
            var result: [String: JSONValue] = [:]
            for (key, value) in fields {
                result[key] = value.json(keeping: kept, at: path.isEmpty ? key : "\(path).\(key)")
            }
            return JSONValue.object(result)
        }
    }
}

extension JSONProbe {
    /// Whether JSON text holds `\u0000`, the only way JSON can write U+0000. A
    /// backslash escapes the character after it, so in `\\u0000` the `u0000` is text.
    static func hasNULEscape(_ bytes: ByteBuffer) -> Bool {
        let view = bytes.readableBytesView
        var index = view.startIndex
        while index < view.endIndex, let backslash = view[index...].firstIndex(of: UInt8(ascii: "\\")) {
            if view[(backslash + 1)...].prefix(5).elementsEqual("u0000".utf8) { return true }
            index = backslash + 2
        }
        return false
    }

    /// The strings and keys of a body that hold U+0000.
    static func fieldsWithNUL(in bytes: ByteBuffer) -> [FieldError] {
        let leaves = (try? JSONCoding.plainDecoder.decode(JSONProbe.self, from: bytes))?.leaves() ?? []
        let fields = leaves.compactMap { leaf -> String? in
            guard case .scalar(.string(let text)) = leaf.probe, text.unicodeScalars.contains("\u{0}") else { return nil }
            return leaf.field
        }
        return (fields.isEmpty ? ["body"] : fields).map { field in
            FieldError(field: field, code: .invalidCharacter, message: "\(field) may not contain U+0000 (NUL)")
        }
    }

    /// The fields of a body holding numbers that `decode` cannot convert, or nil
    /// when the body is not JSON at all.
    static func unconvertibleNumbers(in bytes: ByteBuffer, decode: (Data) throws -> Void) -> [FieldError]? {
        guard let probe = try? JSONCoding.plainDecoder.decode(JSONProbe.self, from: bytes) else { return nil }
        var beyondDecimal: [Leaf] = []
        var notInt: [Leaf] = []
        for leaf in probe.leaves() {
            guard case .number(let value, let fitsInt) = leaf.probe else { continue }
            if value == nil { beyondDecimal.append(leaf) } else if !fitsInt { notInt.append(leaf) }
        }
        if !beyondDecimal.isEmpty {
            return beyondDecimal.map { problem($0, .outOfRange, "is too large or too small a number") }
        }
        // a fraction, or a whole number beyond 64 bits, fails only where an Int is
        // expected: try each alone (a few: each try decodes the body again)
        let refused = Array(notInt.prefix(16)).filter { leaf in
            refuses(decode, Data(probe.json(keeping: leaf.path).text.utf8))
        }
        guard !refused.isEmpty else {
            return [FieldError(field: "body", code: .outOfRange, message: "body holds a number this service cannot take")]
        }
        return refused.map { problem($0, .invalidType, "must be a whole number that fits in 64 bits") }
    }

    private static func problem(_ leaf: Leaf, _ code: FieldErrorCode, _ message: String) -> FieldError {
        FieldError(field: leaf.field, code: code, message: "\(leaf.field) \(message)")
    }

    /// Whether `decode` fails on `data` the way it fails on a number it cannot convert.
    private static func refuses(_ decode: (Data) throws -> Void, _ data: Data) -> Bool {
        do {
            try decode(data)
            return false
        } catch DecodingError.dataCorrupted(let context) {
            return context.codingPath.isEmpty
        } catch {
            return false
        }
    }
}
