import Foundation

/// Why the secretariat changes something (a member, a membership, an expected
/// reporter, a lock exception): required, and kept in the audit log.
enum ChangeReason {
    /// The reason, when it is not blank, at most 2000 characters and free of U+0000;
    /// else 422 `missing_reason` or `invalid_character`.
    @discardableResult
    static func check(_ reason: String?) throws -> String {
        let reason = reason ?? ""
        if reason.unicodeScalars.contains("\u{0}") {
            throw DomainError.invalid("reason", .invalidCharacter, "reason may not contain U+0000 (NUL)")
        }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || reason.unicodeScalars.count > 2000 {
            throw DomainError.invalid("reason", .missingReason, "must say why, in 1 to 2000 characters")
        }
        return reason
    }
}
