/// Which version of a report a change is based on (docs/rules.md §2): a change to an
/// existing report must name its current version (428 without, 412 with another).
enum ExpectedVersion: Sendable, Equatable {
    /// The client named none (no `If-Match`): right only for a report that does not exist yet.
    case unstated
    /// The entity tags of `If-Match`: `3`, `*`, or a weak tag (`W/"3"`), which never matches.
    case oneOf([String])
    /// Whatever version is current: the secretariat's import and the demo, which
    /// lay their change over the report as it stands.
    case current

    /// Checks the expectation against the report's current version (nil: no report yet).
    func check(currentVersion: Int?) throws {
        switch (self, currentVersion) {
        case (.current, _), (.unstated, nil):
            return
        case (.unstated, .some):
            throw DomainError(.preconditionRequired, "Changing an existing report needs an If-Match header with its current ETag.")
        case (.oneOf(let tags), let current):
            guard let current, tags.contains(where: { $0 == "*" || $0 == String(current) }) else {
                throw Self.mismatch(current: current)
            }
        }
    }

    static func mismatch(current: Int?) -> DomainError {
        DomainError(
            .versionMismatch,
            current.map { "The report is now at version \($0); fetch it, reapply your change and send If-Match: \"\($0)\"." }
                ?? "The report was created meanwhile, or does not exist yet: fetch it before changing it."
        )
    }
}
