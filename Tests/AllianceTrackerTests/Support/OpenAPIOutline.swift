import Foundation

/// The operations of an OpenAPI document ("get /v1/goals"), read from its `paths`
/// section by indentation: enough to compare with the router, without a YAML parser.
struct OpenAPIOutline {
    let operations: Set<String>

    init(_ text: String) {
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            guard inPaths else { continue }
            if !line.hasPrefix(" ") && !line.isEmpty { break }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "put", "post", "patch", "delete"].contains(key) { operations.insert("\(key) \(path)") }
            }
        }
        self.operations = operations
    }
}
