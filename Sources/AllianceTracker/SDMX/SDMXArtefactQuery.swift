/// `{agencyID}/{resourceID}/{version}` of an SDMX REST v2 path: each a value, a list
/// joined by `,`, or `*`; a version may also be `~`, the latest, or `+`, the latest
/// stable (every version here is stable, so the two are the same).
struct SDMXArtefactQuery: Sendable, Equatable {
    let agencies: Set<String>?
    let resources: Set<String>?
    let versions: Set<String>?

    init(agency: String, resource: String, version: String) throws {
        agencies = try Self.list(agency, name: "agencyID", valid: Self.isIdentifier)
        resources = try Self.list(resource, name: "resourceID", valid: Self.isIdentifier)
        if version == "~" || version == "+" {
            versions = nil
        } else {
            versions = try Self.list(version, name: "version", valid: Self.isVersion)
        }
    }

    /// Whether an artefact of this agency, id and version is asked for.
    func matches(agency: String, id: String, version: String) -> Bool {
        (agencies?.contains(agency) ?? true) && (resources?.contains(id) ?? true) && (versions?.contains(version) ?? true)
    }

    static func isIdentifier(_ text: String) -> Bool {
        text.wholeMatch(of: /[A-Za-z0-9_\-]{1,100}/) != nil
    }

    static func isVersion(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9]{1,9}\.[0-9]{1,9}(\.[0-9]{1,9})?/) != nil
    }

    private static func list(_ text: String, name: String, valid: (String) -> Bool) throws -> Set<String>? {
        if text == "*" { return nil }
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard values.allSatisfy(valid) else {
            throw DomainError.invalidParameter(name, "'\(text)' is not an SDMX \(name), a list of them joined by ',', or '*'")
        }
        return Set(values)
    }
}
