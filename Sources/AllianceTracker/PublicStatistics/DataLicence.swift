import Foundation

/// The licence the public data is published under (`DATA_LICENCE_NAME`, `DATA_LICENCE_URL`):
/// CC BY 4.0 unless the operator says otherwise. Stated by every public document and page.
public struct DataLicence: Sendable, Equatable, Encodable {
    public var name: String
    public var url: String

    public init(name: String = "CC BY 4.0", url: String = "https://creativecommons.org/licenses/by/4.0/") {
        self.name = name
        self.url = url
    }

    /// Reads the two settings, adding each problem to `problems`.
    static func fromEnvironment(_ env: [String: String], problems: inout [String]) -> DataLicence {
        var licence = DataLicence()
        if let raw = env["DATA_LICENCE_NAME"] {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if (1...200).contains(name.count), !name.contains(where: \.isNewline) {
                licence.name = name
            } else {
                problems.append("DATA_LICENCE_NAME must be one line of 1 to 200 characters, not '\(raw)'")
            }
        }
        if let raw = env["DATA_LICENCE_URL"] {
            if let url = URL(string: raw), ["http", "https"].contains(url.scheme), url.host?.isEmpty == false,
                !raw.contains(where: { $0.isWhitespace || $0 == ">" || $0 == "<" })
            {
                licence.url = raw
            } else {
                problems.append("DATA_LICENCE_URL must be an absolute http or https address, not '\(raw)'")
            }
        }
        return licence
    }
}
