import Foundation
import Hummingbird

extension Request {
    /// `?reason=`, read as a form or `curl --data-urlencode` writes it: `+` is a space
    /// and `%2B` a plus. (Hummingbird's query parameters keep `+` as it is, and the
    /// audit log would keep "Data+arrived+early".) Nil when there is none.
    var reasonParameter: String? { formParameter("reason") }

    /// The query parameter `name`, form-decoded as `reasonParameter`; nil when there is none.
    func formParameter(_ name: String) -> String? {
        guard let query = uri.query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard Self.formDecoded(parts[0]) == name else { continue }
            return parts.count > 1 ? Self.formDecoded(parts[1]) : ""
        }
        return nil
    }

    /// A malformed percent escape is kept as written rather than dropped.
    private static func formDecoded(_ raw: Substring) -> String {
        let spaced = raw.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
