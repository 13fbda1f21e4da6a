import Foundation
import Hummingbird

/// A JSON request body, decoded, with its bytes kept for idempotency checks.
struct RequestBody<Value: Decodable> {
    let value: Value
    let bytes: ByteBuffer

    init(_ request: Request, context: AppRequestContext, decoder: JSONDecoder = JSONCoding.decoder) async throws {
        var request = request
        let bytes = try await request.collectBody(upTo: context.maxUploadSize)
        value = try Self.decode(bytes, with: decoder)
        // PostgreSQL cannot store U+0000 in text or jsonb: refuse it here, before any state is checked
        if JSONProbe.hasNULEscape(bytes) { throw Problem.invalidBody(JSONProbe.fieldsWithNUL(in: bytes)) }
        self.bytes = bytes
    }

    /// The decoder reports a number it cannot convert (1e200, or 1.5 for an `Int`)
    /// as "not valid JSON", without a field: when the JSON is valid, say which
    /// field holds the number instead.
    private static func decode(_ bytes: ByteBuffer, with decoder: JSONDecoder) throws -> Value {
        do {
            return try decoder.decode(Value.self, from: bytes)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            let typedDecode = { (data: Data) throws -> Void in _ = try decoder.decode(Value.self, from: data) }
            guard let fields = JSONProbe.unconvertibleNumbers(in: bytes, decode: typedDecode) else {
                throw DecodingError.dataCorrupted(context)
            }
            throw Problem.invalidBody(fields)
        }
    }
}

extension Response {
    /// A JSON response with the API's encoding.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        json(body: try JSONCoding.encoder.encode(value), status: status, headers: headers)
    }

    /// A JSON response whose body is already written (`JSONBodyWriter`).
    static func json(body: some Sequence<UInt8>, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        fields[.cacheControl] = fields[.cacheControl] ?? "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension RequestBody: Sendable where Value: Sendable {}
