import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

@testable import AllianceTracker

@Suite struct ConfigTests {
    @Test func defaults() throws {
        let config = try Config.fromEnvironment(["DATABASE_URL": "postgres://alliance@127.0.0.1:5432/alliance"])
        #expect(config.port == 8080)
        #expect(config.host == "127.0.0.1")
        #expect(config.logLevel == .info)
        #expect(config.logFormat == .text)
        #expect(config.requestTimeout == .seconds(5))
        #expect(config.database.database == "alliance")
        #expect(config.database.username == "alliance")
        #expect(config.replicaDatabase == nil)
        #expect(config.releaseIndexLifetime == 5)
        #expect(config.licence == DataLicence(name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/"))
    }

    @Test func theDataLicenceIsReadAndABadOneNamed() throws {
        let env = ["DATABASE_URL": "postgres://alliance@127.0.0.1:5432/alliance"]
        let url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
        let config = try Config.fromEnvironment(env.merging(["DATA_LICENCE_NAME": "OGL 3.0", "DATA_LICENCE_URL": url]) { $1 })
        #expect(config.licence == DataLicence(name: "OGL 3.0", url: url))
        #expect {
            try Config.fromEnvironment(env.merging(["DATA_LICENCE_NAME": " ", "DATA_LICENCE_URL": "creativecommons.org/by"]) { $1 })
        } throws: { error in
            let problems = (error as? ConfigError)?.problems ?? []
            return problems.count == 2 && problems[0].hasPrefix("DATA_LICENCE_NAME") && problems[1].hasPrefix("DATA_LICENCE_URL")
        }
        for bad in ["ftp://example.org/licence", "https://", "https://x.org/a b", "https://x.org/>"] {
            #expect(throws: ConfigError.self, "\(bad)") { try Config.fromEnvironment(env.merging(["DATA_LICENCE_URL": bad]) { $1 }) }
        }
    }

    @Test func aStandbyIsReadAndABadOneNamed() throws {
        let env = ["DATABASE_URL": "postgres://alliance@127.0.0.1:5432/alliance"]
        let config = try Config.fromEnvironment(env.merging(["DATABASE_REPLICA_URL": "postgres://svc@10.0.0.2:5433/alliance"]) { $1 })
        #expect(config.replicaDatabase?.host == "10.0.0.2")
        #expect(config.replicaDatabase?.port == 5433)
        #expect(try Config.fromEnvironment(env.merging(["RELEASE_POLL_SECONDS": "3600"]) { $1 }).releaseIndexLifetime == 3600)
        #expect(throws: ConfigError.self) { try Config.fromEnvironment(env.merging(["RELEASE_POLL_SECONDS": "0"]) { $1 }) }
        #expect {
            try Config.fromEnvironment(env.merging(["DATABASE_REPLICA_URL": "mysql://x/y"]) { $1 })
        } throws: { error in
            (error as? ConfigError)?.problems.count == 1 && "\(error)".contains("DATABASE_REPLICA_URL")
        }
    }

    @Test func everyBadSettingIsNamedAtOnce() {
        #expect {
            try Config.fromEnvironment([
                "DATABASE_URL": "mysql://x/y", "PORT": "80000", "LOG_LEVEL": "loud",
                "LOG_FORMAT": "xml", "REQUEST_TIMEOUT_SECONDS": "0",
            ])
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.problems.count == 5
                && error.description.contains("DATABASE_URL") && error.description.contains("PORT")
                && error.description.contains("LOG_LEVEL") && error.description.contains("LOG_FORMAT")
                && error.description.contains("REQUEST_TIMEOUT_SECONDS")
        }
        #expect(throws: ConfigError.self) { try Config.fromEnvironment([:]) }
    }

    /// `LOG_FORMAT=json`: one object a line, metadata (the request id) as fields.
    @Test func jsonLogLinesCarryTheMetadata() throws {
        let lines = LockedLines()
        var logger = Logger(label: "alliance") { JSONLogHandler(label: $0, write: { lines.append($0) }) }
        logger[metadataKey: "hb.request.id"] = "4922898dfdc5"
        logger.warning("database not reachable", metadata: ["error": "refused \"x\""])
        let line = try #require(lines.all.first)
        #expect(line.hasSuffix("\n") && lines.all.count == 1)
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(fields["hb.request.id"] == "4922898dfdc5")
        #expect(fields["error"] == "refused \"x\"")
        #expect(fields["level"] == "warning" && fields["message"] == "database not reachable" && fields["logger"] == "alliance")
        #expect(fields["time"] != nil)
    }

    final class LockedLines: Sendable {
        private let lines = NIOLockedValueBox<[String]>([])
        var all: [String] { lines.withLockedValue { $0 } }
        func append(_ line: String) { lines.withLockedValue { $0.append(line) } }
    }

    @Test func databaseURLKeepsPasswordsOutOfMessages() throws {
        let url = try DatabaseURL("postgres://user:s3cret@db.example:6543/tracker?sslmode=require")
        #expect(url.port == 6543)
        #expect(url.requireTLS)
        #expect(!url.description.contains("s3cret"))
        #expect(url.libpqString.contains("s3cret"))
    }
}

@Suite struct CSVTableTests {
    @Test func quotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let table = try CSVTable(name: "t.csv", text: "a,b,c\n1,\"x, \"\"y\"\"\nz\",\n")
        #expect(table.rows == [["1", "x, \"y\"\nz", ""]])
        #expect(table.records[0]["c"] == nil)
    }

    @Test func aShortRowIsNamedByLine() {
        #expect { try CSVTable(name: "t.csv", text: "a,b\n1,2\n3\n") } throws: { error in
            (error as? CSVError)?.description == "t.csv line 3 has 1 fields where the header has 2"
        }
    }
}
