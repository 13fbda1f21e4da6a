import Foundation

/// How long a token made at the command line lives (`--expires-in`): a whole number
/// of days, hours or minutes, `90d`, `12h` or `30m`, from one minute to ten years.
public struct TokenLifetime: Sendable, Equatable {
    public let seconds: TimeInterval

    enum Unit: String {
        case days = "d"
        case hours = "h"
        case minutes = "m"

        var seconds: TimeInterval {
            switch self {
            case .days: 86_400
            case .hours: 3_600
            case .minutes: 60
            }
        }
    }

    static let longest: TimeInterval = 3650 * Unit.days.seconds

    public init?(_ text: String) {
        guard let match = text.wholeMatch(of: /([1-9][0-9]{0,6})([a-z])/), let count = Double(match.output.1),
            let unit = Unit(rawValue: String(match.output.2)), count * unit.seconds <= Self.longest
        else { return nil }
        seconds = count * unit.seconds
    }

    /// The expiry of a token made at `now`.
    public func expiry(from now: Date) -> Date {
        now.addingTimeInterval(seconds)
    }
}
