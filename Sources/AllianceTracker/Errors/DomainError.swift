/// What the rules refuse, as the services say it: a code, a sentence for people,
/// and, for invalid input, what is wrong with each field. It carries no HTTP
/// status: the HTTP layer maps it to problem+json in one place (`Problem.init(_:)`),
/// and the command line prints it.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: ProblemCode
    public let detail: String
    public let fields: [FieldError]

    public init(_ code: ProblemCode, _ detail: String, fields: [FieldError] = []) {
        self.code = code
        self.detail = detail
        self.fields = fields
    }

    /// Input that breaks the rules, every problem with its field.
    public static func invalid(_ fields: [FieldError]) -> DomainError {
        DomainError(.validationFailed, fields.map { "\($0.field): \($0.message)" }.joined(separator: "; "), fields: fields)
    }

    /// Invalid input about one field.
    public static func invalid(_ field: String, _ code: FieldErrorCode, _ message: String) -> DomainError {
        invalid([FieldError(field: field, code: code, message: message)])
    }

    /// A query parameter or path segment that is not what the resource takes.
    public static func invalidParameter(_ name: String, _ message: String) -> DomainError {
        DomainError(.invalidParameter, "\(name): \(message)", fields: [FieldError(field: name, code: .invalidParameter, message: message)])
    }

    public static func notFound(_ detail: String) -> DomainError {
        DomainError(.notFound, detail)
    }

    /// The code a client reads: a lone field's own code speaks more plainly than
    /// `validation_failed`.
    public var publicCode: String {
        if code == .validationFailed, fields.count == 1 { return fields[0].code.rawValue }
        return code.rawValue
    }

    /// As the command line shows it: the code, then what is wrong.
    public var description: String {
        fields.isEmpty
            ? "\(publicCode): \(detail)"
            : fields.map { "\($0.code.rawValue): \($0.field): \($0.message)" }.joined(separator: "\n")
    }
}

/// One field's problem: which field (as the client wrote it, `values[2].note`),
/// what kind of problem, and a sentence that names the field.
public struct FieldError: Codable, Sendable, Equatable {
    public var field: String
    public var code: FieldErrorCode
    public var message: String

    public init(field: String, code: FieldErrorCode, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}
