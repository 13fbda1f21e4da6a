import Testing

@testable import AllianceTracker

/// `AcceptEncoding` reads the header in place; it must read it as the plain reading
/// below does (a dictionary of lowercased names, the last entry of a name winning),
/// which `PublicCompressionTests.acceptEncodingIsReadWithItsWeights` checks through
/// the router on the headers clients send. A header with a byte outside ASCII is
/// ignored (the plain reading split it by grapheme, so that a combining mark after a
/// `,` hid the separator).
@Suite struct AcceptEncodingTests {
    @Test func randomHeadersAreReadAsThePlainReadingReadsThem() {
        var g = SplitMix64(seed: 0xACCE_97)
        let parts = [
            "gzip", "GZIP", "Gzip", "x-gzip", "X-GZIP", "*", "identity", "IDENTITY", "br", "deflate", "gzip2", "q",
            ";q=0", ";q=0.5", ";Q=1", ";q=1.0", ";q=2", ";q=-1", ";q=", ";=0.5", ";q=abc", ";level=1", "; q = 0.3 ",
            ",", ", ", " ", "\t", ";", "=", "==", "=q=0", "0", "0.5", "é", "\u{301}",
        ]
        for index in 0..<5_000 {
            let header = (0..<Int.random(in: 0...8, using: &g)).map { _ in g.pick(parts) }.joined()
            let read = AcceptEncoding(header)
            let plain = header.utf8.allSatisfy { $0 < 0x80 } ? Self.plainReading(header) : (gzip: 0, identity: 0)
            #expect(read.gzip == plain.gzip && read.identity == plain.identity, "header \(index): '\(header)'")
        }
        #expect(AcceptEncoding(nil) == AcceptEncoding(""))
        #expect(AcceptEncoding("gzip").prefersGzip)
        #expect(!AcceptEncoding("gzip;q=0.5, identity").prefersGzip)
        #expect(!AcceptEncoding("gzip;=q=0").prefersGzip)
        #expect(!AcceptEncoding("gzip;q=\u{301}1").prefersGzip && !AcceptEncoding("gzip, é").prefersGzip)
    }

    /// The reading before it was done in place.
    private static func plainReading(_ header: String) -> (gzip: Double, identity: Double) {
        func trimmed(_ text: Substring) -> Substring {
            let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
            guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
            return text[first...last]
        }
        func quality(_ parameter: Substring) -> Double? {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(trimmed)
            guard pair.count == 2, pair[0].lowercased() == "q", let q = Double(pair[1]), (0...1).contains(q) else { return nil }
            return q
        }
        var weights: [String: Double] = [:]
        for entry in header.split(separator: ",") {
            let parts = entry.split(separator: ";")
            guard let name = parts.first.map({ trimmed($0).lowercased() }), !name.isEmpty else { continue }
            weights[name] = parts.dropFirst().lazy.compactMap(quality).first ?? 1
        }
        return (weights["gzip"] ?? weights["x-gzip"] ?? weights["*"] ?? 0, weights["identity"] ?? weights["*"] ?? 0)
    }
}
