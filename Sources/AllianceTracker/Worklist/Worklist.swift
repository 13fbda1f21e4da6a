import Foundation

/// `GET /v1/cycles/{year}/reports`: the secretariat's worklist for a cycle. `counts`
/// is the summary's completeness (the same statement); `by_status` counts every row;
/// a `?status=` filter narrows `reports` only.
struct Worklist: Encodable, Sendable {
    var year: Int
    var dueOn: String
    /// The day (UTC, the application's clock) that `days_late` and `on_time` were counted to.
    var today: String
    var counts: Completeness
    var byStatus: [String: Int]
    var reports: [WorklistRow]

    init(year: Int, dueOn: String, today: String, counts: Completeness, rows: [WorklistRow], only filter: Set<WorklistStatus>?) {
        self.year = year
        self.dueOn = dueOn
        self.today = today
        self.counts = counts
        byStatus = Dictionary(
            uniqueKeysWithValues: WorklistStatus.allCases.map { status in
                (status.rawValue, rows.count { $0.status == status })
            }
        )
        reports = filter.map { wanted in rows.filter { wanted.contains($0.status) } } ?? rows
    }

    /// One line per row of `reports`, after a header line.
    var csv: Data {
        var writer = CSVWriter(header: WorklistRow.csvHeader)
        for row in reports { writer.row(row.csvFields) }
        return writer.data
    }
}
