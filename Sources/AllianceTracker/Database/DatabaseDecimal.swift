import Foundation
import NIOCore
import PostgresNIO

/// A `numeric` read into a `Decimal` straight from its base-10000 digits, where PostgresNIO
/// writes the number out as text and parses the text (`Decimal(string:)`): on a cold live
/// summary (about 1,000 numerics) that was 19 % of the service's time (`perf`,
/// docs/benchmarks.md). The value is the one PostgresNIO gives, trailing zeros dropped
/// as its parse drops them. Numbers whose digit groups do not fit in 64 bits (16 to 19
/// digits or more, by where the groups fall), NaN and the infinities take PostgresNIO's way.
struct DatabaseDecimal: PostgresDecodable, Sendable {
    let value: Decimal

    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer,
        type: PostgresDataType,
        format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        if type == .numeric, format == .binary, let value = Self.fromDigits(buffer) {
            self.value = value
            buffer.moveReaderIndex(to: buffer.writerIndex)
        } else {
            value = try Decimal(from: &buffer, type: type, format: format, context: context)
        }
    }

    /// `numeric`'s binary form: the number of digits, the weight of the first (in powers
    /// of 10,000), the sign, the display scale, then the digits, each 0 to 9,999.
    static func fromDigits(_ buffer: ByteBuffer) -> Decimal? {
        let start = buffer.readerIndex
        guard let count = buffer.getInteger(at: start, as: Int16.self),
            let weight = buffer.getInteger(at: start + 2, as: Int16.self),
            let sign = buffer.getInteger(at: start + 4, as: UInt16.self),
            count >= 0, buffer.readableBytes == 8 + 2 * Int(count),
            sign == 0x0000 || sign == 0x4000
        else { return nil }
        var mantissa: UInt64 = 0
        for index in 0..<Int(count) {
            guard let digit = buffer.getInteger(at: start + 8 + 2 * index, as: Int16.self), (0..<10_000).contains(digit) else { return nil }
            let (shifted, overflow) = mantissa.multipliedReportingOverflow(by: 10_000)
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow, !carry else { return nil }
            mantissa = sum
        }
        guard mantissa != 0 else { return Decimal(0) }
        var exponent = 4 * (Int(weight) - Int(count) + 1)
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard (-128...127).contains(exponent) else { return nil }
        return Decimal(sign: sign == 0x4000 ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
    }
}

extension Nullable where Wrapped == Decimal {
    /// A nullable `numeric` column's value.
    init(stored: DatabaseDecimal?) {
        self.init(stored?.value)
    }
}
