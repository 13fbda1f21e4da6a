import PostgresNIO

/// Where a report stands (docs/rules.md §2): a country saves drafts and submits; the
/// secretariat accepts or returns.
enum ReportStatus: String, DatabaseEnum {
    case draft
    case submitted
    case returned
    case accepted
}
