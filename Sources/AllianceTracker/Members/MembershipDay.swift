/// A joining or leaving date as the secretariat gives it: `2025-03-31`, in 2000 to 2100.
public enum MembershipDay {
    /// The date, checked; else 422 `missing_field` or `invalid_date` on `field`.
    public static func check(_ text: String?, field: String) throws -> String {
        guard let text else { throw DomainError.invalid(field, .missingField, "is required: a date such as 2025-03-31") }
        guard CalendarDate.isValid(text), let year = Int(text.prefix(4)), (2000...2100).contains(year) else {
            throw DomainError.invalid(field, .invalidDate, "must be a date from 2000-01-01 to 2100-12-31 such as 2025-03-31, not '\(text)'")
        }
        return text
    }
}
