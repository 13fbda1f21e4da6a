import Foundation
import Hummingbird

/// Serves the OpenAPI document, the contract the server keeps (docs/rules.md §5).
struct OpenAPIRoutes {
    let document: ByteBuffer

    init() throws {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw OpenAPIDocumentMissing()
        }
        document = ByteBuffer(bytes: try Data(contentsOf: url))
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("openapi.yaml") { [document] _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/yaml", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: document)
            )
        }
    }
}

struct OpenAPIDocumentMissing: Error, CustomStringConvertible {
    var description: String { "openapi.yaml is missing from the library's resources" }
}
