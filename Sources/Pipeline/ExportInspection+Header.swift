import Tabular

extension ExportInspection {
    /// A non-blank record read before the header is settled.
    struct EarlyRow {
        var line: Int
        var fields: [String]
        /// The fields' bytes as read: `fields` decoded a stray byte into U+FFFD, which the
        /// tally's UTF-8 check must see as the byte it is.
        var bytes: [[UInt8]] = []
    }

    /// Records looked at to settle the header: report titles run a few lines, never dozens.
    static let headerWindow = 30

    /// Where the header is among the first records, when the first line looks like a title
    /// ("Supply Issues Report"): the index in `rows` of the first line whose field count fits
    /// most of the rows below it and whose fields are not numbers or dates. Nil when the first
    /// line fits most rows (the usual case) or nothing below it looks like a header.
    ///
    /// Two guards keep a real header where it is. Only a line wider than the first counts: a
    /// title is one or two fields, while an export that drops trailing empty fields has rows
    /// narrower than its header. And the rows below must hold values (a number or a date
    /// somewhere) for names to stand out from them: in an all-text export whose header is one
    /// field short, the first row is no more a header than the first line.
    static func headerBelowTitle(first: [String], rows: [EarlyRow]) -> Int? {
        func fitsMost(_ width: Int, _ below: ArraySlice<EarlyRow>) -> Bool {
            !below.isEmpty && below.filter { fits($0.fields, width: width) }.count * 2 > below.count
        }
        // A title Excel saved padded with commas (`GL Actuals Report - FY2026,,,`) is as wide as
        // the header: its filled fields decide, when they are one or two.
        let filled = first.reversed().drop { $0.trimmed().isEmpty }.count
        if filled < first.count, filled <= 2 {
            for (i, row) in rows.prefix(headerWindow).enumerated() where row.fields.filter({ !$0.trimmed().isEmpty }).count > filled {
                guard looksLikeHeader(row.fields) else { break }
                let below = rows[(i + 1)...]
                if fitsMost(row.fields.count, below) && below.contains(where: { !looksLikeHeader($0.fields) }) { return i }
                break
            }
        }
        guard !fitsMost(first.count, rows[...]) else { return nil }
        for (i, row) in rows.enumerated() where row.fields.count > first.count && looksLikeHeader(row.fields) {
            let below = rows[(i + 1)...]
            if fitsMost(row.fields.count, below) && below.contains(where: { !looksLikeHeader($0.fields) }) { return i }
        }
        return nil
    }

    /// A record of `width` fields, or wider with only empty fields beyond (the import's rule).
    static func fits(_ fields: [String], width: Int) -> Bool {
        fields.count == width || (fields.count > width && fields[width...].allSatisfy(\.isEmpty))
    }

    /// Names, not values: some field is filled and none reads as a number or a date.
    static func looksLikeHeader(_ fields: [String]) -> Bool {
        let point = NumberParser(), comma = NumberParser(decimalComma: true), dates = DateParser()
        let filled = fields.map { $0.trimmed() }.filter { !$0.isEmpty }
        return !filled.isEmpty && filled.allSatisfy { point.parse($0) == nil && comma.parse($0) == nil && dates.parse($0) == nil }
    }

    // MARK: - Warnings

    /// A field a totals row starts with a totals word (`TotalsLabel`, the words the import
    /// rejects as a whole key field): the warning looks further, at `Total: 3 items` too.
    static func namesATotal(_ field: String) -> Bool {
        TotalsLabel.startsWithLabel(field)
    }

    /// The line of the last row when it looks like a totals row: a field says Total (Grand
    /// Total, Subtotal, Sum, Summe, Gesamt). Read, it doubles the period's usage; not read, it
    /// is a rejected row. A word alone decides: an unreadable date on the last row is as
    /// likely a typo (`bad date` in a row that names its item) as a total.
    static func totalsRowLine(_ tally: Tally) -> Int? {
        tally.rows >= 2 && tally.lastRow.contains(where: namesATotal) ? tally.lastLine : nil
    }

    /// What the reader should fix before importing: lines above the header, rows wider or
    /// narrower than it, a totals row.
    static func warnings(_ tally: Tally, header: [String], headerLine: Int?, totalsLine: Int?, delimiter: UInt8) -> [String] {
        var warnings: [String] = []
        let separator = String(UnicodeScalar(delimiter))
        if let headerLine {
            let above = headerLine == 2 ? "line 1" : "lines 1-\(headerLine - 1)"
            warnings.append("\(above) \(headerLine == 2 ? "looks" : "look") like a title, not the header: the header seems to be on line \(headerLine) (\(header.joined(separator: separator).clipped)), the first line whose \(NumberFormat.count(header.count, "field")) fit most rows below it; the columns below are read from it. Delete \(above) before importing: the import takes the first line for the header and has no option to skip lines")
        }
        let width = NumberFormat.count(header.count, "field")
        if tally.wider > 0, let line = tally.firstWider {
            warnings.append("\(tally.wider) of \(NumberFormat.count(tally.rows, "row")) \(tally.wider == 1 ? "has" : "have") more fields than the header's \(width) (the first on line \(line)): a value may hold an unquoted delimiter, or the header is not on the first line; the import rejects such rows")
        }
        if tally.narrower > 0, let line = tally.firstNarrower {
            warnings.append("\(tally.narrower) of \(NumberFormat.count(tally.rows, "row")) \(tally.narrower == 1 ? "has" : "have") fewer fields than the header's \(width) (the first on line \(line)): a delimiter may be missing, or a line break sits inside an unquoted value; the import rejects such rows")
        }
        if let totalsLine {
            warnings.append("line \(totalsLine), the last row, looks like a totals row (\(tally.lastRow.joined(separator: separator).clipped)): delete it before importing, or the import rejects it or counts its figures as data")
        }
        return warnings
    }
}
