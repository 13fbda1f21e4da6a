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

    /// For each group of 1 to `most` countries (sorted) that the sums say something of
    /// alone, how many independent figures of theirs they give: the dimension of the
    /// combinations confined to the group's elements, |J| − rank of J's rows in the
    /// null space's basis. A group holding one that shows counts too, so that a second,
    /// independent figure of the same countries is seen as new.
    func dimensions(most: Int) -> [[String]: Int] {
        let byCountry = Dictionary(grouping: elements.indices) { String(ReleaseFigure.country(of: elements[$0])) }
        let countries = byCountry.keys.sorted()
        // two countries of one element each: rank from their rows scaled to a leading 1
        let scaled = byCountry.mapValues { $0.count == 1 ? Self.scaled(nullRows[$0[0]]) : nil }
        var result: [[String]: Int] = [:]
        for group in Self.groups(of: countries, upTo: most) {
            let rank: Int
            if group.count == 2, let a = scaled[group[0]] ?? nil, let b = scaled[group[1]] ?? nil {
                let zeros = [a, b].filter { row in row.allSatisfy { $0 == 0 } }.count
                rank = zeros > 0 ? 2 - zeros : (a == b ? 1 : 2)
            } else {
                rank = Self.rank(group.flatMap { byCountry[$0] ?? [] }.map { nullRows[$0] })
            }
            let dimension = group.reduce(0) { $0 + (byCountry[$1]?.count ?? 0) } - rank
            if dimension > 0 { result[group] = dimension }
        }
        return result
    }

    /// A row scaled so that its first non-zero entry is 1 (all zeros stay so).
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

    /// Every group of 1 to `most` of `items`, smaller groups first: C(n, 1) + … +
    /// C(n, most) of them, so the cost grows as n^(k−1) (docs/statistics.md).
    static func groups(of items: [String], upTo most: Int) -> [[String]] {
        var result: [[String]] = []
        var layer: [[Int]] = [[]]
        for _ in 0..<max(most, 0) {
            layer = layer.flatMap { group in ((group.last.map { $0 + 1 } ?? 0)..<items.count).map { group + [$0] } }
            result += layer.map { $0.map { items[$0] } }
        }
        return result
    }
}
