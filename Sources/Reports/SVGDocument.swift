import Tabular

/// An SVG document written front to back into one growing String.
///
/// Charts are small, but appending to one buffer keeps writing linear however many bars a
/// report has. Coordinates are written with one decimal through `NumberFormat.fixed`, and all
/// text and attribute values are escaped, so the same chart always gives the same bytes and
/// user data can never break the markup.
struct SVGDocument {
    enum Anchor: String { case start, middle, end }

    private var markup = ""

    /// Opens the document: the `<svg>` element sized `width` x `height`, its accessible name
    /// (`<title>`) and description (`<desc>`), and a white background so a rendered PNG reads
    /// the same on a dark page.
    init(width: Double, height: Double, title: String, description: String) {
        markup.reserveCapacity(8192)
        markup += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\""
        number(width)
        markup += "\" height=\""
        number(height)
        markup += "\" viewBox=\"0 0 "
        number(width)
        markup += " "
        number(height)
        markup += "\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"sans-serif\">\n"
        markup += "<title id=\"chart-title\">"
        SVGText.appendEscaped(title, to: &markup)
        markup += "</title>\n<desc id=\"chart-desc\">"
        SVGText.appendEscaped(description, to: &markup)
        markup += "</desc>\n"
        rect(x: 0, y: 0, width: width, height: height, fill: "#FFFFFF")
    }

    /// Closes the document and hands back its text.
    consuming func finish() -> String {
        markup += "</svg>\n"
        return markup
    }

    /// Appends markup written elsewhere in this module (pattern definitions); never user text.
    mutating func appendMarkup(_ fragment: String) { markup += fragment }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        markup += "<rect x=\""
        number(x)
        markup += "\" y=\""
        number(y)
        markup += "\" width=\""
        number(max(0, width))
        markup += "\" height=\""
        number(max(0, height))
        markup += "\" fill=\""
        markup += fill
        if let stroke {
            markup += "\" stroke=\""
            markup += stroke
        }
        markup += "\"/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        markup += "<line x1=\""
        number(x1)
        markup += "\" y1=\""
        number(y1)
        markup += "\" x2=\""
        number(x2)
        markup += "\" y2=\""
        number(y2)
        markup += "\" stroke=\""
        markup += stroke
        markup += "\" stroke-width=\""
        number(width)
        if dashed { markup += "\" stroke-dasharray=\"6 4" }
        markup += "\"/>\n"
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        markup += "<circle cx=\""
        number(x)
        markup += "\" cy=\""
        number(y)
        markup += "\" r=\""
        number(radius)
        markup += "\" fill=\""
        markup += fill
        markup += "\"/>\n"
    }

    /// A filled area (no outline) or an unfilled line, from path data built with `SVGPath`.
    mutating func path(_ path: SVGPath, fill: String? = nil, stroke: String? = nil, width: Double = 1, dashed: Bool = false) {
        guard !path.isEmpty else { return }
        markup += "<path d=\""
        markup += path.data
        markup += "\" fill=\""
        markup += fill ?? "none"
        if let stroke {
            markup += "\" stroke=\""
            markup += stroke
            markup += "\" stroke-width=\""
            number(width)
            markup += "\" stroke-linejoin=\"round\" stroke-linecap=\"round"
            if dashed { markup += "\" stroke-dasharray=\"7 4" }
        }
        markup += "\"/>\n"
    }

    /// One line of text with its baseline at `y`; `content` is escaped here.
    mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start,
                       fill: String = ChartPalette.ink, bold: Bool = false, italic: Bool = false) {
        guard !content.isEmpty else { return }
        markup += "<text x=\""
        number(x)
        markup += "\" y=\""
        number(y)
        markup += "\" font-size=\""
        number(size)
        if anchor != .start {
            markup += "\" text-anchor=\""
            markup += anchor.rawValue
        }
        if bold { markup += "\" font-weight=\"bold" }
        if italic { markup += "\" font-style=\"italic" }
        markup += "\" fill=\""
        markup += fill
        markup += "\">"
        SVGText.appendEscaped(content, to: &markup)
        markup += "</text>\n"
    }

    private mutating func number(_ value: Double) {
        markup += SVGDocument.coordinate(value)
    }

    /// A coordinate with one decimal; anything non-finite is written as 0 so the markup stays valid.
    static func coordinate(_ value: Double) -> String {
        value.isFinite ? NumberFormat.fixed(value, decimals: 1) : "0"
    }
}
