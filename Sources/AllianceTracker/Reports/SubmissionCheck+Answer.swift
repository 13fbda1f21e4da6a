/// The answer of a dry-run submission: what the real one would refuse, and whether it would pass.
extension SubmissionCheck {
    struct Answer: Encodable, Sendable {
        /// The version the check ran on, the one the submission would submit.
        let version: Int
        /// True when the submission would pass: no problem and no warning.
        let ready: Bool
        /// Required indicators with neither a value nor a not-available reason.
        let problems: [FieldError]
        /// Values that need a justifying note (a change over ±50 %, outside the expected range).
        let warnings: [FieldError]

        init(version: Int, _ found: [FieldError]) {
            self.version = version
            self.problems = found.filter { $0.code == .missingIndicator }
            self.warnings = found.filter { $0.code != .missingIndicator }
            self.ready = found.isEmpty
        }
    }
}
