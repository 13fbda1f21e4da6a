/// The `{key}` of a data query: one part per dimension but time (`INDICATOR.REF_AREA.STATISTIC`),
/// each `*` (or empty) for any value, or values joined by `,` or `+`. `*` alone is every key;
/// dimensions left off the end are any value, as the standard says (`icse_victims_identified`).
struct SDMXKey: Sendable, Equatable {
    static let dimensions = ["INDICATOR", "REF_AREA", "STATISTIC"]

    /// Per dimension the values asked for; nil for any.
    let parts: [Set<String>?]

    init(_ text: String) throws {
        if text == "*" || text == "all" {
            parts = Array(repeating: nil, count: Self.dimensions.count)
            return
        }
        var split = text.split(separator: ".", omittingEmptySubsequences: false)
        if split.count < Self.dimensions.count { split += Array(repeating: "", count: Self.dimensions.count - split.count) }
        guard split.count == Self.dimensions.count else {
            throw DomainError.invalidParameter(
                "key",
                "must have at most \(Self.dimensions.count) parts separated by '.' (\(Self.dimensions.joined(separator: "."))), or be '*'"
            )
        }
        parts = try split.map { part in
            if part.isEmpty || part == "*" { return nil }
            let values = part.split(whereSeparator: { $0 == "," || $0 == "+" }).map(String.init)
            guard !values.isEmpty, values.allSatisfy(SDMXArtefactQuery.isIdentifier) else {
                throw DomainError.invalidParameter("key", "'\(part)' is not a code, a list of codes or '*'")
            }
            return Set(values)
        }
    }

    func matches(_ observation: SDMXObservation) -> Bool {
        zip(parts, observation.seriesKey).allSatisfy { wanted, value in wanted?.contains(value) ?? true }
    }
}
