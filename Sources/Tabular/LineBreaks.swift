extension StringProtocol {
    /// The text with each line break (`\r\n`, `\n`, `\r`) as one space: how a header wrapped
    /// in an Excel cell (`"Qty\nIssued"`) is matched and suggested (`Qty Issued`).
    public var lineBreaksAsSpaces: String {
        String(map { $0.isNewline ? " " : $0 })
    }

    /// The text with each line break written `\n`, for a message that must tell a wrapped
    /// header (`Qty\nIssued`) from one with a space.
    public var replacingLineBreaks: String {
        var out = ""
        for ch in self { if ch.isNewline { out += "\\n" } else { out.append(ch) } }
        return out
    }
}
