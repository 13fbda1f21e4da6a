import Foundation
import Mustache

/// The dashboard's Mustache templates (`Resources/Templates`), loaded once. `{{ }}`
/// escapes for HTML; the one unescaped insertion, `{{{ }}}`, is `SVGChart`'s output,
/// which escapes its own text.
enum DashboardTemplates {
    /// A template that is missing or does not parse is a packaging bug: the first page stops the process, loudly.
    static let library: MustacheLibrary = {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else { fatalError("the dashboard templates are not in the bundle") }
        var library = MustacheLibrary()
        for file in files where file.pathExtension == "mustache" {
            do {
                try library.register(String(contentsOf: file, encoding: .utf8), named: file.deletingPathExtension().lastPathComponent)
            } catch {
                fatalError("dashboard template \(file.lastPathComponent): \(error)")
            }
        }
        return library
    }()

    static func render(_ object: Any, as name: String) -> String {
        guard let html = library.render(object, withTemplate: name) else { fatalError("no dashboard template named \(name)") }
        return html
    }
}
