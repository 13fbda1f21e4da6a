import PostgresNIO

/// Whether a reported value was counted or estimated.
enum ValueNature: String, DatabaseEnum {
    case reported
    case estimated
}
