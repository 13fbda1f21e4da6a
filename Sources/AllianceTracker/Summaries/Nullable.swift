/// An optional that is written as JSON `null` rather than left out: a summary's
/// figures are always present, and `null` says "no figure" out loud.
struct Nullable<Wrapped: Codable & Sendable & Equatable>: Codable, Sendable, Equatable, ExpressibleByNilLiteral {
    var value: Wrapped?

    init(_ value: Wrapped?) { self.value = value }
    init(nilLiteral: ()) { value = nil }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(Wrapped.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
