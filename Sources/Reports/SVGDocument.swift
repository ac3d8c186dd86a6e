import Tabular

/// An SVG document written front to back into one growing String.
///
/// Charts are small, but appending to one buffer keeps writing linear however many bars a
/// report has. Coordinates are written with one decimal through `NumberFormat.fixed`, and all
/// text and attribute values are escaped, so the same chart always gives the same bytes and
/// user data can never break the markup.
struct SVGDocument {
    enum Anchor: String { case start, middle, end }

    private var text = ""

    /// Opens the document: the `<svg>` element sized `width` x `height`, its accessible name
    /// (`<title>`) and description (`<desc>`), and a white background so a rendered PNG reads
    /// the same on a dark page.
    init(width: Double, height: Double, title: String, description: String) {
        text.reserveCapacity(8192)
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\""
        number(width)
        text += "\" height=\""
        number(height)
        text += "\" viewBox=\"0 0 "
        number(width)
        text += " "
        number(height)
        text += "\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"sans-serif\">\n"
        text += "<title id=\"chart-title\">"
        SVGText.appendEscaped(title, to: &text)
        text += "</title>\n<desc id=\"chart-desc\">"
        SVGText.appendEscaped(description, to: &text)
        text += "</desc>\n"
        rect(x: 0, y: 0, width: width, height: height, fill: "#FFFFFF")
    }

    /// Closes the document and hands back its text.
    consuming func finish() -> String {
        text += "</svg>\n"
        return text
    }

    /// Appends markup written elsewhere in this module (pattern definitions); never user text.
    mutating func appendMarkup(_ markup: String) { text += markup }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        text += "<rect x=\""
        number(x)
        text += "\" y=\""
        number(y)
        text += "\" width=\""
        number(max(0, width))
        text += "\" height=\""
        number(max(0, height))
        text += "\" fill=\""
        text += fill
        if let stroke {
            text += "\" stroke=\""
            text += stroke
        }
        text += "\"/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        text += "<line x1=\""
        number(x1)
        text += "\" y1=\""
        number(y1)
        text += "\" x2=\""
        number(x2)
        text += "\" y2=\""
        number(y2)
        text += "\" stroke=\""
        text += stroke
        text += "\" stroke-width=\""
        number(width)
        if dashed { text += "\" stroke-dasharray=\"6 4" }
        text += "\"/>\n"
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        text += "<circle cx=\""
        number(x)
        text += "\" cy=\""
        number(y)
        text += "\" r=\""
        number(radius)
        text += "\" fill=\""
        text += fill
        text += "\"/>\n"
    }

    /// A filled area (no outline) or an unfilled line, from path data built with `SVGPath`.
    mutating func path(_ path: SVGPath, fill: String? = nil, stroke: String? = nil, width: Double = 1, dashed: Bool = false) {
        guard !path.isEmpty else { return }
        text += "<path d=\""
        text += path.data
        text += "\" fill=\""
        text += fill ?? "none"
        if let stroke {
            text += "\" stroke=\""
            text += stroke
            text += "\" stroke-width=\""
            number(width)
            text += "\" stroke-linejoin=\"round\" stroke-linecap=\"round"
            if dashed { text += "\" stroke-dasharray=\"7 4" }
        }
        text += "\"/>\n"
    }

    /// One line of text with its baseline at `y`; `content` is escaped here.
    mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start,
                       fill: String = ChartPalette.ink, bold: Bool = false, italic: Bool = false) {
        guard !content.isEmpty else { return }
        text += "<text x=\""
        number(x)
        text += "\" y=\""
        number(y)
        text += "\" font-size=\""
        number(size)
        if anchor != .start {
            text += "\" text-anchor=\""
            text += anchor.rawValue
        }
        if bold { text += "\" font-weight=\"bold" }
        if italic { text += "\" font-style=\"italic" }
        text += "\" fill=\""
        text += fill
        text += "\">"
        SVGText.appendEscaped(content, to: &text)
        text += "</text>\n"
    }

    private mutating func number(_ value: Double) {
        text += SVGDocument.coordinate(value)
    }

    /// A coordinate with one decimal; anything non-finite is written as 0 so the markup stays valid.
    static func coordinate(_ value: Double) -> String {
        value.isFinite ? NumberFormat.fixed(value, decimals: 1) : "0"
    }
}
