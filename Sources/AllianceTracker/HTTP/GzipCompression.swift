import CompressNIO
import Metrics
import NIOCore

/// gzip through compress-nio (zlib, the system's libz): a few lines of ours would
/// need the same C binding, CRC and trailer it already wraps. Each body is
/// compressed once, when it is rendered, at zlib's best level since the cost is
/// paid once; `alliance_public_compressions_total` counts the compressions, so a
/// body compressed per request would show.
struct GzipCompression: Sendable {
    /// Below this a body and its headers fit one TCP segment either way: gzip saves
    /// no round trip and costs the client a decompression.
    static let minimumBytes = 1024

    private let compressions = Counter(label: "alliance_public_compressions_total")

    /// The gzip form of `body`, or nil when it is too small or would not be smaller.
    func compress(_ body: ByteBuffer) -> ByteBuffer? {
        guard body.readableBytes >= Self.minimumBytes else { return nil }
        var input = body
        let configuration = ZlibConfiguration(compressionLevel: ZlibConfiguration.CompressionLevel.bestCompression.rawValue)
        guard let compressed = try? input.compress(with: .gzip(configuration: configuration)) else { return nil }
        compressions.increment()
        return compressed.readableBytes < body.readableBytes ? compressed : nil
    }
}
