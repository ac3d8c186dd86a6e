/// The words a spreadsheet writes on its totals: one definition for the import, which rejects
/// a row whose key field (item, unit, department, ...) is such a label and leaves a wide sheet's
/// total column out of `--unpivot '*'`, and for `inspect`, which warns of a totals row.
///
/// A label is the whole field, compared without case, with runs of spaces, hyphens and
/// underscores as one space, and a trailing colon, full stop or parenthesis dropped
/// (`Grand Total`, ` TOTAL `, `Grand-total:`, `Grand total (2 items)`). A name that merely holds
/// the word (`Total Parenteral Nutrition kit`, `TPN Total`) is not one.
public enum TotalsLabel {
    /// Lower case, single spaces. German exports write Summe or Gesamt.
    public static let words: [String] = ["total", "totals", "grand total", "grand totals", "subtotal", "subtotals", "sub total",
                                         "row total", "overall total", "report total", "total all items", "sum", "summe", "gesamt",
                                         "gesamtsumme", "gesamtergebnis"]
    /// A column header that is a total of the others besides the row labels: `All` (a pivot
    /// table's column across its items) is a total there, while an item or unit named `ALL`
    /// may be a name.
    static let headerWords: [String] = ["all", "total qty", "total quantity", "total amount", "total units"]

    static let wordBytes: [[UInt8]] = words.map { Array($0.utf8) }
    static let headerWordBytes: [[UInt8]] = headerWords.map { Array($0.utf8) }
    /// The longest label's normalised length: a longer field is no label, without looking further.
    /// A literal, not computed: it is read on every row's unread fields (`TotalsLabelTests`
    /// checks it).
    static var longest: Int { 15 }

    /// Whether the field is a totals label. Byte-level, allocation-free: it runs on every row's
    /// key field, and most fields are ruled out by their length or first letter.
    public static func isLabel(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        matches(field, wordBytes)
    }

