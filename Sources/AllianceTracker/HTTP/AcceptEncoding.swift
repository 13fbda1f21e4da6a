/// What a client's `Accept-Encoding` allows (RFC 9110 §12.5.3), for the one coding
/// the server offers besides identity: gzip. A coding's weight is its own entry's
/// `q`, else that of `*`; gzip without either is not acceptable. Identity is always
/// served when gzip is not: it is acceptable unless excluded, and a client that
/// excludes both gets it anyway (the negotiation is disregarded, not refused). A
/// header that cannot be read is ignored; nothing here is ever a 4xx.
struct AcceptEncoding: Equatable {
    let gzip: Double
    /// Identity's stated weight: 0 when the header does not name it (nor `*`), so that
    /// `br, gzip;q=0.5` gets gzip, and `gzip;q=0.5, identity` identity.
    let identity: Double

    init(_ header: String?) {
        var weights: [Substring: Double] = [:]
        for entry in (header ?? "").split(separator: ",") {
            let parts = entry.split(separator: ";")
            guard let name = parts.first.map({ Self.trimmed($0).lowercased() }), !name.isEmpty else { continue }
            weights[Substring(name)] = parts.dropFirst().lazy.compactMap(Self.quality).first ?? 1
        }
        gzip = weights["gzip"] ?? weights["x-gzip"] ?? weights["*"] ?? 0
        identity = weights["identity"] ?? weights["*"] ?? 0
    }

    /// The gzip body is sent when gzip is acceptable and weighs no less than identity.
    var prefersGzip: Bool { gzip > 0 && gzip >= identity }

    /// `q=0.5` → 0.5; a malformed weight counts as absent (1).
    private static func quality(_ parameter: Substring) -> Double? {
        let pair = parameter.split(separator: "=", maxSplits: 1).map(Self.trimmed)
        guard pair.count == 2, pair[0].lowercased() == "q", let q = Double(pair[1]), (0...1).contains(q) else { return nil }
        return q
    }

    /// Without the spaces and tabs around it (the header's OWS), without Foundation on the request path.
    private static func trimmed(_ text: Substring) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
        return text[first...last]
    }
}
