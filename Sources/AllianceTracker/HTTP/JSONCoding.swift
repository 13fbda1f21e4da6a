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
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// For free-form JSON (`JSONValue`): no key conversion, so that the keys of a
    /// merge patch or an audit entry stay exactly as written.
    static let plainDecoder = JSONDecoder()
}
