extension Report {
    /// The report as one standalone HTML page: styles and charts inline, no external assets,
    /// so it can be mailed or opened from a shared drive as is.
    public func html() -> String {
        var out = ""
        out.reserveCapacity(8192)
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        HTMLEscaping.append(title, to: &out)
        out += "</title>\n<style>\n" + Report.stylesheet + "</style>\n</head>\n<body>\n<h1>"
        HTMLEscaping.append(title, to: &out)
        out += "</h1>\n"
        var figureNumber = 0
        for block in blocks {
            switch block {
            case .heading(let text, let level):
                out += "<h\(level)>"
                HTMLEscaping.append(text, to: &out)
                out += "</h\(level)>\n"
            case .paragraph(let segments):
                out += "<p>"
                HTMLEscaping.append(segments, to: &out)
                out += "</p>\n"
            case .bullets(let items):
                out += "<ul>\n"
                for item in items {
                    out += "<li>"
                    HTMLEscaping.append(item, to: &out)
                    out += "</li>\n"
                }
                out += "</ul>\n"
            case .table(let table):
                let right = table.header.indices.map { $0 < table.alignments.count && table.alignments[$0] == .right }
                out += "<table>\n<thead><tr>"
                for (column, cell) in table.header.enumerated() {
                    out += right[column] ? "<th class=\"n\">" : "<th>"
                    HTMLEscaping.append(cell, to: &out)
                    out += "</th>"
                }
                out += "</tr></thead>\n<tbody>\n"
                for row in table.rows {
                    out += "<tr>"
                    for column in table.header.indices {
                        out += right[column] ? "<td class=\"n\">" : "<td>"
                        if column < row.count { HTMLEscaping.append(row[column], to: &out) }
                        out += "</td>"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            case .figure(let figure):
                figureNumber += 1
                out += "<figure>\n" + Report.inlineSVG(figure.svg, number: figureNumber) + "\n</figure>\n"
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    static let stylesheet = """
    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
    table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.92em; }
    th, td { border: 1px solid #d0d0d0; padding: 0.25em 0.6em; vertical-align: top; }
    th { background: #f2f2f2; text-align: left; }
    .n { text-align: right; font-variant-numeric: tabular-nums; }
    figure { margin: 1em 0; }
    figure svg { max-width: 100%; height: auto; }

    """

    /// An SVG document as an element inside HTML: without its XML declaration, and with the
    /// ids its title and description are labelled by made unique on the page (`chart-title-2`).
    static func inlineSVG(_ svg: String, number: Int) -> String {
        var element = svg
        if svg.hasPrefix("<?xml"), let close = svg.firstIndex(of: ">") {
            element = String(svg[svg.index(after: close)...]).trimmingLeadingNewlines()
        }
        for id in ["chart-title", "chart-desc"] {
            element = element.replacingAll("\"\(id)\"", with: "\"\(id)-\(number)\"")
                .replacingAll("\"\(id) ", with: "\"\(id)-\(number) ").replacingAll(" \(id)\"", with: " \(id)-\(number)\"")
        }
        return element
    }
}

enum HTMLEscaping {
    static func append(_ segments: [Report.Segment], to out: inout String) {
        for segment in segments {
            switch segment {
            case .text(let text): append(text, to: &out)
            case .link(let text, let target):
                out += "<a href=\""
                append(target.replacingSpaces(), to: &out)
                out += "\">"
                append(text, to: &out)
                out += "</a>"
            }
        }
    }

    static func append(_ text: String, to out: inout String) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                out += String(decoding: bytes, as: UTF8.self)
                return
            }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for b in bytes {
                switch b {
                case 0x26: escaped.append(contentsOf: "&amp;".utf8)
                case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
                case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
                case 0x22: escaped.append(contentsOf: "&quot;".utf8)
                case 0x27: escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(b)
                }
            }
            out += String(decoding: escaped, as: UTF8.self)
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        let parts = components(separatedByString: target)
        return parts.joined(separator: replacement)
    }

    private func components(separatedByString separator: String) -> [String] {
        var parts: [String] = []
        var current = Substring(self)
        while let range = current.firstRange(of: separator) {
            parts.append(String(current[..<range.lowerBound]))
            current = current[range.upperBound...]
        }
        parts.append(String(current))
        return parts
    }

    func trimmingLeadingNewlines() -> String {
        String(drop { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
}
