import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// A release reads as it was published: disclosure control is applied once, when
/// publishing, and the public document is served as frozen then.
@Suite struct FrozenReleaseTests {
    static let release1 = "/v1/public/summaries/2024/releases/1"
    static let schools = "schools_online_safety_pct"

    /// Runs `body` with a router built with `minimumCountries`, over the database at `url`.
    @discardableResult
    static func withRouter<T: Sendable>(
        _ url: DatabaseURL,
        minimumCountries: Int,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        var config = TestDatabase.config(url)
        config.clock = TestClock("2025-07-01T12:00:00Z").appClock
        config.disclosureMinimumCountries = minimumCountries
        return try await buildApplication(config: config).test(.router) { try await body($0) }
    }

    static func get(_ client: some TestClientProtocol, _ path: String) async throws -> ByteBuffer {
        let response = try await client.execute(uri: path, method: .get)
        #expect(response.status == .ok, "\(path): \(String(buffer: response.body))")
        return response.body
    }

    static func publish(_ client: some TestClientProtocol, _ token: String) async throws {
        let response = try await client.execute(
            uri: "/v1/summaries/2024/releases",
            method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: ByteBuffer(string: "{}")
        )
        #expect(response.status == .created, "\(String(buffer: response.body))")
    }

    static func schoolsHeadline(_ body: ByteBuffer) throws -> Any? {
        let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        let indicators = json?["indicators"] as? [[String: Any]]
        return indicators?.first { $0["code"] as? String == schools }?["headline"]
    }

