import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// The HTTP side of `Idempotency-Key` (docs/rules.md §2): reads the key, fingerprints
/// the request, and answers with the first outcome or its replay. Keys belong to
/// the token that used them.
struct Idempotency: Sendable {
    let service: IdempotencyService

    init(database: Database, clock: AppClock) {
        service = IdempotencyService(database: database, clock: clock)
    }

    static let header = HTTPField.Name("Idempotency-Key")!

    /// Runs `create` (a service call, handed the transaction to join) at most once per key.
    func perform(
        _ request: Request,
        body: ByteBuffer,
        context: AppRequestContext,
        create: @escaping @Sendable (DatabaseSession) async throws -> IdempotentOutcome
    ) async throws -> Response {
        let (outcome, replayed) = try await service.perform(
            try Self.idempotent(request, body: body, context: context),
            logger: context.logger,
            create: create
        )
        return outcome.response(replayed: replayed)
    }

    /// The request's key and fingerprint, or nil without a key.
    private static func idempotent(_ request: Request, body: ByteBuffer, context: AppRequestContext) throws -> IdempotentRequest? {
        guard let key = request.headers[header] else { return nil }
        guard (1...255).contains(key.utf8.count) else {
            throw Problem(.invalidIdempotencyKey, detail: "An Idempotency-Key must be 1 to 255 characters.")
        }
        return IdempotentRequest(
            token: try context.requireIdentity.tokenID,
            key: key,
            method: request.method.rawValue,
            path: request.uri.path,
            fingerprint: fingerprint(request, body: body)
        )
    }

    /// SHA-256 of the method, the path and the body: "the same request". A JSON
    /// body is compared by content, so that a client re-serialising the same object
    /// with its keys in another order still retries rather than conflicts.
    private static func fingerprint(_ request: Request, body: ByteBuffer) -> Data {
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.uri.path)\n".utf8))
        let raw = Data(buffer: body)
        let canonical = (try? JSONCoding.plainDecoder.decode(JSONValue.self, from: raw)).map { Data($0.text.utf8) }
        hasher.update(data: canonical ?? raw)
        return Data(hasher.finalize())
    }
}

extension IdempotentOutcome {
    /// 201 Created with the new thing; `replay` is what a retry gets instead, when it must differ.
    static func created(_ value: some Encodable, location: String?, replay: (some Encodable)? = Int?.none) throws -> IdempotentOutcome {
        IdempotentOutcome(
            status: Int(HTTPResponse.Status.created.code),
            body: try JSONCoding.encoder.encode(value),
            location: location,
            replayBody: try replay.map { try JSONCoding.encoder.encode($0) }
        )
    }

    func response(replayed: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store"]
        if let location { headers[.location] = location }
        if replayed { headers[HTTPField.Name("Idempotency-Replayed")!] = "true" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
