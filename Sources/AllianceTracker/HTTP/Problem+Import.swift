extension Problem {
    /// 422 `import_failed`: nothing was imported; `rows` names each problem's row.
    init(_ error: ImportError) {
        let sorted = error.sorted
        let detail = sorted.map { "row \($0.row): \($0.code): \($0.message)" }.joined(separator: "; ")
        self.init(.importFailed, detail: "Nothing was imported. " + detail)
        rows = sorted
    }

    static func notCSV(_ detail: String) -> Problem {
        Problem(.invalidBody, detail: detail)
    }
}
