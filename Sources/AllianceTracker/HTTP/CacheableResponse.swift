import Foundation
import Hummingbird

/// A public, cacheable JSON response: an `ETag` computed from the body, a
/// `Cache-Control`, and `304 Not Modified` when the client already holds it.
enum CacheableResponse {
    static let cacheControl = "public, max-age=60"

    static func json(_ value: some Encodable, for request: Request) throws -> Response {
        response(Rendered(body: try JSONCoding.encoder.encode(value), contentType: "application/json"), for: request)
    }

    /// A body rendered once, with its tag, ready to serve many times.
    struct Rendered: Sendable {
        let body: ByteBuffer
        let etag: String
        let contentType: String

        init(body: Data, contentType: String) {
            self.body = ByteBuffer(bytes: body)
            self.etag = "\"\(CacheableResponse.fingerprint(body))\""
            self.contentType = contentType
        }
    }

    static func response(_ rendered: Rendered, for request: Request) -> Response {
        // the same URL answers JSON or CSV by Accept: shared caches must keep them apart
        var headers: HTTPFields = [.eTag: rendered.etag, .cacheControl: cacheControl, .vary: "Accept"]
        if let held = request.headers[.ifNoneMatch], matches(held, rendered.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = rendered.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: rendered.body))
    }

    /// `If-None-Match` holds a list of tags, possibly weak (`W/"…"`), or `*`.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    /// 64-bit FNV-1a of the body, in hex: enough to tell versions of a response
    /// apart, and cheap. It is not a security measure.
    static func fingerprint(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
