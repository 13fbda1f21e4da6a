/// A panel's country codes written one `String` at a time. Encoded as `[String]`, each
/// code went through JSONEncoder's generic path (a dynamic cast a type it might treat
/// specially): at 200 countries × 40 indicators that was a quarter of a cold live
/// summary's time in the service (docs/benchmarks.md, "Live summary").
extension KeyedEncodingContainer {
    /// The codes as a JSON array; nothing when `codes` is nil.
    mutating func encodeCountryCodes(_ codes: [String]?, forKey key: Key) throws {
        guard let codes else { return }
        var array = nestedUnkeyedContainer(forKey: key)
        for code in codes { try array.encode(code) }
    }
}
