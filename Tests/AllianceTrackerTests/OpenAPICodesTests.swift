import Testing

@testable import AllianceTracker

/// The OpenAPI document lists exactly the codes of the Swift enums, in both
/// directions: a code the API can answer is documented, and a documented code exists.
@Suite struct OpenAPICodesTests {
    @Test func problemCodesAreTheEnum() throws {
        let documented = try OpenAPIOutline.load().problemCodes
        Self.expectSame(documented, ProblemCode.allCases.map(\.rawValue), "ProblemCode")
    }

    @Test func fieldErrorCodesAreTheEnum() throws {
        let documented = try OpenAPIOutline.load().fieldErrorCodes
        Self.expectSame(documented, FieldErrorCode.allCases.map(\.rawValue), "FieldErrorCode")
    }

    private static func expectSame(_ documented: [String], _ swift: [String], _ name: String) {
        #expect(Set(documented).count == documented.count, "\(name) lists a code twice in the OpenAPI document")
        let undocumented = Set(swift).subtracting(documented).sorted()
        let unknown = Set(documented).subtracting(swift).sorted()
        #expect(undocumented.isEmpty, "in \(name).swift but not in the OpenAPI document: \(undocumented)")
        #expect(unknown.isEmpty, "in the OpenAPI document but not in \(name).swift: \(unknown)")
    }
}
