import Foundation
import Hummingbird

/// A public, cacheable response: an `ETag` computed from the body, a
/// `Cache-Control`, and `304 Not Modified` when the client already holds it.
enum CacheableResponse {
    static let maxAge = 60
    /// The header every public body is rendered with; `EmbargoCacheMiddleware` lowers
    /// it per response while an embargo's end is less than `maxAge` away.
    static let cacheControl = "public, max-age=\(maxAge)"
    /// The same URL answers JSON or CSV by `Accept`, and gzip or identity by
    /// `Accept-Encoding`: shared caches must keep them apart.
    static let vary = "Accept, Accept-Encoding"

    /// Rendered per request (the catalogue, a cycle): served uncompressed, since
    /// compressing would be work per request.
    static func json(_ value: some Encodable, for request: Request) throws -> Response {
        response(Rendered(body: try JSONCoding.encoder.encode(value), contentType: "application/json"), for: request)
    }

    static func response(_ rendered: Rendered, for request: Request) -> Response {
        let variant = rendered.variant(for: AcceptEncoding(request.headers[.acceptEncoding]))
        if let held = request.headers[.ifNoneMatch], matches(held, variant.etag) {
            return Response(status: .notModified, headers: variant.notModified)
        }
        return Response(status: .ok, headers: variant.headers, body: .init(byteBuffer: variant.body))
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
