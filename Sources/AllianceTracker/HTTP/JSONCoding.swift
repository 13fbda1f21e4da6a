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
        guard let date = time(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 time")
        }
        return date
    }

    /// A time as the API documents it: `2025-03-31T12:00:00Z`, `T` and `Z` in
    /// capitals, an optional fraction of a second, `Z` or an offset such as `+02:00`.
    /// Checked by hand because `ISO8601DateFormatter` on Linux ignores whatever
    /// follows the time and rolls 30 February over into March.
    static func time(_ text: String, fractionalSeconds: Bool = true) -> Date? {
        let pattern = /([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(?:Z|([+-])([0-9]{2}):([0-9]{2}))/
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let (_, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes) = match.output
        let number = { (digits: Substring?) -> Int in digits.flatMap { Int($0) } ?? 0 }
        let fields = [year, month, day, hour, minute, second].map { number($0) }
        let components = DateComponents(
            year: fields[0],
            month: fields[1],
            day: fields[2],
            hour: fields[3],
            minute: fields[4],
            second: fields[5]
        )
        guard fractionalSeconds || fraction == nil, number(offsetHours) < 24, number(offsetMinutes) < 60,
            let date = utc.date(from: components)
        else { return nil }
        // the calendar is lenient too: a field it had to roll over does not come back the same
        let back = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard [back.year, back.month, back.day, back.hour, back.minute, back.second] == fields as [Int?] else { return nil }
        let offset = (sign == "-" ? -1 : 1) * (number(offsetHours) * 3600 + number(offsetMinutes) * 60)
        let seconds = Double("0\(fraction ?? "")") ?? 0
        return date.addingTimeInterval(seconds - Double(offset))
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// For free-form JSON (`JSONValue`): no key conversion, so that the keys of a
    /// merge patch or an audit entry stay exactly as written.
    static let plainDecoder = JSONDecoder()
}
