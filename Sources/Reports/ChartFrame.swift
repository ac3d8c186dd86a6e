/// The layout every chart shares, top to bottom: the title, the legend, the chart's body
/// (plot and axis labels), then the caption.
///
/// The width is fixed so charts line up in a report; the height follows from the body, which
/// each chart sizes to its data (more bars, taller chart), and from how many lines the title
/// and caption wrap to.
struct ChartFrame {
    static let width = 720.0
    static let margin = 16.0
    static let titleSize = 16.0
    static let captionSize = 12.0
    static let tickSize = 11.0
    static let labelSize = 12.0
    /// Height of the body when there is nothing to plot and only a note is shown.
    static let noDataHeight = 90.0

    let title: String
    let caption: String
    let titleLines: [String]
    let captionLines: [String]
    let legend: ChartLegend

    /// Width available between the side margins.
    var innerWidth: Double { Self.width - 2 * Self.margin }

    init(title: String, caption: String, legend: [ChartLegend.Item] = []) {
        self.title = title
        self.caption = caption
        self.legend = ChartLegend(items: legend)
        let inner = Self.width - 2 * Self.margin
        titleLines = SVGText.wrapped(title, toWidth: inner, size: Self.titleSize, maxLines: 2, bold: true)
        captionLines = SVGText.wrapped(caption, toWidth: inner, size: Self.captionSize, maxLines: 6)
    }

    /// Where the body starts: below the title and the legend.
    var bodyTop: Double {
        var y = Self.margin
        if !titleLines.isEmpty { y += Double(titleLines.count) * 21 + 4 }
        let legendHeight = legend.height(width: innerWidth)
        if legendHeight > 0 { y += legendHeight + 4 }
        return y + 8
    }

    func height(bodyHeight: Double) -> Double {
        var height = bodyTop + bodyHeight
        if !captionLines.isEmpty { height += 10 + Double(captionLines.count) * 16 }
        return height + Self.margin
    }

    /// Opens the document and writes the title and legend; the chart then draws its body
    /// from `bodyTop` down and calls `finish`.
    func begin(bodyHeight: Double) -> SVGDocument {
        var document = SVGDocument(width: Self.width, height: height(bodyHeight: bodyHeight),
                                   title: title.isEmpty ? "Chart" : title, description: caption)
        if legend.usesHatch { document.appendMarkup(ChartPalette.hatchDefinition) }
        var y = Self.margin
        for line in titleLines {
            y += 21
            document.text(line, x: Self.margin, y: y - 4, size: Self.titleSize, bold: true)
        }
        if !titleLines.isEmpty { y += 4 }
        legend.draw(into: &document, left: Self.margin, top: y, width: innerWidth)
        return document
    }

    /// Writes the caption under the body and closes the document.
    func finish(_ document: consuming SVGDocument, bodyHeight: Double) -> String {
        var y = bodyTop + bodyHeight + 10
        for line in captionLines {
            y += 16
            document.text(line, x: Self.margin, y: y - 4, size: Self.captionSize, fill: ChartPalette.muted)
        }
        return document.finish()
    }

    /// A whole chart that says there is nothing to show, for empty or unusable data; it
    /// keeps the title and caption so the report still reads. Build the frame without a
    /// legend for it: there is nothing for a legend to explain.
    func noDataChart(note: String = "No data to chart") -> String {
        var document = begin(bodyHeight: Self.noDataHeight)
        let top = bodyTop
        document.rect(x: Self.margin, y: top, width: innerWidth, height: Self.noDataHeight - 10, fill: "#F7F7F7", stroke: ChartPalette.gridline)
        document.text(note, x: Self.width / 2, y: top + (Self.noDataHeight - 10) / 2 + 5, size: Self.labelSize,
                      anchor: .middle, fill: ChartPalette.muted, italic: true)
        return finish(document, bodyHeight: Self.noDataHeight)
    }
}
