import CompressNIO
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

@testable import AllianceTracker

/// Public documents are compressed once, when rendered, and served gzip or identity
/// by `Accept-Encoding`, each encoding with its own ETag.
@Suite struct PublicCompressionTests {
    static let documents = [
        "/v1/public/summaries/2024", "/v1/public/summaries/2024?format=csv", "/v1/public/summaries/2024/releases/1",
        "/v1/public/overview", "/years/2024", "/",
    ]

    @Test func theGzipBodyIsTheIdentityBodyWithItsOwnTag() async throws {
        try await withCompressionMetrics { r, _ in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            for path in Self.documents {
                let plain = try await r.send(.get, path, token: nil)
                let zipped = try await r.send(.get, path, token: nil, headers: [.acceptEncoding: "gzip"])
                #expect(plain.status == .ok && zipped.status == .ok, "\(path)")
                #expect(plain.headers[.contentEncoding] == nil, "\(path)")
                #expect(plain.body.readableBytes >= GzipCompression.minimumBytes, "\(path)")
                #expect(zipped.headers[.contentEncoding] == "gzip", "\(path)")
                for response in [plain, zipped] {
                    #expect(response.headers[.vary] == "Accept, Accept-Encoding", "\(path)")
                    #expect(response.headers[.contentLength] == String(response.body.readableBytes), "\(path)")
                    #expect(response.headers[.contentType] == plain.headers[.contentType], "\(path)")
                }
                var compressed = zipped.body
                #expect(try compressed.decompress(with: .gzip()) == plain.body, "\(path)")
                print("compressed \(path): \(plain.body.readableBytes) → \(zipped.body.readableBytes) bytes")
                #expect(zipped.body.readableBytes < plain.body.readableBytes, "\(path)")
                let tag = try #require(plain.headers[.eTag])
                #expect(zipped.headers[.eTag] == String(tag.dropLast()) + "-gzip\"", "\(path)")
            }
        }
    }

    @Test func eachEncodingIsRevalidatedWithItsOwnTag() async throws {
        try await withCompressionMetrics { r, _ in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            for path in Self.documents {
                let plainTag = try #require(try await r.send(.get, path, token: nil).headers[.eTag])
                let gzipTag = try #require(try await r.send(.get, path, token: nil, headers: [.acceptEncoding: "gzip"]).headers[.eTag])
                #expect(plainTag != gzipTag)
                for (encoding, tag) in [("gzip", gzipTag), ("identity", plainTag)] {
                    let held = try await r.send(.get, path, token: nil, headers: [.acceptEncoding: encoding, .ifNoneMatch: tag])
                    #expect(held.status == .notModified, "\(path) \(encoding)")
                    #expect(held.headers[.eTag] == tag)
                    #expect(held.headers[.vary] == "Accept, Accept-Encoding")
                    #expect(held.body.readableBytes == 0)
                }
                // the other encoding's tag does not match: the full body, in the encoding asked for
                let crossed = try await r.send(.get, path, token: nil, headers: [.acceptEncoding: "gzip", .ifNoneMatch: plainTag])
                #expect(crossed.status == .ok && crossed.headers[.contentEncoding] == "gzip", "\(path)")
                let back = try await r.send(.get, path, token: nil, headers: [.ifNoneMatch: "W/\(gzipTag)"])
                #expect(back.status == .ok && back.headers[.contentEncoding] == nil, "\(path)")
            }
        }
    }

    @Test func acceptEncodingIsReadWithItsWeights() async throws {
        try await withCompressionMetrics { r, _ in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let identity = [
                "gzip;q=0", "identity", "", "br", "deflate", "gzip;q=0, *", "*;q=0", "*;q=0, identity", "gzip;q=0.5, identity",
                "GZIP; Q=0", "x-gzip;q=0.000",
            ]
            let gzip = ["gzip", "GZIP", "x-gzip", "*", "br, gzip;q=0.5", "gzip;q=0.5, identity;q=0.4", "identity;q=0, gzip", " gzip ; q=1.0 "]
            for (header, expected) in identity.map({ ($0, nil as String?) }) + gzip.map({ ($0, "gzip" as String?) }) {
                let response = try await r.send(.get, "/v1/public/summaries/2024", token: nil, headers: [.acceptEncoding: header])
                #expect(response.status == .ok, "\(header)")
                #expect(response.headers[.contentEncoding] == expected, "Accept-Encoding: \(header)")
                #expect(response.headers[.eTag]?.hasSuffix("-gzip\"") == (expected != nil), "Accept-Encoding: \(header)")
                #expect(response.headers[.vary] == "Accept, Accept-Encoding")
            }
        }
    }

    /// The counter of compressions does not move when the same documents are asked again.
    @Test func aSecondRequestIsServedFromTheStoredCompressedBytes() async throws {
        try await withCompressionMetrics { r, registry in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            let zipped = try await r.send(.get, "/v1/public/summaries/2024", token: nil, headers: [.acceptEncoding: "gzip"])
            #expect(Self.compressions(registry) == 1)
            for _ in 0..<3 {
                let again = try await r.send(.get, "/v1/public/summaries/2024", token: nil, headers: [.acceptEncoding: "gzip"])
                #expect(again.body == zipped.body)
                try await r.send(.get, "/v1/public/summaries/2024", token: nil)
            }
            #expect(Self.compressions(registry) == 1)
            // another document is compressed once too
            try await r.send(.get, "/v1/public/summaries/2024?format=csv", token: nil, headers: [.acceptEncoding: "gzip"])
            try await r.send(.get, "/v1/public/summaries/2024?format=csv", token: nil, headers: [.acceptEncoding: "gzip"])
            #expect(Self.compressions(registry) == 2)
        }
    }

    /// A body below `GzipCompression.minimumBytes` is sent as it is, whatever the client accepts.
    @Test func aTinyBodyIsNotCompressed() async throws {
        try await withCompressionMetrics { r, registry in
            let overview = try await r.send(.get, "/v1/public/overview", token: nil, headers: [.acceptEncoding: "gzip"])
            #expect(overview.status == .ok)
            #expect(overview.body.readableBytes < GzipCompression.minimumBytes)
            #expect(overview.headers[.contentEncoding] == nil)
            #expect(overview.headers[.eTag]?.hasSuffix("-gzip\"") == false)
            #expect(overview.headers[.vary] == "Accept, Accept-Encoding")
            #expect(try overview.json()["years"] as? [Any] != nil)
            #expect(Self.compressions(registry) == 0)
        }
    }

    static func compressions(_ registry: PrometheusCollectorRegistry) -> Int {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        let line = String(decoding: buffer, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("alliance_public_compressions_total ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }
}

/// `withReporting`, with a registry of its own, so that the compressions counted are this test's only.
func withCompressionMetrics(_ body: @escaping @Sendable (Reporting, PrometheusCollectorRegistry) async throws -> Void) async throws {
    _ = TestDatabase.metrics
    let registry = PrometheusCollectorRegistry()
    try await ScopedMetricsFactory.withRegistry(registry) {
        try await withReporting(configure: { $0.metrics = registry }) { r in try await body(r, registry) }
    }
}
