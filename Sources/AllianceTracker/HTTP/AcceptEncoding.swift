/// What a client's `Accept-Encoding` allows (RFC 9110 §12.5.3), for the one coding
/// the server offers besides identity: gzip. A coding's weight is its own entry's
/// `q`, else that of `*`; gzip without either is not acceptable. Identity is always
/// served when gzip is not: it is acceptable unless excluded, and a client that
/// excludes both gets it anyway (the negotiation is disregarded, not refused). A
/// header that cannot be read is ignored, and so is one with a byte outside ASCII (a
/// coding's name and weight are ASCII tokens); nothing here is ever a 4xx.
///
/// Read on every public request, so it is read in place, byte by byte: slices of the
/// header, no copies, no collections (issue 14, public reads).
struct AcceptEncoding: Equatable {
    let gzip: Double
    /// Identity's stated weight: 0 when the header does not name it (nor `*`), so that
    /// `br, gzip;q=0.5` gets gzip, and `gzip;q=0.5, identity` identity.
    let identity: Double

    init(_ header: String?) {
        // the weight each coding of interest was given; a coding named twice keeps its last entry
        var gzip: Double?
        var xGzip: Double?
        var any: Double?
        var identity: Double?
        let header = header ?? ""
        for entry in Self.pieces(of: header.utf8.allSatisfy({ $0 < 0x80 }) ? Substring(header) : "", by: ",") {
            // the name, then its parameters: the entry's non-empty pieces between `;`s
            var pieces = Self.pieces(of: entry, by: ";").lazy.filter { !$0.isEmpty }.makeIterator()
            guard let first = pieces.next() else { continue }
            let name = Self.trimmed(first)
            guard !name.isEmpty else { continue }
            let weight = Self.weight(parameters: &pieces)
            if Self.name(name, is: "gzip") {
                gzip = weight
            } else if Self.name(name, is: "x-gzip") {
                xGzip = weight
            } else if Self.name(name, is: "*") {
                any = weight
            } else if Self.name(name, is: "identity") {
                identity = weight
            }
        }
        self.gzip = gzip ?? xGzip ?? any ?? 0
        self.identity = identity ?? any ?? 0
    }

    /// The gzip body is sent when gzip is acceptable and weighs no less than identity.
    var prefersGzip: Bool { gzip > 0 && gzip >= identity }

    /// The first well-formed `q` among an entry's parameters; 1 when there is none.
    private static func weight(parameters: inout some IteratorProtocol<Substring>) -> Double {
        while let parameter = parameters.next() {
            if let q = quality(parameter) { return q }
        }
        return 1
    }

    /// `q=0.5` → 0.5; a malformed weight counts as absent. Leading `=`s are passed over
    /// (`=q=0` is `q=0`), as the reading before this one did.
    private static func quality(_ parameter: Substring) -> Double? {
        guard let start = parameter.utf8.firstIndex(where: { $0 != UInt8(ascii: "=") }) else { return nil }
        let parameter = parameter[start...]
        guard let equals = parameter.utf8.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let value = trimmed(parameter[parameter.utf8.index(after: equals)...])
        guard name(trimmed(parameter[..<equals]), is: "q"), let q = Double(value), (0...1).contains(q) else { return nil }
        return q
    }

    /// The pieces of `text` between `separator`s, empty ones included.
    private static func pieces(of text: Substring, by separator: Unicode.Scalar) -> Pieces {
        Pieces(rest: text, separator: UInt8(ascii: separator))
    }

    private struct Pieces: Sequence, IteratorProtocol {
        var rest: Substring?
        let separator: UInt8

        mutating func next() -> Substring? {
            guard let current = rest else { return nil }
            guard let end = current.utf8.firstIndex(of: separator) else {
                rest = nil
                return current
            }
            rest = current[current.index(after: end)...]
            return current[..<end]
        }
    }

    /// Whether `text` is `lowercase` (ASCII), whatever its case.
    private static func name(_ text: Substring, is lowercase: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return text.utf8.count == expected.count
            && zip(text.utf8, expected).allSatisfy { byte, wanted in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 == wanted : byte == wanted
            }
    }

    /// Without the spaces and tabs around it (the header's OWS), without Foundation on the request path.
    private static func trimmed(_ text: Substring) -> Substring {
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = text.utf8.firstIndex(where: { !blank($0) }), let last = text.utf8.lastIndex(where: { !blank($0) }) else { return "" }
        return text[first...last]
    }
}
