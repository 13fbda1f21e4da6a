import Foundation

/// A `Decimal` written as its `description` writes it (the form `JSONEncoder` gives a
/// JSON number), read from its stored digits when they fit in 64 bits. `description`
/// divides the whole 128-bit mantissa by 10 once per digit: on a cold live summary
/// (about 1,000 decimals) it was 18 % of the service's time (`perf`, docs/benchmarks.md).
///
/// The stored digits are read by the layout swift-foundation declares for `Decimal`
/// (`Decimal.Storage`: the exponent, a byte holding the length and the sign, two
/// reserved bytes, eight 16-bit words of mantissa, least significant first), which it
/// does not make public. `layoutHolds` checks that layout once against `description`;
/// where it does not hold, every value is written by `description`.
enum DecimalText {
    static func append(_ value: Decimal, to bytes: inout [UInt8]) {
        guard layoutHolds, let stored = stored(value) else {
            bytes.append(contentsOf: value.description.utf8)
            return
        }
        append(stored, to: &bytes)
    }

    /// Decimals of every shape `description` writes: whole, with a fraction, below 1,
    /// negative, with a positive exponent, of four mantissa words, and zero.
    static let layoutHolds: Bool = {
        let samples = ["0", "1", "-12.345", "0.001", "1e3", "1234567890123456789", "-0.000000000000000000015", "7785845.5"]
        return samples.allSatisfy { text in
            guard let value = Decimal(string: text), let stored = stored(value) else { return false }
            var bytes: [UInt8] = []
            append(stored, to: &bytes)
            return String(decoding: bytes, as: UTF8.self) == value.description
        }
    }()

    /// The sign, the exponent and the mantissa, when the mantissa fits in 64 bits and
    /// the value is a number (not NaN).
    static func stored(_ value: Decimal) -> (negative: Bool, exponent: Int, mantissa: UInt64)? {
        withUnsafeBytes(of: value) { raw -> (Bool, Int, UInt64)? in
            guard raw.count == 20 else { return nil }
            let length = Int(raw[1] >> 4)
            let negative = raw[1] & 0x08 != 0
            guard length <= 4, !(length == 0 && negative) else { return nil }
            var mantissa: UInt64 = 0
            for word in (0..<length).reversed() {
                mantissa = mantissa << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
            }
            // digits stored as zeros (never made by arithmetic or parsing) go to `description`
            guard length == 0 || mantissa != 0 else { return nil }
            return (negative, Int(Int8(bitPattern: raw[0])), mantissa)
        }
    }

    /// `description`'s form: every digit of the mantissa, zeros after it for a positive
    /// exponent, a point (with `0.` and zeros before the digits when they are all
    /// fraction) for a negative one; never an exponent.
    private static func append(_ stored: (negative: Bool, exponent: Int, mantissa: UInt64), to bytes: inout [UInt8]) {
        guard stored.mantissa != 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if stored.negative { bytes.append(UInt8(ascii: "-")) }
        let digits = Array(String(stored.mantissa).utf8)
        if stored.exponent >= 0 {
            bytes.append(contentsOf: digits)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: stored.exponent))
            return
        }
        let fraction = -stored.exponent
        if digits.count > fraction {
            bytes.append(contentsOf: digits[..<(digits.count - fraction)])
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits[(digits.count - fraction)...])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: fraction - digits.count))
            bytes.append(contentsOf: digits)
        }
    }
}
