import Foundation

extension Report {
    /// The report as a save leaves it, built from what the save wrote rather than read back:
    /// the working version is the new draft, the review dates stay those of `previous`.
    /// Values in the order `GET` reads them (`ORDER BY indicator COLLATE "C"`: by code
    /// point, as Swift compares the ASCII codes), narratives by goal (`ReportValidator`).
    static func saved(
        country: String,
        year: Int,
        version: Int,
        at savedAt: Date,
        _ content: ValidatedReport,
        over previous: ReportRow?
    ) -> Report {
        Report(
            country: country,
            year: year,
            status: .draft,
            version: version,
            acceptedVersion: previous?.acceptedVersion,
            firstSubmittedAt: previous?.firstSubmittedAt,
            submittedAt: previous?.submittedAt,
            acceptedAt: previous?.acceptedAt,
            savedAt: savedAt,
            values: content.values.sorted { $0.indicator.utf8.lexicographicallyPrecedes($1.indicator.utf8) },
            narratives: content.narratives
        )
    }
}
