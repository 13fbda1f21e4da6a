import Metrics

/// Report transitions for /metrics, counted after their transaction commits; like
/// every Prometheus counter they start from zero when the process starts (and are
/// made with the routes, so that /metrics shows them before the first report).
struct ReportMetrics: Sendable {
    let submitted = Counter(label: "alliance_reports_submitted_total")
    let accepted = Counter(label: "alliance_reports_accepted_total")
    let returned = Counter(label: "alliance_reports_returned_total")
}
