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
        markup += "<rect"
        attribute("x", x)
        attribute("y", y)
        attribute("width", max(0, width))
        attribute("height", max(0, height))
        attribute("fill", fill)
        if let stroke { attribute("stroke", stroke) }
        markup += "/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        markup += "<line"
        attribute("x1", x1)
        attribute("y1", y1)
        attribute("x2", x2)
        attribute("y2", y2)
        attribute("stroke", stroke)
        attribute("stroke-width", width)
        if dashed { attribute("stroke-dasharray", "6 4") }
        markup += "/>\n"
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        markup += "<circle"
        attribute("cx", x)
        attribute("cy", y)
        attribute("r", radius)
        attribute("fill", fill)
        markup += "/>\n"
    }

    /// A filled area (no outline) or an unfilled line, from path data built with `SVGPath`.
    mutating func path(_ path: SVGPath, fill: String? = nil, stroke: String? = nil, width: Double = 1, dashed: Bool = false) {
        guard !path.isEmpty else { return }
        markup += "<path"
        attribute("d", path.data)
        attribute("fill", fill ?? "none")
        if let stroke {
            attribute("stroke", stroke)
            attribute("stroke-width", width)
            attribute("stroke-linejoin", "round")
            attribute("stroke-linecap", "round")
            if dashed { attribute("stroke-dasharray", "7 4") }
        }
        markup += "/>\n"
    }

    /// One line of text with its baseline at `y`; `content` is escaped here.
    mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start,
                       fill: String = ChartPalette.ink, bold: Bool = false, italic: Bool = false) {
        guard !content.isEmpty else { return }
        markup += "<text"
        attribute("x", x)
        attribute("y", y)
        attribute("font-size", size)
        if anchor != .start { attribute("text-anchor", anchor.rawValue) }
        if bold { attribute("font-weight", "bold") }
        if italic { attribute("font-style", "italic") }
        attribute("fill", fill)
        markup += ">"
        SVGText.appendEscaped(content, to: &markup)
        markup += "</text>\n"
    }

    /// ` name="value"` for values this module writes (colours, keywords, path data), never user text.
    private mutating func attribute(_ name: String, _ value: String) {
        markup += " "
        markup += name
        markup += "=\""
        markup += value
        markup += "\""
    }

    private mutating func attribute(_ name: String, _ value: Double) {
        attribute(name, SVGDocument.coordinate(value))
    }

    private mutating func number(_ value: Double) {
        markup += SVGDocument.coordinate(value)
    }

    /// A coordinate with one decimal; anything non-finite is written as 0 so the markup stays valid.
    static func coordinate(_ value: Double) -> String {
        value.isFinite ? NumberFormat.fixed(value, decimals: 1) : "0"
    }
}
