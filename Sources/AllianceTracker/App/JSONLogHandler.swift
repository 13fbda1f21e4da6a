import Foundation
import Logging
import NIOConcurrencyHelpers

/// One JSON object a line, for log collectors (`LOG_FORMAT=json`): the time, level,
/// message, logger label, source, and every metadata key at the top level, so that
/// `hb.request.id` joins the lines of one request.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    /// Whole lines, one at a time, and a failed write is dropped rather than fatal.
    public static let standardError: @Sendable (String) -> Void = { line in
        writeLock.withLock { try? FileHandle.standardError.write(contentsOf: Data(line.utf8)) }
    }

    private static let writeLock = NIOLock()
    private static let time = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata explicit: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    ) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = value.description
        }
        fields["time"] = Date().formatted(Self.time)
        fields["level"] = level.rawValue
        fields["message"] = message.description
        fields["logger"] = label
        fields["source"] = source
        guard let data = try? Self.encoder.encode(fields) else { return }
        write(String(decoding: data, as: UTF8.self) + "\n")
    }
}
