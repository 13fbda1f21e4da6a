/// Every problem of an import, by row of the file (the header is row 1; row 0 is the
/// command or request itself). The command line prints it; the API answers it as
/// `import_failed`, each problem with its `row`.
public struct ImportError: Error, CustomStringConvertible {
    public struct Problem: Sendable, Encodable, Equatable {
        public let row: Int
        /// A `FieldErrorCode` or `ProblemCode` value.
        public let code: String
        public let message: String

        init(row: Int, _ code: FieldErrorCode, _ message: String) {
            self.init(row: row, code: code.rawValue, message)
        }

        init(row: Int, code: String, _ message: String) {
            self.row = row
            self.code = code
            self.message = message
        }
    }

    public let problems: [Problem]

    /// The problems in the order of the file.
    public var sorted: [Problem] { problems.sorted { $0.row < $1.row } }

    public var description: String {
        "nothing was imported:\n" + sorted.map { "  row \($0.row): \($0.code): \($0.message)" }.joined(separator: "\n")
    }
}
