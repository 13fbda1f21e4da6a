import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AllianceTracker

/// `POST /v1/imports`: the command line's import over HTTP, with the same answers.
@Suite struct ImportRouteTests {
    static let options = "submit=true&accept=true&comment=Checked+against+the+national+returns"

    static func post(_ r: Reporting, _ query: String, _ body: [UInt8], type: String? = "text/csv") async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(r.secretariat)"]
        if let type { headers[.contentType] = type }
        return try await r.client.execute(uri: "/v1/imports?\(query)", method: .post, headers: headers, body: ByteBuffer(bytes: body)) { $0 }
    }

    static func post(_ r: Reporting, _ query: String, _ text: String) async throws -> TestResponse {
        try await post(r, query, Array(text.utf8))
    }

    @Test func theSameAnswersAsTheCommandLine() async throws {
        try await withReporting { r in
            let countries = try await ImportFixtures.fiftyExpected(r)
            let before = try ImportFixtures.stored(r.url)
            // a refused file: the same problems, each with its row
            let bad = ImportFixtures.csv(countries, victims: (101, 25000), dropping: 6)
            var expected: [ImportError.Problem] = []
            do { _ = try await ImportFixtures.commandLine(r, bad) } catch let error as ImportError { expected = error.sorted }
            #expect(expected.map(\.row) == [5, 100])
            let refused = try await Self.post(r, "year=2024&\(Self.options)", bad)
            try refused.expectProblem(.unprocessableContent, code: "import_failed")
            let rows = try #require(try refused.json()["rows"] as? [[String: Any]])
            #expect(rows.map { $0["row"] as? Int } == expected.map(\.row))
            #expect(rows.map { $0["code"] as? String } == expected.map(\.code))
            #expect(rows.map { $0["message"] as? String } == expected.map(\.message))
            #expect(try ImportFixtures.stored(r.url) == before)

            // a dry run: the same summary, nothing stored
            let text = ImportFixtures.csv(countries)
            let dry = try await ImportFixtures.commandLine(r, text, dryRun: true)
            let checked = try await Self.post(r, "year=2024&dry_run=true&\(Self.options)", text)
            #expect(checked.status == .ok, "\(checked.text)")
            let answer = try checked.json()
            #expect(answer["countries"] as? Int == dry.countries)
            #expect(answer["values"] as? Int == dry.values)
            #expect(answer["submitted"] as? Int == dry.submitted)
            #expect(answer["accepted"] as? Int == dry.accepted)
            #expect(answer["dry_run"] as? Bool == true)
            #expect(try ImportFixtures.stored(r.url) == before)

            // the import itself, audited as the secretariat's token
            let imported = try await Self.post(r, "year=2024&\(Self.options)", text)
            #expect(imported.status == .ok, "\(imported.text)")
            #expect(imported.headers[.contentType] == "application/json")
            #expect(try imported.json()["accepted"] as? Int == 50)
            #expect(try sql(r.url, "SELECT status::text, count(*) FROM reports GROUP BY 1") == [["accepted", "50"]])
            let token = String(r.secretariat.split(separator: "_")[1])
            #expect(
                try sql(r.url, "SELECT count(*), min(reason) FROM audit_log WHERE action = 'report.accepted' AND actor_token = $1", [token])
                    == [["50", ImportFixtures.comment]]
            )
        }
    }

    @Test func aBodyThatIsNotCSVIsRefusedAndNothingStored() async throws {
        try await withReporting { r in
            let countries = try await ImportFixtures.fiftyExpected(r)
            let before = try ImportFixtures.stored(r.url)
            let text = ImportFixtures.csv(countries)
            try await Self.post(r, "year=2024", Array(text.utf8), type: "application/json")
                .expectProblem(.unsupportedMediaType, code: "unsupported_media_type")
            try await Self.post(r, "year=2024", Array(text.utf8), type: nil)
                .expectProblem(.unsupportedMediaType, code: "unsupported_media_type")
            try await Self.post(r, "year=2024", Array(text.utf8) + [0, 1, 2]).expectProblem(.unprocessableContent, code: "invalid_body")
            try await Self.post(r, "year=2024", [0x63, 0x6F, 0xFF, 0xFE, 0x0A]).expectProblem(.unprocessableContent, code: "invalid_body")
            try await Self.post(r, "year=2024", "country,indicator\n\"FR,x\n").expectProblem(.unprocessableContent, code: "import_failed")
            try await Self.post(r, "year=1999", text).expectProblem(.badRequest, code: "invalid_parameter")
            try await Self.post(r, "dry_run=true", text).expectProblem(.badRequest, code: "invalid_parameter")
            try await Self.post(r, "year=2024&submit=maybe", text).expectProblem(.badRequest, code: "invalid_parameter")
            let noComment = try await Self.post(r, "year=2024&submit=true&accept=true", text)
            try noComment.expectProblem(.unprocessableContent, code: "import_failed")
            #expect((try noComment.json()["rows"] as? [[String: Any]])?.first?["row"] as? Int == 0)
            #expect(try ImportFixtures.stored(r.url) == before)
        }
    }

    @Test func upTo10MiBOnThisRouteOnly() async throws {
        try await withReporting { r in
            try await r.openCycle2024()
            // 2 MiB: over every other route's limit, read here (and refused for its header)
            let padding = "x," + String(repeating: "y", count: 2 << 20) + "\n"
            try await Self.post(r, "year=2024", padding).expectProblem(.unprocessableContent, code: "import_failed")
            let elsewhere = try await r.client.execute(
                uri: "/v1/countries/FR/reports/2024",
                method: .put,
                headers: [.authorization: "Bearer \(r.france)", .contentType: "application/json"],
                body: ByteBuffer(string: padding)
            ) { $0 }
            try elsewhere.expectProblem(.contentTooLarge, code: "body_too_large")
            let huge = String(repeating: "y", count: (10 << 20) + 1)
            try await Self.post(r, "year=2024", huge).expectProblem(.contentTooLarge, code: "body_too_large")
            // without a token, or not as CSV, the route reads no more than any other
            for headers: HTTPFields in [[.contentType: "text/csv"], [.authorization: "Bearer \(r.secretariat)", .contentType: "text/plain"]] {
                let unread = try await r.client.execute(
                    uri: "/v1/imports?year=2024",
                    method: .post,
                    headers: headers,
                    body: ByteBuffer(string: padding)
                ) {
                    $0
                }
                try unread.expectProblem(.contentTooLarge, code: "body_too_large")
            }
            #expect(try sql(r.url, "SELECT count(*) FROM reports") == [["0"]])
        }
    }
}
