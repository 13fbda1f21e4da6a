import Foundation
import Hummingbird

/// A JSON request body, decoded, with its bytes kept for idempotency checks.
struct RequestBody<Value: Decodable> {
    let value: Value
    let bytes: ByteBuffer

    init(_ request: Request, context: AppRequestContext, decoder: JSONDecoder = JSONCoding.decoder) async throws {
        var request = request
        bytes = try await request.collectBody(upTo: context.maxUploadSize)
        value = try decoder.decode(Value.self, from: bytes)
    }
}

extension Response {
    /// A JSON response with the API's encoding.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        fields[.cacheControl] = fields[.cacheControl] ?? "no-store"
        let data = try JSONCoding.encoder.encode(value)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension RequestBody: Sendable where Value: Sendable {}
