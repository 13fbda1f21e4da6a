@testable import AllianceTracker
import Testing

@Suite struct ConfigTests {
    @Test func defaults() throws {
        let config = try Config.fromEnvironment(["DATABASE_URL": "postgres://alliance@127.0.0.1:5432/alliance"])
        #expect(config.port == 8080)
        #expect(config.host == "127.0.0.1")
        #expect(config.logLevel == .info)
        #expect(config.database.database == "alliance")
        #expect(config.database.username == "alliance")
    }

    @Test func everyBadSettingIsNamedAtOnce() {
        #expect {
            try Config.fromEnvironment(["DATABASE_URL": "mysql://x/y", "PORT": "80000", "LOG_LEVEL": "loud"])
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.problems.count == 3
                && error.description.contains("DATABASE_URL") && error.description.contains("PORT")
                && error.description.contains("LOG_LEVEL")
        }
        #expect(throws: ConfigError.self) { try Config.fromEnvironment([:]) }
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
