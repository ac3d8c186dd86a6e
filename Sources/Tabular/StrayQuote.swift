/// A quoted field whose lines read as rows of their own: a stray `"` (a description typed as
/// `"Gauze 4x4`) that swallowed the rows up to the next lone quote into one field.
///
/// libcsv reads such a field as RFC 4180 asks, so the record looked whole and was accepted,
/// the rows inside it gone without a word (231 rows read of 240, a total 90 short). A real
/// multi-line field (an address over two or three lines) has lines without the row's
/// delimiters; here every line after the opening one holds at least as many delimiters as
/// the header has columns less one, counting for the closing line the fields after the
/// quote, and there are two such lines at least. Headers of fewer than three columns are
/// not judged: one delimiter in a line is as likely a comma in an address.
public struct StrayQuote: Sendable, Equatable {
    /// The line the quote opens on.
    public var opened: Int
    /// The line it closes on.
    public var closes: Int
    /// The lines after the opening one that read as rows (all of them, by the rule above).
    public var rowLines: Int

    public init(opened: Int, closes: Int, rowLines: Int) {
        self.opened = opened
        self.closes = closes
        self.rowLines = rowLines
    }

    /// Why the record is rejected, with where to look.
    public var reason: String {
        "a quote opened on line \(opened) closes on line \(closes), swallowing \(rowLines) lines that read as rows: check for a stray quote (a \" that opens a value without closing it); the rows inside it are not read until it is fixed"
    }

    /// The fewest lines reading as rows that make a stray quote.
    static let fewestRowLines = 2
}
