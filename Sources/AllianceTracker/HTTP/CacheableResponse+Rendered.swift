import Foundation
import Hummingbird

extension CacheableResponse {
    /// A body rendered once, with its tag and headers, ready to serve many times;
    /// `gzipped()` adds its compressed form, made once as well.
    struct Rendered: Sendable {
        let identity: Variant
        private(set) var gzip: Variant?

        init(body: Data, contentType: String) {
            identity = Variant(body: ByteBuffer(bytes: body), etag: "\"\(CacheableResponse.fingerprint(body))\"", contentType: contentType)
        }

        /// The encoding sent: gzip when there is a gzip body and the client prefers it.
        func variant(for accepted: AcceptEncoding) -> Variant {
            if let gzip, accepted.prefersGzip { return gzip }
            return identity
        }

        /// With a gzip body, unless the body is too small for compression to help.
        func gzipped(counting compressions: GzipCompression) -> Rendered {
            guard let compressed = compressions.compress(identity.body) else { return self }
            var rendered = self
            // the identity tag with a suffix inside the quotes: each encoding is its own representation
            let etag = String(identity.etag.dropLast()) + "-gzip\""
            rendered.gzip = Variant(body: compressed, etag: etag, contentType: identity.contentType, encoding: "gzip")
            return rendered
        }
    }

    /// One encoding of a rendered body, with the headers of its 200 and its 304,
    /// built once.
    struct Variant: Sendable {
        let body: ByteBuffer
        let etag: String
        let contentType: String
        let headers: HTTPFields
        let notModified: HTTPFields

        init(body: ByteBuffer, etag: String, contentType: String, encoding: String? = nil) {
            self.body = body
            self.etag = etag
            self.contentType = contentType
            let common: HTTPFields = [.eTag: etag, .cacheControl: CacheableResponse.cacheControl, .vary: CacheableResponse.vary]
            notModified = common
            var headers = common
            headers[.contentType] = contentType
            if let encoding { headers[.contentEncoding] = encoding }
            headers[.contentLength] = String(body.readableBytes)
            self.headers = headers
        }
    }
}
