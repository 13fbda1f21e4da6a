import Foundation
import Hummingbird

/// `If-Match` on a change to an existing report (SPEC §2): 428 without it, 412
/// when it names another version than the current one.
enum Precondition: Sendable {
    /// The client's `If-Match`, if it sent one.
    case ifMatch(String?)
    /// The secretariat's bulk import, which works on whatever version is current.
    case none

    init(_ request: Request) {
        self = .ifMatch(request.headers[.ifMatch])
    }

    /// Checks the precondition against the report's current version (nil: no report yet).
    func check(currentVersion: Int?) throws {
        guard case .ifMatch(let header) = self else { return }
        switch (header, currentVersion) {
        case (nil, nil):
            return
        case (nil, .some):
            throw DomainError(.preconditionRequired, "Changing an existing report needs an If-Match header with its current ETag.")
        case (.some(let header), let current):
            guard let current, Self.tags(header).contains(where: { $0 == "*" || $0 == String(current) }) else {
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

    /// `"3", "4"` → ["3", "4"]. If-Match compares strongly (RFC 9110 §13.1.1):
    /// a weak tag (`W/"3"`) never matches, so it is kept as it is.
    static func tags(_ header: String) -> [String] {
        header.split(separator: ",").map { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag.hasPrefix("W/") ? tag : tag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }
}
