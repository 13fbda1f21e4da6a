/// What an audit entry says happened (`audit_log.action`), and to which kind of
/// thing (`audit_log.entity`): each action names its entity once, here.
struct AuditAction: Sendable, Equatable {
    let rawValue: String
    let entity: String

    init(_ rawValue: String, on entity: String) {
        self.rawValue = rawValue
        self.entity = entity
    }

    static let reportCreated = AuditAction("report.created", on: "report")
    static let reportSaved = AuditAction("report.saved", on: "report")
    static let valueChanged = AuditAction("report.value_changed", on: "report_value")
    static let cycleCreated = AuditAction("cycle.created", on: "cycle")
    static let cycleChanged = AuditAction("cycle.changed", on: "cycle")
    static let exceptionGranted = AuditAction("cycle.exception_granted", on: "lock_exception")
    static let exceptionRevoked = AuditAction("cycle.exception_revoked", on: "lock_exception")
    static let expectedAdded = AuditAction("cycle.expected_added", on: "expected_reporter")
    static let expectedRemoved = AuditAction("cycle.expected_removed", on: "expected_reporter")
    static let commitmentCreated = AuditAction("commitment.created", on: "commitment")
    static let commitmentChanged = AuditAction("commitment.changed", on: "commitment")
    static let commitmentWithdrawn = AuditAction("commitment.withdrawn", on: "commitment")
    static let targetCreated = AuditAction("target.created", on: "target")
    static let targetChanged = AuditAction("target.changed", on: "target")
    static let demoSeeded = AuditAction("demo.seeded", on: "demo")
    static let tokenCreated = AuditAction("token.created", on: "token")
    static let tokenRevoked = AuditAction("token.revoked", on: "token")
    static let summaryPublished = AuditAction("summary.published", on: "summary_release")

    /// `report.submitted`, `report.accepted`, `report.returned`: a report reaching `status`.
    static func report(_ status: ReportStatus) -> AuditAction {
        AuditAction("report.\(status.rawValue)", on: "report")
    }
}
