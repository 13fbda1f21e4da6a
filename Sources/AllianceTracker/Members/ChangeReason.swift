import Foundation

/// Why the secretariat changes a member or a membership: required, audited.
enum ChangeReason {
    /// The reason, when it is not blank and at most 2000 characters; else 422 `missing_reason`.
    static func check(_ reason: String?) throws -> String {
        guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, reason.unicodeScalars.count <= 2000 else {
            throw DomainError.invalid("reason", .missingReason, "must say why, in 1 to 2000 characters")
        }
        if reason.unicodeScalars.contains("\u{0}") {
            throw DomainError.invalid("reason", .invalidCharacter, "reason may not contain U+0000 (NUL)")
        }
        return reason
    }
}
