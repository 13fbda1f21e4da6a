import NIOCore
import PostgresNIO

/// A closed set stored as text. Reading a value that is not one of the cases fails
/// loudly (the request is answered 500 and logged), rather than passing on a
/// string no `switch` expects.
public protocol DatabaseEnum: RawRepresentable<String>, CaseIterable, Codable, Sendable, PostgresCodable {}

extension DatabaseEnum {
    public static var psqlType: PostgresDataType { .text }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(rawValue)
    }

    public init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer,
        type: PostgresDataType,
        format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        let text = try String(from: &buffer, type: type, format: format, context: context)
        guard let value = Self(rawValue: text) else { throw UnknownDatabaseValue(type: "\(Self.self)", value: text) }
        self = value
    }
}

/// The database holds a value the code does not know: a migration added one
/// without the code, or the other way round.
struct UnknownDatabaseValue: Error, CustomStringConvertible {
    let type: String
    let value: String
    var description: String { "the database holds '\(value)', which is not a \(type)" }
}
