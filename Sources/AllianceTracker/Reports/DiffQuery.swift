/// `?from=N&to=M` of `GET …/diff`: the two versions, each a whole number from 1, or
/// absent for its default (`ReportService.diff`).
struct DiffQuery: Sendable, Equatable {
    var from: Int?
    var to: Int?

    init(from: String?, to: String?) throws {
        self.from = try Self.version(from, name: "from")
        self.to = try Self.version(to, name: "to")
    }

    private static func version(_ raw: String?, name: String) throws -> Int? {
        guard let raw else { return nil }
        guard raw.wholeMatch(of: /[0-9]+/) != nil, let number = Int(raw), number >= 1 else {
            throw DomainError.invalidParameter(name, "must be a version number, a whole number from 1, not '\(raw)'")
        }
        return number
    }
}