    @Test func aReleaseReadsTheSameAfterTheDisclosureSettingChanges() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try SummaryTests.history(url)
            let token = try makeToken(url, role: "secretariat", country: nil)
            let (json, csv) = try await Self.withRouter(url, minimumCountries: 3) { client in
                try await Self.publish(client, token)
                return (try await Self.get(client, Self.release1), try await Self.get(client, Self.release1 + "?format=csv"))
            }
            // three countries answered on schools: public at 3
            #expect(try Self.schoolsHeadline(json) is NSNumber)
            for minimum in [1, 5] {
                try await Self.withRouter(url, minimumCountries: minimum) { client in
                    let (jsonNow, csvNow) = (try await Self.get(client, Self.release1), try await Self.get(client, Self.release1 + "?format=csv"))
                    #expect(jsonNow == json, "JSON at \(minimum)")
                    #expect(csvNow == csv, "CSV at \(minimum)")
                }
            }
            // the setting does matter to what is published after it changed
            try await Self.withRouter(url, minimumCountries: 5) { client in
                try await Self.publish(client, token)
                #expect(try Self.schoolsHeadline(try await Self.get(client, "/v1/public/summaries/2024/releases/2")) is NSNull)
            }
        }
    }

    /// What is served is what the code before frozen releases served: the stored
    /// summary through disclosure control, with the latest release added.
    @Test func theFrozenDocumentIsWhatTheSummaryUsedToRenderAs() async throws {
        try await withReporting { r in
            try SummaryTests.history(r.url)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            _ = try await PublicStatisticsTests.publish(r, 2024)
            // release 2 is decided against the sums release 1 made public (docs/statistics.md)
            let sets = try await withDatabase(r.url, logger: TestDatabase.logger) { database in
                try await database.read(logger: TestDatabase.logger) { try await SummaryRepository().contributors(2024, on: $0) }
            }
            var earlier: [ReleaseFigure] = []
            for release in [1, 2] {
                let stored = try Self.storedSummary(r.url, release: release)
                let disclosed = Disclosure(minimumCountries: 3).publicView(of: stored, sets: sets, earlier: earlier)
                earlier += disclosed.figures
                let expected = try Self.rendering(disclosed.view, release: release, latest: 2)
                #expect(Self.uncited(try await r.send(.get, "/v1/public/summaries/2024/releases/\(release)", token: nil).text) == expected.json)
                #expect(try await r.send(.get, "/v1/public/summaries/2024/releases/\(release)?format=csv", token: nil).text == expected.csv)
            }
        }
    }

    /// A release stored as 0003 defined it, with no frozen document, is frozen on its
    /// first read, as it read before, and stays so.
    @Test func aReleasePublishedBeforeFreezingStillReads() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try SummaryTests.history(url)
            let token = try makeToken(url, role: "secretariat", country: nil)
            try await Self.withRouter(url, minimumCountries: 3) { client in
                try await Self.publish(client, token)
            }
            // release 2 as the old code stored it: the summary only
            try sql(
                url,
                """
                INSERT INTO summary_releases (year, release, published_at, published_by, note, demo, summary)
                SELECT year, 2, published_at + interval '1 day', published_by, 'old format', demo, jsonb_set(summary, '{release}', '2')
                FROM summary_releases WHERE year = 2024 AND release = 1
                """
            )
            // what `alliance migrate` does once it has applied 0005: freeze it, on the primary
            let frozen = try await withDatabase(url, logger: TestDatabase.logger) { database in
                try await EarlierReleases.freeze(in: database, disclosureMinimumCountries: 3, logger: TestDatabase.logger)
            }
            #expect(frozen == 1)
            // its public figures are recorded with their counts, their countries unknown (sql/0018)
            #expect(try sql(url, "SELECT count(*) > 0, bool_and(countries IS NULL) FROM release_figures WHERE release = 2") == [["t", "t"]])
            let expected = try Self.oldRendering(url, release: 2, latest: 2)
            let path = "/v1/public/summaries/2024/releases/2"
            try await Self.withRouter(url, minimumCountries: 3) { client in
                let (json, csv) = (try await Self.get(client, path), try await Self.get(client, path + "?format=csv"))
                #expect(Self.uncited(String(buffer: json)) == expected.json)
                #expect(String(buffer: csv) == expected.csv)
            }
            #expect(try sql(url, "SELECT format_version FROM published_summaries WHERE release = 2") == [["1"]])
            try await Self.withRouter(url, minimumCountries: 5) { client in
                let (release, latest) = (try await Self.get(client, path), try await Self.get(client, "/v1/public/summaries/2024"))
                #expect(Self.uncited(String(buffer: release)) == expected.json)
                #expect(Self.uncited(String(buffer: latest)) == expected.json)
            }
            // public reads write nothing: a read-only standby serves them all
            try sql(url, "ALTER DATABASE \(url.database) SET default_transaction_read_only = on")
            try await Self.withRouter(url, minimumCountries: 3) { client in
                let paths = [path, "/v1/public/summaries/2024/releases/1", "/v1/public/summaries/2024", "/v1/public/overview", "/"]
                for path in paths {
                    let response = try await client.execute(uri: path, method: .get)
                    #expect(response.status == .ok, "\(path): \(response.status) \(String(buffer: response.body))")
                }
            }
        }
    }

    /// The stored summary as the code before frozen releases rendered it, at the default threshold.
    static func oldRendering(_ url: DatabaseURL, release: Int, latest: Int) throws -> (json: String, csv: String) {
        try rendering(Disclosure(minimumCountries: 3).publicView(of: try storedSummary(url, release: release)), release: release, latest: latest)
    }

    static func storedSummary(_ url: DatabaseURL, release: Int) throws -> Summary {
        let stored = try #require(
            try sql(
                url,
                "SELECT summary::text FROM summary_releases WHERE year = 2024 AND release = $1::int",
                [String(release)]
            ).first?[0]
        )
        return try JSONCoding.decoder.decode(Summary.self, from: Data(stored.utf8))
    }

    /// A public view as it is served, with the latest release added.
    static func rendering(_ view: Summary, release: Int, latest: Int) throws -> (json: String, csv: String) {
        var summary = view
        summary.latestRelease = latest
        summary.revisedSince = latest > release
        return (
            String(decoding: try JSONCoding.encoder.encode(summary), as: UTF8.self),
            String(decoding: SummaryCSV.render(summary), as: UTF8.self)
        )
    }

    /// A served document without the `cite_as` and `licence` added at its end when served
    /// (LicenceCitationTests); the text before them is compared byte for byte.
    static func uncited(_ text: String) -> String {
        guard let range = text.range(of: ",\"cite_as\":", options: .backwards), text.hasSuffix("}}") else { return text }
        return String(text[..<range.lowerBound]) + "}"
    }
}
