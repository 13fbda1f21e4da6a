import Hummingbird

extension Request {
    /// A yes/no query parameter (`?dry_run=true`): false when absent, 400 unless `true` or `false`.
    func flagParameter(_ name: String) throws -> Bool {
        guard let raw = formParameter(name) else { return false }
        guard let flag = Bool(raw) else { throw DomainError.invalidParameter(name, "must be true or false, not '\(raw)'") }
        return flag
    }
}
