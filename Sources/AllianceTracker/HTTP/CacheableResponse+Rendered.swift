import Foundation
import Hummingbird

extension CacheableResponse {
    /// A body rendered once, with its tag and headers, ready to serve many times;
    /// `gzipped()` adds its compressed form, made once as well.
    struct Rendered: Sendable {
        let identity: Variant
        private(set) var gzip: Variant?

        /// `fields`: headers of its own sent with both encodings, on a 200 and a 304 alike,
        /// made once with the rest instead of on every request (`Link: …; rel="cite-as"`).
        init(body: Data, contentType: String, fields: HTTPFields = [:]) {
            let etag = "\"\(CacheableResponse.fingerprint(body))\""
            identity = Variant(body: ByteBuffer(bytes: body), etag: etag, contentType: contentType, fields: fields)
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
            rendered.gzip = Variant(body: compressed, etag: etag, contentType: identity.contentType, fields: identity.fields, encoding: "gzip")
            return rendered
        }
    }

    /// One encoding of a rendered body, with the headers of its 200 and its 304,
    /// built once.
    struct Variant: Sendable {
        let body: ByteBuffer
        let etag: String
        let contentType: String
        let fields: HTTPFields
        let headers: HTTPFields
        let notModified: HTTPFields

        init(body: ByteBuffer, etag: String, contentType: String, fields: HTTPFields, encoding: String? = nil) {
            self.body = body
            self.etag = etag
            self.contentType = contentType
            self.fields = fields
            var common: HTTPFields = [.eTag: etag, .cacheControl: CacheableResponse.cacheControl, .vary: CacheableResponse.vary]
            common.append(contentsOf: fields)
            notModified = common
            var headers = common
            headers[.contentType] = contentType
            if let encoding { headers[.contentEncoding] = encoding }
            headers[.contentLength] = String(body.readableBytes)
            self.headers = headers
        }
    }
}
