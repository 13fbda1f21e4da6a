import Foundation

/// How one series of a chart is drawn: a colour, a marker shape and a line pattern,
/// so that series differ by more than colour (WCAG 1.4.1). The legend shows the same
/// marker and pattern; the chart's text alternative names them.
struct SVGMarker {
    enum Shape: CaseIterable {
        case circle, square, triangle, diamond, triangleDown

        var name: String {
            switch self {
            case .circle: "circles"
            case .square: "squares"
            case .triangle: "triangles"
            case .diamond: "diamonds"
            case .triangleDown: "downward triangles"
            }
        }
    }

    /// Ten colours: enough for every line of the reference series (INHOPE has eight).
    static let palette = ["#1f5fa8", "#c2571a", "#2e7d32", "#7b3fa0", "#8a6d00", "#b0224b", "#00838f", "#5d4037", "#455a64", "#3949ab"]
    /// Solid, dashed, dotted, dash-dot; with five shapes, twenty series before a pair repeats.
    static let patterns: [(dasharray: String?, name: String)] = [(nil, "solid"), ("7 4", "dashed"), ("2 3", "dotted"), ("8 3 2 3", "dash-dot")]

    let colour: String
    let shape: Shape
    let pattern: (dasharray: String?, name: String)

    init(index: Int) {
        colour = Self.palette[index % Self.palette.count]
        shape = Shape.allCases[index % Shape.allCases.count]
        pattern = Self.patterns[index % Self.patterns.count]
    }

    /// The polyline's dash attribute, or nothing for a solid line.
    var dash: String { pattern.dasharray.map { " stroke-dasharray=\"\($0)\"" } ?? "" }

    /// "squares on a dashed line", for the text alternative.
    var words: String { "\(shape.name) on a \(pattern.name) line" }

    /// The marker at (x, y), carrying `data` attributes and a `<title>`.
    func shape(x: Double, y: Double, data: String, title: String) -> String {
        let paint = "fill=\"\(colour)\" class=\"mark\" \(data)"
        return switch shape {
        case .circle: "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3.5\" \(paint)>\(title)</circle>"
        case .square: "<rect x=\"\(f(x - 3.2))\" y=\"\(f(y - 3.2))\" width=\"6.4\" height=\"6.4\" \(paint)>\(title)</rect>"
        // triangles span y − 4 to y + 4, so that the middle of what is drawn is the point
        case .triangle: polygon([(x, y - 4), (x + 4.6, y + 4), (x - 4.6, y + 4)], paint, title)
        case .diamond: polygon([(x, y - 4.5), (x + 4.5, y), (x, y + 4.5), (x - 4.5, y)], paint, title)
        case .triangleDown: polygon([(x, y + 4), (x + 4.6, y - 4), (x - 4.6, y - 4)], paint, title)
        }
    }

    /// The legend's key: a short stretch of the line with the marker on it, hidden from screen readers (the label says it).
    var key: String {
        "<svg class=\"key\" width=\"28\" height=\"12\" viewBox=\"0 0 28 12\" aria-hidden=\"true\">"
            + "<line x1=\"1\" y1=\"6\" x2=\"27\" y2=\"6\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(dash)/>"
            + shape(x: 14, y: 6, data: "", title: "") + "</svg>"
    }

    private func polygon(_ corners: [(Double, Double)], _ paint: String, _ title: String) -> String {
        "<polygon points=\"\(corners.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))\" \(paint)>\(title)</polygon>"
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
