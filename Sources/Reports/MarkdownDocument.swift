import Tabular

/// A Markdown report built section by section: headings, paragraphs, bullet lists and
/// tables whose cells are escaped (`|`, line breaks) and aligned by column kind.
public struct MarkdownDocument: Sendable {
    public enum Alignment: Sendable { case left, right }

    public private(set) var text = ""

    public init(title: String) { text = "# \(MarkdownDocument.inline(title))\n\n" }

    public mutating func heading(_ title: String, level: Int = 2) {
        text += String(repeating: "#", count: max(1, min(level, 6))) + " " + MarkdownDocument.inline(title) + "\n\n"
    }

    public mutating func paragraph(_ line: String) { text += MarkdownDocument.inline(line) + "\n\n" }

    public mutating func bullets(_ items: [String]) {
        guard !items.isEmpty else { return }
        text += items.map { "- " + MarkdownDocument.inline($0) }.joined(separator: "\n") + "\n\n"
    }

    public mutating func table(_ header: [String], _ rows: [[String]], alignments: [Alignment]? = nil) {
        let align = alignments ?? header.map { _ in .left }
        text += "| " + header.map(MarkdownDocument.cell).joined(separator: " | ") + " |\n"
        text += "|" + align.map { $0 == .right ? "---:|" : "---|" }.joined() + "\n"
        for row in rows { text += "| " + row.map(MarkdownDocument.cell).joined(separator: " | ") + " |\n" }
        text += "\n"
    }

    /// Table cells: pipes escaped, line breaks as spaces.
    public static func cell(_ value: String) -> String {
        var out = ""
        for ch in value {
            switch ch {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    static func inline(_ value: String) -> String { value.map { $0.isNewline ? " " : String($0) }.joined() }

    /// Writes the document atomically.
    public func write(to path: String) throws {
        let file = try AtomicFile(path: path)
        do {
            try file.write(text)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }
}

/// Numbers as people read them in reports.
public enum HumanFormat {
    /// `$1,234,567` (cents when under $100), negatives as `-$1,234`.
    public static func money(_ value: Double) -> String {
        let decimals = abs(value) < 100 && value != value.rounded() ? 2 : 0
        return (value < 0 ? "-$" : "$") + grouped(abs(value), decimals: decimals)
    }

    /// `12.3%` from a percentage value (21.0 means 21%).
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        NumberFormat.fixed(value, decimals: decimals) + "%"
    }

    /// `12,345` or `12,345.5`.
    public static func quantity(_ value: Double, decimals: Int = 1) -> String {
        (value < 0 ? "-" : "") + grouped(abs(value), decimals: decimals)
    }

    static func grouped(_ value: Double, decimals: Int) -> String {
        let text = NumberFormat.fixed(value, decimals: decimals)
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var result = ""
        while integer.count > 3 {
            result = "," + integer.suffix(3) + result
            integer = String(integer.dropLast(3))
        }
        result = integer + result
        if parts.count == 2 {
            var fraction = String(parts[1])
            if decimals == 2 && fraction.count == 1 { fraction += "0" }
            result += "." + fraction
        } else if decimals == 2 && value != value.rounded() {
            result += ".00"
        }
        return result
    }
}
