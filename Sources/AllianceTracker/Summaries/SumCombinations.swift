/// Whether public sums of one quantity, added and subtracted in any proportion, give a
/// figure of 1 to k−1 countries alone (docs/statistics.md "Disclosure control"). Two
/// sums give one by difference when their sets differ by few countries; three or more
/// can too, though each pair differs by many: S(FR DE IT) + S(NL PL AT) − S(DE IT NL PL
/// AT) is France's value.
///
/// Each sum is a row of 0s and 1s over the elements (a country and what it gave). A
/// combination confined to the elements J of some countries exists when the rows'
/// span meets the coordinates J, that is when the rows of J in a basis of the null
/// space (the vectors every public sum is blind to) are linearly dependent. Worked in
/// the integers modulo a prime of 31 bits: exact for these 0/1 rows unless the prime
/// divides one of their minors, which for the few dozen sums of a quantity does not
/// happen in practice.
struct SumCombinations {
    static let prime: Int64 = 2_147_483_647

    private let elements: [String]
    private let nullRows: [[Int64]]

    init(_ sums: [Set<String>]) {
        elements = Set(sums.flatMap { $0 }).sorted()
        let index = Dictionary(uniqueKeysWithValues: elements.enumerated().map { ($1, $0) })
        let rows = sums.map { sum in
            var row = [Int64](repeating: 0, count: index.count)
            for element in sum { row[index[element] ?? 0] = 1 }
            return row
        }
        nullRows = Self.nullSpaceRows(rows, columns: elements.count)
    }

    /// The groups of 1 to `most` countries whose figure the sums give, each sorted; a
    /// group whose part shows is left out.
    func isolated(most: Int) -> Set<[String]> {
        let byCountry = Dictionary(grouping: elements.indices) { String(ReleaseFigure.country(of: elements[$0])) }
        func shows(_ group: [String]) -> Bool {
            let rows = group.flatMap { byCountry[$0] ?? [] }.map { nullRows[$0] }
            return Self.rank(rows) < rows.count
        }
        let countries = byCountry.keys.sorted()
        var found = Set(countries.filter { shows([$0]) }.map { [$0] })
        guard most >= 2 else { return found }
        // two countries of one element each show together when their rows are
        // proportional: found by their rows scaled to a leading 1, without a rank each
        let single = countries.filter { byCountry[$0]?.count == 1 && !found.contains([$0]) }
        let scaled = Dictionary(grouping: single) { Self.scaled(nullRows[byCountry[$0]?[0] ?? 0]) }
        for (_, same) in scaled where same.count > 1 {
            for (i, a) in same.enumerated() { for b in same[(i + 1)...] { found.insert([a, b].sorted()) } }
        }
        let several = Set(countries.filter { byCountry[$0]?.count ?? 0 > 1 })
        for group in Self.groups(of: countries, upTo: most) where group.count >= 2 && (group.count > 2 || !several.isDisjoint(with: group)) {
            if !found.contains(where: { Set($0).isSubset(of: group) }), shows(group) { found.insert(group) }
        }
        return found
    }

    /// A row scaled so that its first non-zero entry is 1.
    private static func scaled(_ row: [Int64]) -> [Int64] {
        guard let lead = row.first(where: { $0 != 0 }) else { return row }
        let inverse = power(lead, prime - 2)
        return row.map { $0 * inverse % prime }
    }

    /// The rows of the null space's basis, one per element (column).
    private static func nullSpaceRows(_ rows: [[Int64]], columns: Int) -> [[Int64]] {
        let (reduced, pivots) = echelon(rows, columns: columns)
        let free = (0..<columns).filter { !pivots.contains($0) }
        var basis = [[Int64]](repeating: [Int64](repeating: 0, count: free.count), count: columns)
        for (j, column) in free.enumerated() {
            basis[column][j] = 1
            for (i, pivot) in pivots.enumerated() { basis[pivot][j] = (prime - reduced[i][column]) % prime }
        }
        return basis
    }

    /// Reduced row echelon form modulo the prime, and the pivot column of each row.
    static func echelon(_ input: [[Int64]], columns: Int) -> ([[Int64]], [Int]) {
        var rows = input
        var pivots: [Int] = []
        for column in 0..<columns where pivots.count < rows.count {
            let r = pivots.count
            guard let found = (r..<rows.count).first(where: { rows[$0][column] != 0 }) else { continue }
            rows.swapAt(r, found)
            let inverse = power(rows[r][column], prime - 2)
            rows[r] = rows[r].map { $0 * inverse % prime }
            for i in rows.indices where i != r && rows[i][column] != 0 {
                let factor = rows[i][column]
                for c in column..<columns { rows[i][c] = (rows[i][c] - factor * rows[r][c] % prime + prime) % prime }
            }
            pivots.append(column)
        }
        return (Array(rows.prefix(pivots.count)), pivots)
    }

    static func rank(_ rows: [[Int64]]) -> Int {
        echelon(rows, columns: rows.first?.count ?? 0).1.count
    }

    private static func power(_ base: Int64, _ exponent: Int64) -> Int64 {
        var (result, b, e) = (Int64(1), base % prime, exponent)
        while e > 0 {
            if e & 1 == 1 { result = result * b % prime }
            b = b * b % prime
            e >>= 1
        }
        return result
    }

    /// Every group of 1 to `most` of `items`, smaller groups first.
    static func groups(of items: [String], upTo most: Int) -> [[String]] {
        var result: [[String]] = []
        var layer: [[String]] = [[]]
        for _ in 0..<max(most, 0) {
            layer = layer.flatMap { group in
                let start = group.last.flatMap { items.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                return items[start...].map { group + [$0] }
            }
            result += layer
        }
        return result
    }
}
