/// Dates written with points, day first (`01.03.2026`, `1.3.26`, `01.03.2026 07:00`): the way
/// of the countries whose exports group thousands with a point and mark decimals with a comma
/// (Germany, Austria, the Nordic countries, Eastern Europe). In a file separated by tabs or
/// bars, such dates are the one sign of the file's number layout: its `1.200` means 1,200 as
/// often as a US extract's `1,500` means 1,500, and read with a decimal point it was 1.2.
public enum DottedDates {
    /// Whether the field is a date written so: one or two digits, a point, one or two digits,
    /// a point, two or four digits, then the end or a space (before a time).
    public static func written(_ field: Substring.UTF8View) -> Bool {
        var i = field.startIndex
        while i < field.endIndex, field[i] == 0x20 { i = field.index(after: i) }
        func digits() -> Int {
            var n = 0
            while i < field.endIndex, field[i] &- 48 <= 9 { n += 1; i = field.index(after: i) }
            return n
        }
        func point() -> Bool {
            guard i < field.endIndex, field[i] == UInt8(ascii: ".") else { return false }
            i = field.index(after: i)
            return true
        }
        guard (1...2).contains(digits()), point(), (1...2).contains(digits()), point() else { return false }
        let year = digits()
        return (year == 2 || year == 4) && (i == field.endIndex || field[i] == 0x20)
    }

    /// Whether any field of the rows is a dotted date.
    public static func appear(in rows: [[String]]) -> Bool {
        rows.contains { $0.contains { written(Substring($0).utf8) } }
    }
}
