import Foundation
import Yams

@testable import AllianceTracker

/// What the tests compare of the OpenAPI document with the code: its operations
/// ("get /v1/goals") and the two code enums, read with a YAML parser.
struct OpenAPIOutline {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    let operations: Set<String>
    /// `components.schemas.ProblemCode.enum`
    let problemCodes: [String]
    /// `components.schemas.FieldErrorCode.enum`
    let fieldErrorCodes: [String]

    init(_ text: String) throws {
        guard let document = try Yams.load(yaml: text) as? [String: Any],
            let paths = document["paths"] as? [String: [String: Any]],
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        else { throw Malformed(description: "no paths or no components.schemas") }
        let methods: Set = ["get", "put", "post", "patch", "delete"]
        operations = Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0) \(path)" } })
        problemCodes = try Self.enumeration("ProblemCode", in: schemas)
        fieldErrorCodes = try Self.enumeration("FieldErrorCode", in: schemas)
    }

    static func load() throws -> OpenAPIOutline {
        let url =
            Bundle.module.url(forResource: "openapi", withExtension: "yaml")
            ?? TestDatabase.repositoryRoot.appendingPathComponent("Sources/AllianceTracker/Resources/openapi.yaml")
        return try OpenAPIOutline(String(contentsOf: url, encoding: .utf8))
    }

    private static func enumeration(_ name: String, in schemas: [String: Any]) throws -> [String] {
        guard let values = (schemas[name] as? [String: Any])?["enum"] as? [Any] else {
            throw Malformed(description: "components.schemas.\(name) has no enum")
        }
        return try values.map { value in
            guard let string = value as? String else { throw Malformed(description: "\(name): \(value) is not a string") }
            return string
        }
    }
}
