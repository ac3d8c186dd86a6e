extension Report {
    /// The report as Markdown; figures become image links to `prefix_NAME.svg`, which the
    /// caller writes beside it.
    public func markdown(figurePrefix prefix: String) -> String {
        var out = ""
        out.reserveCapacity(4096)
        out += "# "
        MarkdownEscaping.appendInline(title, to: &out)
        out += "\n\n"
        for block in blocks {
            switch block {
            case .heading(let text, let level):
                out += String(repeating: "#", count: level) + " "
                MarkdownEscaping.appendInline(text, to: &out)
                out += "\n\n"
            case .paragraph(let segments):
                MarkdownEscaping.append(segments, to: &out)
                out += "\n\n"
            case .bullets(let items):
                for item in items {
                    out += "- "
                    MarkdownEscaping.append(item, to: &out)
                    out += "\n"
                }
                out += "\n"
            case .table(let table):
                out += "|"
                for cell in table.header {
                    out += " "
                    MarkdownEscaping.appendCell(cell, to: &out)
                    out += " |"
                }
                out += "\n|"
                for (column, _) in table.header.enumerated() {
                    let alignment = column < table.alignments.count ? table.alignments[column] : .left
                    out += alignment == .right ? "---:|" : "---|"
                }
                out += "\n"
                for row in table.rows {
                    out += "|"
                    for column in table.header.indices {
                        out += " "
                        if column < row.count { MarkdownEscaping.appendCell(row[column], to: &out) }
                        out += " |"
                    }
                    out += "\n"
                }
                out += "\n"
            case .figure(let figure):
                out += "!["
                MarkdownEscaping.appendLinkText(figure.description, to: &out)
                out += "](" + Report.figureFile(figure, prefix: prefix).replacingSpaces() + ")\n\n"
            }
        }
        return out
    }
}

/// Keeps user data (item descriptions, department names) from breaking the Markdown around
/// it: a `|` would split a table cell, a line break would end the row, `<` could open raw
/// HTML in viewers that render it, and `*`, `_`, `~` and backticks would turn
/// `*STERILE* GLOVES` or `_NEW_ stock` into emphasis or code, and `&amp;` into `&`. An underscore between two ASCII
/// letters or digits opens nothing (CommonMark), so `GLOVE_NITRILE_M` is left as it reads.
enum MarkdownEscaping {
    static func append(_ segments: [Report.Segment], to out: inout String) {
        for segment in segments {
            switch segment {
            case .text(let text): appendInline(text, to: &out)
            case .link(let text, let target):
                out += "["
                appendLinkText(text, to: &out)
                out += "](" + target.replacingSpaces() + ")"
            }
        }
    }

    static func appendInline(_ text: String, to out: inout String) { appendEscaped(text, to: &out, pipes: false) }

    static func appendCell(_ text: String, to out: inout String) { appendEscaped(text, to: &out, pipes: true) }

    static func appendLinkText(_ text: String, to out: inout String) { appendEscaped(text, to: &out, pipes: true) }

    /// Brackets are escaped everywhere: `[x](y)` in an item description must not become a link.
    private static func appendEscaped(_ text: String, to out: inout String, pipes: Bool) {
        var text = text
        text.withUTF8 { bytes in
            // Most cells need nothing: append them whole.
            var clean = true
            for b in bytes where b == 0x0A || b == 0x0D || b == 0x3C || (pipes && b == 0x7C) || b == 0x5B || b == 0x5D
                || b == 0x2A || b == 0x5F || b == 0x60 || b == 0x5C || b == 0x7E || b == 0x26 {
                clean = false
                break
            }
            if clean {
                out += String(decoding: bytes, as: UTF8.self)
                return
            }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 8)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case 0x0D:
                    escaped.append(0x20)
                    if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                case 0x0A: escaped.append(0x20)
                case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
                case 0x7C where pipes: escaped.append(contentsOf: "\\|".utf8)
                case 0x5B, 0x5D, 0x2A, 0x60, 0x5C, 0x7E: escaped.append(0x5C); escaped.append(b)
                case 0x5F where !(i > 0 && isWordByte(bytes[i - 1]) && i + 1 < bytes.count && isWordByte(bytes[i + 1])):
                    escaped.append(0x5C); escaped.append(b)
                case 0x26 where startsEntity(bytes, at: i):
                    escaped.append(0x5C); escaped.append(b)
                default: escaped.append(b)
                }
                i += 1
            }
            out += String(decoding: escaped, as: UTF8.self)
        }
    }

    /// Whether the `&` at `i` begins what Markdown reads as an entity (`&amp;`, `&#174;`,
    /// `&#xAE;`): a description written `R&amp;D` rendered as `R&D`.
    private static func startsEntity(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var j = i + 1
        if j < bytes.count && bytes[j] == 0x23 { j += 1 }
        let start = j
        while j < bytes.count && isWordByte(bytes[j]) { j += 1 }
        return j > start && j < bytes.count && bytes[j] == 0x3B
    }

    /// ASCII letters and digits: an underscore between two of them is inside a word. Beside any
    /// other byte it is escaped, as a non-breaking space, a dash or a curly quote lets it open
    /// emphasis (`—_EM_—` rendered in italics); an escape too many is harmless.
    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}

extension String {
    /// Link targets are our own file names; a space would end the target in Markdown.
    func replacingSpaces() -> String {
        utf8.contains(0x20) ? split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20") : self
    }
}
