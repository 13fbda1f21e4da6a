import Foundation

/// A server-rendered line chart: no script, no external asset. Points of one
/// segment are joined; separate segments (a series break, such as a change in
/// what is counted) are never joined, and each is named in the legend.
struct SVGChart {
    struct Point {
        let x: Int
        let y: Double
    }

    struct Segment {
        let label: String
        let points: [Point]
    }

    let title: String
    /// What a screen reader says instead of the picture; the table beside it has every figure.
    let description: String
    let segments: [Segment]

    /// The SVG, which the dashboard's template inserts unescaped: every text in it is escaped here, the id included.
    func render(id: String) -> String {
        let id = HTML.escape(id)
        let width = 640.0
        let height = 280.0
        let left = 64.0
        let right = 16.0
        let top = 16.0
        let bottom = 40.0
        let points = segments.flatMap(\.points)
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(), let maxY = points.map(\.y).max() else {
            return "<p>No published figures yet.</p>"
        }
        let yTop = maxY <= 0 ? 1 : niceCeiling(maxY)
        let spanX = Double(max(1, maxX - minX))
        func px(_ x: Int) -> Double { left + (width - left - right) * Double(x - minX) / spanX }
        func py(_ y: Double) -> Double { top + (height - top - bottom) * (1 - y / yTop) }
        var svg = """
            <div class="chart-box"><svg id="\(id)" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
            <title id="\(id)-title">\(HTML.escape(title))</title>
            <desc id="\(id)-desc">\(HTML.escape(description + lines))</desc>
            """
        for step in 0...4 {
            let value = yTop * Double(step) / 4
            let y = py(value)
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - right))\" y2=\"\(f(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" class=\"axis\" text-anchor=\"end\">\(HTML.escape(short(value)))</text>"
        }
        for x in stride(from: minX, through: maxX, by: max(1, (maxX - minX + 5) / 6)) {
            svg += "<text x=\"\(f(px(x)))\" y=\"\(f(height - bottom + 18))\" class=\"axis\" text-anchor=\"middle\">\(x)</text>"
        }
        for (index, segment) in segments.enumerated() {
            let style = SVGMarker(index: index)
            let coordinates = segment.points.sorted { $0.x < $1.x }.map { "\(f(px($0.x))),\(f(py($0.y)))" }
            if coordinates.count > 1 {
                svg +=
                    "<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"2.5\"\(style.dash)/>"
            }
            for point in segment.points {
                let title = "<title>\(point.x): \(HTML.escape(short(point.y)))</title>"
                svg += style.shape(x: px(point.x), y: py(point.y), data: "data-year=\"\(point.x)\" data-value=\"\(point.y)\"", title: title)
            }
        }
        svg += "</svg>"
        if segments.count > 1 {
            svg +=
                "<ul class=\"legend\">"
                + segments.enumerated().map { index, segment in
                    "<li>\(SVGMarker(index: index).key)\(HTML.escape(segment.label))</li>"
                }.joined() + "</ul>"
        }
        return svg + "</div>"
    }

    /// The text alternative names each line with how it is drawn, as the legend shows it.
    private var lines: String {
        guard segments.count > 1 else { return "" }
        return " Lines: " + segments.enumerated().map { "\($1.label), \(SVGMarker(index: $0).words)" }.joined(separator: "; ") + "."
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }

    private func niceCeiling(_ value: Double) -> Double {
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    /// An axis tick: 2,500 → "2.5k", 1,875 → "1.875k", 1,250,000 → "1.25M". Ticks are
    /// quarters of 1, 2, 2.5, 5 or 10 times a power of ten: three decimals show each exactly.
    private func short(_ value: Double) -> String {
        switch abs(value) {
        case 1_000_000...: HTML.number(Decimal(value / 1_000_000), decimals: 3) + "M"
        case 1_000...: HTML.number(Decimal(value / 1_000), decimals: 3) + "k"
        default: HTML.number(Decimal(value), decimals: 3)
        }
    }
}
