import Logging

/// The amendment diff: what a version changed against another.
extension ReportService {
    /// The diff from version `from` to version `to`. By default `to` is the working
    /// version, and `from` the accepted version, or, when none is accepted, the one
    /// before the working version; a report at version 1 with none accepted compares
    /// version 1 with itself, an empty diff. `from` may be after `to`: the diff then
    /// reads backwards. Both are read in one transaction.
    func diff(country: String, year: Int, _ query: DiffQuery, logger: Logger) async throws -> ReportDiff {
        try await database.read(logger: logger) { session in
            guard let row = try await reports.row(country: country, year: year, in: session) else {
                throw DomainError.unknownReport(country: country, year: year)
            }
            let to = query.to ?? row.currentVersion
            let from = query.from ?? row.acceptedVersion ?? max(row.currentVersion - 1, 1)
            let old = try await reports.version(country: country, year: year, version: from, in: session)
            let new = try await reports.version(country: country, year: year, version: to, in: session)
            guard let old, let new else {
                let missing = old == nil ? from : to
                throw DomainError(
                    .unknownVersion,
                    "\(country)'s report for \(year) has no version \(missing); it is at version \(row.currentVersion)."
                )
            }
            return ReportDiff(from: old, to: new)
        }
    }
}
