/// The spreadsheet a file's name promises: CSV text written under `.xlsm`, `.xls`, `.xlsb`,
/// `.ods`, `.xltx` or `.numbers` does not open in Excel ("file format or file extension is not
/// valid") and opens as text in LibreOffice, item 000123 read back as 123. One rule for the
/// command line's `--out` and the pipeline's export stage: review wb-2 found the export stage,
/// the route the command line's refusal recommends, writing CSV text under all but `.xlsx`
/// with exit 0, and `--out "fc.xlsx "` (a trailing space pasted into a scheduler) passing.
public struct SpreadsheetName: Sendable {
    /// Spreadsheet and workbook-template names, in lower case.
    public static let extensions = [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".xltx", ".xltm", ".xlt", ".numbers", ".fods"]

    /// The name as given.
    public let name: String
    /// The spreadsheet extension it ends in (lower case), trailing spaces aside; nil for none.
    public let spreadsheetExtension: String?
    /// Whether the name ends in white space after its extension (`fc.xlsx `).
    public let trailingSpace: Bool

    public init(_ name: String) {
        self.name = name
        var trimmed = Substring(name)
        while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
        let lower = trimmed.lowercased()
        spreadsheetExtension = Self.extensions.first { lower.hasSuffix($0) }
        trailingSpace = trimmed.count != name.count
    }

    /// The name's stem, without the extension and any trailing space.
    public var stem: String {
        var trimmed = Substring(name)
        while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
        return String(trimmed.dropLast(spreadsheetExtension?.count ?? 0))
    }

    /// Whether the export stage writes the name as a workbook: `.xlsx`, exactly.
    public var isWorkbook: Bool { spreadsheetExtension == ".xlsx" && !trailingSpace }

    /// Why a file written as CSV text must not take the name, or nil when it may: what the
    /// name promises and what to name it instead.
    public var csvRefusal: String? {
        guard let ext = spreadsheetExtension else { return nil }
        let space = trailingSpace ? " (the name ends in a space after \(ext))" : ""
        return "a CSV named \(ext)\(space) does not open in Excel"
    }
}
