/// A report's content after checking it against the catalogue: ready to store.
struct ValidatedReport: Sendable {
    var values: [ReportValue]
    var narratives: [Narrative]
}
