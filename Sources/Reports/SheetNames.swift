/// Hands out valid, unique Excel sheet names: at most 31 UTF-16 code units, none of
/// `[]:*?/\`, no leading or trailing apostrophe, and not two alike in any case (Excel
/// compares names case-insensitively and refuses a workbook that repeats one).
struct SheetNames {
    private var taken: Set<String> = []

    /// A name for `wanted`; `part` 2 and on (a long sheet's continuation) get ` (2)` and on.
    mutating func claim(_ wanted: String, part: Int = 1) -> String {
        // Forbidden characters become spaces, runs of spaces one.
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? " " : $0 }).split(separator: " ").joined(separator: " ")
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        var n = max(2, part)
        var name = part > 1 ? SheetNames.prefix(base, utf16Units: Workbook.maximumSheetName - " (\(n))".utf16.count) + " (\(n))"
            : SheetNames.prefix(base, utf16Units: Workbook.maximumSheetName)
        if part > 1 { n += 1 }
        // "History" is reserved by Excel for change tracking.
        while taken.contains(name.lowercased()) || name.lowercased() == "history" {
            let suffix = " (\(n))"
            name = SheetNames.prefix(base, utf16Units: Workbook.maximumSheetName - suffix.utf16.count) + suffix
            n += 1
        }
        taken.insert(name.lowercased())
        return name
    }

    /// The longest run of whole characters from the start of `text` that fits in `limit`
    /// UTF-16 code units, the unit Excel counts a sheet name's length in. Cut by characters
    /// (Swift's `prefix`), `Pédiatrie Réanimation Néonatale` with its accents decomposed was
    /// 31 characters but 35 code points, which libxlsxwriter refused (failing the whole run),
    /// and 31 styled letters such as `𝐌𝐞𝐝` were 56 units, a name Excel "repaired" on open.
    /// A character is never split (an accent stays on its letter); a single character longer
    /// than the limit (a letter under dozens of combining marks) is cut by code points.
    static func prefix(_ text: String, utf16Units limit: Int) -> String {
        var units = 0
        var kept = ""
        for character in text {
            let width = character.utf16.count
            guard units + width <= limit else { break }
            units += width
            kept.append(character)
        }
        // A cut can end on an apostrophe, which Excel refuses at either end of a name.
        while kept.count > 1, kept.hasSuffix("'") { kept.removeLast() }
        if kept.isEmpty, !text.isEmpty {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                guard units + scalar.utf16.count <= limit else { break }
                units += scalar.utf16.count
                scalars.append(scalar)
            }
            kept = String(scalars)
        }
        return kept
    }
}
