import Foundation

/// JSON as the API speaks it: snake_case names, ISO 8601 times, stable key order.
enum JSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom(decodeTime)
        return decoder
    }

    /// RFC 3339 times, with or without fractional seconds (`.iso8601` takes only without).
    static func decodeTime(_ decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions.insert(.withFractionalSeconds)
        guard let date = plain.date(from: text) ?? fractional.date(from: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 time")
        }
        return date
    }

    /// For free-form JSON (`JSONValue`): no key conversion, so that the keys of a
    /// merge patch or an audit entry stay exactly as written.
    static let plainDecoder = JSONDecoder()
}
