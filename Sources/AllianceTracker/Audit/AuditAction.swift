/// What an audit entry says happened, as `audit_log.action` stores it.
struct AuditAction: RawRepresentable, Sendable, Equatable {
    let rawValue: String

    static let reportCreated = AuditAction(rawValue: "report.created")
    static let reportSaved = AuditAction(rawValue: "report.saved")
    static let valueChanged = AuditAction(rawValue: "report.value_changed")
    static let cycleCreated = AuditAction(rawValue: "cycle.created")
    static let cycleChanged = AuditAction(rawValue: "cycle.changed")
    static let exceptionGranted = AuditAction(rawValue: "cycle.exception_granted")
    static let commitmentCreated = AuditAction(rawValue: "commitment.created")
    static let commitmentChanged = AuditAction(rawValue: "commitment.changed")
    static let demoSeeded = AuditAction(rawValue: "demo.seeded")

    /// `report.submitted`, `report.accepted`, `report.returned`: a report reaching `status`.
    static func report(_ status: ReportStatus) -> AuditAction {
        AuditAction(rawValue: "report.\(status.rawValue)")
    }
}
