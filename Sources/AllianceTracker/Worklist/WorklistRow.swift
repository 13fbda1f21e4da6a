import Foundation

/// One country of the cycle worklist: an expected reporter, or another country that
/// filed for the year. The rules of each field are in docs/rules.md §2 (the worklist).
struct WorklistRow: Encodable, Sendable, Equatable {
    var country: String
    var expected: Bool
    var status: WorklistStatus
    /// The working version; null when not started.
    var version: Nullable<Int>
    var acceptedVersion: Nullable<Int>
    var firstSubmittedAt: Nullable<Date>
    /// Whether the first submission's UTC date is on or before the due date; false
    /// when not yet submitted after the due date has passed; null when not yet
    /// submitted and the due date is today or later.
    var onTime: Nullable<Bool>
    /// Whole UTC days from the due date to the first submission's date, or to today
    /// when not yet submitted; null unless that is after the due date (≥ 1).
    var daysLate: Nullable<Int>
    /// The latest of the working version's save, the last submission and the last review.
    var lastChangeAt: Nullable<Date>
    /// Indicators in the default diff from the accepted to the working version; null with none accepted.
    var changesSinceAccepted: Nullable<Int>

    /// The CSV header and this row's fields, in the same order.
    static let csvHeader = [
        "country", "expected", "status", "version", "accepted_version", "first_submitted_at", "on_time", "days_late",
        "last_change_at", "changes_since_accepted",
    ]

    var csvFields: [String?] {
        let time = { (date: Date?) in date.map { ISO8601DateFormatter().string(from: $0) } }
        return [
            country, String(expected), status.rawValue, version.value.map(String.init), acceptedVersion.value.map(String.init),
            time(firstSubmittedAt.value), onTime.value.map { String($0) }, daysLate.value.map(String.init), time(lastChangeAt.value),
            changesSinceAccepted.value.map(String.init),
        ]
    }
}
