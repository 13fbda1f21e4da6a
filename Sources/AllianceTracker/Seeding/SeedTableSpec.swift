/// How one seed file maps onto one table. The SQL is built from these constant
/// names only; every value is a bound parameter.
struct SeedTableSpec {
    struct Column {
        let name: String
        /// The CSV column it comes from, when named differently.
        let csvName: String
        /// How the bound text becomes the column's value.
        let expression: String

        init(_ name: String, from csvName: String? = nil, as type: String = "text", expression: String? = nil) {
            self.name = name
            self.csvName = csvName ?? name
            self.expression = expression ?? "$::\(type)"
        }
    }

    let table: String
    let key: [String]
    let columns: [Column]
    /// A stored row wins over the file: the table is the secretariat's once seeded
    /// (countries, changed through the API), so seeding again adds only what is missing.
    var keepsStoredRows = false
}
