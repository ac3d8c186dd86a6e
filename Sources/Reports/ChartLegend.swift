/// The key to a chart's series, laid out in rows between the title and the plot.
///
/// It sits above the plot rather than inside it, so it can never cover data, and it wraps
/// to more rows when the labels do not fit one.
struct ChartLegend {
    enum Swatch {
        case line(color: String, dashed: Bool)
        case box(color: String)
        /// A box filled with the hatch pattern, for the unfavourable variance bars.
        case hatchedBox
    }

    struct Item {
        var label: String
        var swatch: Swatch
    }

    let items: [Item]

    static let fontSize = 12.0
    static let rowHeight = 20.0
    static let swatchWidth = 22.0
    static let itemGap = 20.0
    static let maxLabelWidth = 260.0

    /// Whether any item needs the hatch pattern defined in the document.
    var usesHatch: Bool {
        items.contains { if case .hatchedBox = $0.swatch { true } else { false } }
    }

    /// Each item's label (cut to fit), row and left edge within `width`.
    func layout(width: Double) -> [(item: Item, label: String, row: Int, x: Double)] {
        var placed: [(item: Item, label: String, row: Int, x: Double)] = []
        var row = 0
        var x = 0.0
        for item in items {
            let label = SVGText.truncated(item.label, toWidth: Self.maxLabelWidth, size: Self.fontSize)
            let itemWidth = Self.swatchWidth + 6 + SVGText.width(label, size: Self.fontSize)
            if x > 0 && x + itemWidth > width {
                row += 1
                x = 0
            }
            placed.append((item, label, row, x))
            x += itemWidth + Self.itemGap
        }
        return placed
    }

    func height(width: Double) -> Double {
        guard let last = layout(width: width).last else { return 0 }
        return Double(last.row + 1) * Self.rowHeight
    }

    func draw(into document: inout SVGDocument, left: Double, top: Double, width: Double) {
        for placed in layout(width: width) {
            let x = left + placed.x
            let middle = top + Double(placed.row) * Self.rowHeight + Self.rowHeight / 2
            switch placed.item.swatch {
            case let .line(color, dashed):
                document.line(x1: x, y1: middle, x2: x + Self.swatchWidth, y2: middle, stroke: color, width: 2.5, dashed: dashed)
            case let .box(color):
                document.rect(x: x + 4, y: middle - 6, width: Self.swatchWidth - 8, height: 12, fill: color)
            case .hatchedBox:
                document.rect(x: x + 4, y: middle - 6, width: Self.swatchWidth - 8, height: 12, fill: ChartPalette.hatchFill)
            }
            document.text(placed.label, x: x + Self.swatchWidth + 6, y: middle + 4, size: Self.fontSize)
        }
    }
}
