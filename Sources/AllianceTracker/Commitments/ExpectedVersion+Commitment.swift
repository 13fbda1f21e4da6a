/// A change to a commitment names its current version in `If-Match`, as a report's
/// does (docs/rules.md §2): 428 without, 412 with another.
extension ExpectedVersion {
    func check(commitment: Commitment) throws {
        switch self {
        case .current:
            return
        case .unstated:
            throw DomainError(.preconditionRequired, "Changing a commitment needs an If-Match header with its current ETag.")
        case .oneOf(let tags):
            guard tags.contains(where: { $0 == "*" || $0 == String(commitment.version) }) else {
                throw DomainError(
                    .versionMismatch,
                    "The commitment is now at version \(commitment.version); fetch it, reapply your change and send If-Match: \"\(commitment.version)\"."
                )
            }
        }
    }
}
