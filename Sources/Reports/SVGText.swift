/// Text on its way into an SVG: escaped for XML, kept to one line, measured, and cut or
/// wrapped to fit.
///
/// Chart labels come from user data (department names, item descriptions), so every piece
/// of text passes through here. SVG has no text layout of its own, so widths are estimated
/// from DejaVu Sans metrics (what `sans-serif` resolves to on Debian); they are on the wide
/// side of Arial and Helvetica, so text that fits here fits in a browser too.
enum SVGText {
    static let ellipsis = "…"

    /// Appends `text` escaped for element content and quoted attributes. Characters XML 1.0
    /// forbids (control characters, U+FFFE, U+FFFF) and line breaks become spaces, so the
    /// document always parses and a label stays on one line.
    static func appendEscaped(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        appendEscaped(text, to: &out)
        return out
    }

    /// Estimated width in pixels of `text` at font `size`; bold text runs about 10% wider.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text { ems += width(of: character) }
        return ems * size * (bold ? 1.1 : 1)
    }

    /// `text` cut to fit `maxWidth`, ending in an ellipsis when anything was cut. Whole
    /// characters (grapheme clusters) are kept, so an emoji or accented letter is never split.
    static func truncated(_ text: String, toWidth maxWidth: Double, size: Double, bold: Bool = false) -> String {
        let text = singleLine(text)
        if width(text, size: size, bold: bold) <= maxWidth { return text }
        let scale = size * (bold ? 1.1 : 1)
        var budget = maxWidth / scale - width(of: "…")
        var kept = ""
        for character in text {
            let ems = width(of: character)
            if ems > budget { break }
            budget -= ems
            kept.append(character)
        }
        while kept.last == " " { kept.removeLast() }
        return kept + ellipsis
    }

    /// `text` broken into lines at spaces, each fitting `maxWidth`; a word too long for a line
    /// is cut, and text beyond `maxLines` is dropped with an ellipsis on the last line.
    static func wrapped(_ text: String, toWidth maxWidth: Double, size: Double, maxLines: Int, bold: Bool = false) -> [String] {
        let words = singleLine(text).split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if width(candidate, size: size, bold: bold) <= maxWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = word
            if lines.count == maxLines { break }
        }
        if !current.isEmpty && lines.count < maxLines { lines.append(current) }
        let wordsShown = lines.reduce(0) { $0 + $1.split(separator: " ").count }
        if lines.count == maxLines, wordsShown < words.count, let last = lines.popLast() {
            lines.append(truncated(last + " " + words[wordsShown], toWidth: maxWidth, size: size, bold: bold))
        }
        return lines.map { truncated($0, toWidth: maxWidth, size: size, bold: bold) }
    }

    /// Line breaks and tabs as spaces: SVG text never wraps by itself.
    static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// Advance widths in ems of DejaVu Sans for printable ASCII (space through `~`).
    private static let asciiWidths: [Double] = [
        0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318, 0.361, 0.318, 0.337,
        0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
        1.000, 0.684, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
        0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500,
        0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
        0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
    ]

    private static func width(of character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value >= 0x20 && value <= 0x7E { return asciiWidths[Int(value - 0x20)] }
        if value < 0x20 { return 0.318 }
        if value == 0x2026 { return 1.0 }
        // Latin, Greek and Cyrillic letters are about as wide as ASCII ones; anything else
        // (CJK, emoji, symbols) is taken as a full em.
        return value < 0x0530 ? 0.68 : 1.0
    }
}
