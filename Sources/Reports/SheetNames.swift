/// Hands out valid, unique Excel sheet names: at most 31 characters, none of `[]:*?/\`,
/// no leading or trailing apostrophe, and not two alike in any case (Excel compares names
/// case-insensitively and refuses a workbook that repeats one).
struct SheetNames {
    private var taken: Set<String> = []

    mutating func claim(_ wanted: String) -> String {
        // Forbidden characters become spaces, runs of spaces one.
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? " " : $0 }).split(separator: " ").joined(separator: " ")
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        var name = String(base.prefix(Workbook.maximumSheetName))
        var n = 2
        // "History" is reserved by Excel for change tracking.
        while taken.contains(name.lowercased()) || name.lowercased() == "history" {
            let suffix = " (\(n))"
            name = String(base.prefix(Workbook.maximumSheetName - suffix.count)) + suffix
            n += 1
        }
        taken.insert(name.lowercased())
        return name
    }
}
