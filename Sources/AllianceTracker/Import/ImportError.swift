/// Every problem of an import, by line of the file.
public struct ImportError: Error, CustomStringConvertible {
    public struct Problem: Sendable {
        public let line: Int
        public let message: String
    }

    public let problems: [Problem]

    public var description: String {
        "nothing was imported:\n"
            + problems.sorted { $0.line < $1.line }
            .map { "  row \($0.line): \($0.message)" }.joined(separator: "\n")
    }
}
