import Foundation

/// The service's idea of now. Injected so that tests decide what day it is
/// (cycle windows, lock dates, on-time submission) without sleeping.
public struct AppClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public static let system = AppClock { Date() }

    public func now() -> Date { read() }

    /// Today's date in UTC, as PostgreSQL writes dates (`2025-03-31`).
    public func today() -> String {
        Self.dayFormatter.string(from: now())
    }

    static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()
}