    public static func isLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isLabel($0) }
    }

    /// Why a row holding a totals label where a key or a date belongs is rejected: one sentence
    /// for the import's key fields, aggregate's and forecast's series column, and a date column
    /// (`Total,,234` under the dates was "'Total' is not a date", which says nothing of why).
    public static func rowReason(_ label: String) -> String {
        "a totals row ('\(label.trimmed().clipped)'): its figures are the other rows' sum, and read as data they would count twice; delete the totals rows from the export"
    }

    /// A header naming a total column of a wide sheet (`Total`, `Row Total`, `Grand Total`,
    /// `All`), which `--unpivot '*'` leaves out whatever its names become.
    ///
    /// Also a header that holds a totals word beside words that only say what or over what is
    /// totalled (`Daily Total`, `Total Doses`, `Total Hours`, `House Total`, `All Items`): a
    /// pharmacy system's `Daily Total` beside four drugs became a fifth "item", and every
    /// cross-item sum read twice (December's 4,985 doses as 9,970). A header with a word of
    /// its own beside the total (`Total Parenteral Nutrition`, `TPN Total`) names an item.
    /// Runs once per header, not per row.
    public static func isTotalsHeader(_ header: String) -> Bool {
        var text = header
        if text.withUTF8({ matches($0, wordBytes) || matches($0, headerWordBytes) }) { return true }
        let named = words(of: header)
        guard named.contains(where: { totalHeaderWords.contains($0) }) || named == ["all", "items"] else { return false }
        return named.allSatisfy { totalHeaderWords.contains($0) || totalledWords.contains($0) }
    }

    /// The text's words, lower case: its runs of letters and digits, whatever marks stand between.
    static func words(of text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// The words that make a header a total (`isTotalsHeader`).
    static let totalHeaderWords: Set<String> = ["total", "totals", "subtotal", "subtotals", "sum", "summe", "gesamt", "grand"]
    /// The words that may stand beside them, saying what or over what is totalled.
    static let totalledWords: Set<String> = ["all", "items", "item", "daily", "day", "days", "weekly", "week", "monthly", "month",
                                             "doses", "dose", "qty", "quantity", "units", "unit", "hours", "hrs", "hour", "house",
                                             "hospital", "facility", "row", "overall", "amount", "count", "cost", "spend", "value",
                                             "census", "patients", "sub", "period", "issued", "used"]

    /// Whether the field starts with a totals word followed by a space or a colon, or is one
    /// (`Total: 3 items`, `Grand Total March`): `inspect`'s looser look at the last row, which
    /// only warns.
    public static func startsWithLabel(_ text: String) -> Bool {
        let key = text.matchKey()
        return words.contains { key == $0 || key.hasPrefix($0 + " ") || key.hasPrefix($0 + ":") }
    }

    static func matches(_ p: UnsafeBufferPointer<UInt8>, _ candidates: [[UInt8]]) -> Bool {
        var i = 0, end = p.count
        while i < end, isSpace(p[i]) { i += 1 }
        // Quick outs: every label starts with a letter among a, g, o, r, s, t.
        guard i < end else { return false }
        switch p[i] | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "g"), UInt8(ascii: "o"), UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "t"): break
        default: return false
        }
        // What follows the label: spaces, a colon or a full stop (`Total:`, `TOTAL.`), a count
        // or a measure in parentheses (`Grand total (2 items)`, `Grand Total (Qty)`).
        var trimmed = true
        while trimmed && end > i {
            trimmed = false
            while end > i, isSpace(p[end - 1]) || p[end - 1] == UInt8(ascii: ":") || p[end - 1] == UInt8(ascii: ".") { end -= 1; trimmed = true }
            if end > i + 1, p[end - 1] == UInt8(ascii: ")"), let open = (i..<(end - 1)).last(where: { p[$0] == UInt8(ascii: "(") }), open > i {
                end = open
                trimmed = true
            }
        }
        guard end > i, end - i <= 2 * longest else { return false }
        for word in candidates {
            var j = i, k = 0
            var matched = true
            while j < end {
                var c = p[j]
                // `Grand-Total`, `Sub_total`: a hyphen or an underscore between words is a space.
                if isSpace(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") {
                    while j + 1 < end, isSpace(p[j + 1]) || p[j + 1] == UInt8(ascii: "-") || p[j + 1] == UInt8(ascii: "_") { j += 1 }
                    c = 0x20
                } else if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") {
                    c |= 0x20
                }
                guard k < word.count, word[k] == c else { matched = false; break }
                j += 1; k += 1
            }
            if matched && k == word.count { return true }
        }
        return false
    }

    /// Whether `field` is the subtotal Excel's Subtotal command writes under a group: the group's
    /// name with `Total` after it (`ICU Total` below the ICU rows; `Ergebnis` in German) or before
    /// it (`Total ICU`, as French and Spanish Excel write it), where `previous` is the same
    /// column's value on the row above. An item named `TPN Total` is read: the row above is not `TPN`.
    /// Byte-level quick outs first: it runs whenever a key changes.
    public static func isSubtotal(_ field: UnsafeBufferPointer<UInt8>, under previous: UnsafeBufferPointer<UInt8>) -> Bool {
        guard field.count >= previous.count + 6, !previous.isEmpty else { return false }
        var end = field.count
        while end > 0, isSpace(field[end - 1]) { end -= 1 }
        func endsWith(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard end >= n else { return false }
            for k in 0..<n where field[end - n + k] | 0x20 != word.utf8Start[k] { return false }
            return true
        }
        var start = 0
        while start < end, isSpace(field[start]) { start += 1 }
        let startsWithTotal = end - start > 6 && (0..<6).allSatisfy { field[start + $0] | 0x20 == totalAndSpace[$0] }
        guard endsWith("total") || endsWith("ergebnis") || startsWithTotal else { return false }
        let key = String(decoding: field, as: UTF8.self).matchKey(), group = String(decoding: previous, as: UTF8.self).matchKey()
        guard !group.isEmpty else { return false }
        return key == group + " total" || key == group + " ergebnis" || key == "total " + group
    }

    static let totalAndSpace: [UInt8] = Array("total ".utf8)

    /// Whether a value in a column the import does not read (a `Description`) marks its row
    /// as a totals row: a totals label (`SUBTOTAL`, `Grand Total`, `Total:`), the row's own key
    /// with `Total` before or after it (`Total 10045`, `isSubtotal`), or a total word beside
    /// words that only say what is totalled (`Item Total`, `isTotalsHeader`). A report writer
    /// puts its group footer's label in a text column and repeats the key and date, and the
    /// row was summed as data (an item's month counted twice). It runs on every row's unread
    /// fields, so a number (a `Unit Cost`) is ruled out first, as no label is without a letter,
    /// and after the subtotal's length check one byte-level pass rules out nearly all the rest:
    /// each other label holds a word of `containedWords` between ASCII marks, and a code or a
    /// description seldom does. (A subtotal's space may be a no-break one.)
    public static func marksTotalsRow(_ field: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard mayMarkTotalsRow(field) else { return false }
        if let key, isSubtotal(field, under: key) { return true }
        guard holdsTotalWord(field) else { return false }
        if matches(field, wordBytes) { return true }
        var end = field.count
        while end > 0, isSpace(field[end - 1]) || field[end - 1] == UInt8(ascii: ":") { end -= 1 }
        if end > 6, (0..<5).allSatisfy({ field[end - 5 + $0] | 0x20 == totalAndSpace[$0] }), isSpace(field[end - 6]),
           isTotalsHeader(String(decoding: field, as: UTF8.self)) { return true }
        return isGroupFooter(field, key: key)
    }

    /// Whether the field is a report writer's group footer: a total word, with only the row's
    /// own key, words saying what is totalled and `for`/`of` beside it, whatever the marks
    /// between (`** Total **`, `Total for 10045`, `Item 10045 Total`, `Total - 10045`,
    /// `Sub-Total 10045`, `Totals for Item 10045:`, `Total Qty`, `--- Subtotal ---`, the
    /// Crystal and SSRS defaults). Each was summed as data, the item's month doubled. A
    /// description with a word of its own (`Total knee kit`, `Gauze (Total 10)`) is read.
    /// Only a field holding a total word (`holdsTotalWord`, checked by `marksTotalsRow`) gets here.
    static func isGroupFooter(_ field: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>?) -> Bool {
        let keyWords = Set(key.map { words(of: String(decoding: $0, as: UTF8.self)) } ?? [])
        var total = false
        for word in words(of: String(decoding: field, as: UTF8.self)) where !keyWords.contains(word) {
            if totalHeaderWords.contains(word) { total = true } else if !totalledWords.contains(word) && word != "for" && word != "of" { return false }
        }
        return total
    }

    /// The words that make a name a totals candidate when they stand as a word anywhere in it
    /// (`Total for 2025-01`, `ICU Total`, `Grand total - all items`, `Subtotal - 6010 ICU`,
    /// `Totaal`, `Total général`), lower case. Such a name is only a candidate: an item is
    /// called `Total Parenteral Nutrition kit`, so the import also asks that its figure be
    /// the other rows' sum (`SubtotalCheck`).
    public static let containedWords: [String] = ["total", "totals", "subtotal", "subtotals", "sum", "sums", "summe", "gesamt",
                                                  "gesamtsumme", "gesamtergebnis", "insgesamt", "ergebnis", "totaal", "totale",
                                                  "totaux", "somme", "suma", "général", "générale", "generale"]
    static let containedWordBytes: [[UInt8]] = containedWords.map { Array($0.utf8) }
    /// One bit per first letter (e, g, i, s, t) and length (3 to 14) that some word of
    /// `containedWords` has: an item code's words (`ITM`, `GZ`) rarely pass it, so the words are
    /// compared for few rows (the comparison loop was 5% of a 5-million-row import).
    static let firstLetterAndLength: UInt64 = containedWordBytes.reduce(0) { bits, word in
        guard let bit = shapeBit(first: word[0], length: word.count) else { return bits }
        return bits | 1 << bit
    }

    @inline(__always)
    static func shapeBit(first: UInt8, length: Int) -> Int? {
        guard length >= 3 && length <= 14 else { return nil }
        let letter: Int
        switch first | 0x20 {
        case UInt8(ascii: "e"): letter = 0
        case UInt8(ascii: "g"): letter = 1
        case UInt8(ascii: "i"): letter = 2
        case UInt8(ascii: "s"): letter = 3
        case UInt8(ascii: "t"): letter = 4
        default: return nil
        }
        return letter * 12 + length - 3
    }

    /// Whether one of `containedWords` stands as a word in the field, without case (ASCII
    /// letters); a word is a run of letters, bytes of accented letters included. Byte-level,
    /// allocation-free, one pass: it runs on every row's key.
    public static func holdsTotalWord(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = field.count
        var i = 0
        while i < n {
            @inline(__always) func isLetter(_ c: UInt8) -> Bool { c >= 0x80 || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z")) }
            guard isLetter(field[i]) else { i += 1; continue }
            var end = i + 1
            while end < n, isLetter(field[end]) { end += 1 }
            if let bit = shapeBit(first: field[i], length: end - i), firstLetterAndLength & (1 << bit) != 0 {
                for word in containedWordBytes where word.count == end - i {
                    var same = true
                    for k in 0..<word.count {
                        let c = field[i + k]
                        if (c < 0x80 ? c | 0x20 : c) != word[k] { same = false; break }
                    }
                    if same { return true }
                }
            }
            i = end
        }
        return false
    }

    /// `marksTotalsRow`'s first quick outs, inlined where it is called on every row: an empty
    /// field, one too long for a label, one without a letter (a number).
    @inline(__always)
    public static func mayMarkTotalsRow(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        !field.isEmpty && field.count <= 2 * longest && holdsLetter(field)
    }

    /// Whether the field holds an ASCII letter.
    @inline(__always)
    static func holdsLetter(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in field where (c | 0x20) &- UInt8(ascii: "a") < 26 { return true }
        return false
    }

    public static func holdsTotalWord(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { holdsTotalWord($0) }
    }

    public static func isSubtotal(_ field: String, under previous: String) -> Bool {
        var field = field, previous = previous
        return field.withUTF8 { f in previous.withUTF8 { isSubtotal(f, under: $0) } }
    }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
}
