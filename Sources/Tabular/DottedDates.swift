/// Dates written with points, day first (`01.03.2026`, `1.3.26`, `01.03.2026 07:00`): the way
/// of the countries whose exports group thousands with a point and mark decimals with a comma
/// (Germany, Austria, the Nordic countries, Eastern Europe). In a file separated by tabs or
/// bars, such dates are the one sign of the file's number layout: its `1.200` means 1,200 as
/// often as a US extract's `1,500` means 1,500, and read with a decimal point it was 1.2.
public enum DottedDates {
    /// Whether the field is a date written so: a day of 1 to 31, a point, a month of 1 to 12,
    /// a point, a year of two or four digits, then the end or a space (before a time). Codes
    /// such as `10.20.30` or `45.67.89` are not.
    public static func written(_ field: Substring.UTF8View) -> Bool {
        var i = field.startIndex
        while i < field.endIndex, field[i] == 0x20 { i = field.index(after: i) }
        func number() -> (value: Int, digits: Int) {
            // Digits past the fifth decide nothing (no part of such a date has more than four)
            // and are only counted: a field of 20 nines overflowed an Int and crashed the import.
            var value = 0, digits = 0
            while i < field.endIndex, field[i] &- 48 <= 9 {
                if digits < 5 { value = value * 10 + Int(field[i] &- 48) }
                digits += 1
                i = field.index(after: i)
            }
            return (value, digits)
        }
        func point() -> Bool {
            guard i < field.endIndex, field[i] == UInt8(ascii: ".") else { return false }
            i = field.index(after: i)
            return true
        }
        let day = number()
        guard (1...2).contains(day.digits), (1...31).contains(day.value), point() else { return false }
        let month = number()
        guard (1...2).contains(month.digits), (1...12).contains(month.value), point() else { return false }
        let year = number()
        return (year.digits == 2 || year.digits == 4) && (i == field.endIndex || field[i] == 0x20)
    }

    /// Whether one of `columns` of the rows holds such dates (`fill`).
    public static func appear(in rows: [[String]], columns: [Int]) -> Bool {
        columns.contains { column in fill(rows.compactMap { column < $0.count ? $0[column] : nil }) }
    }

    /// Whether most of a column's values are such dates (four in five of those not empty):
    /// one dotted code among other fields decides nothing.
    public static func fill(_ column: [String]) -> Bool {
        let values = column.filter { !$0.trimmed().isEmpty }
        let dotted = values.filter { written(Substring($0).utf8) }.count
        return dotted > 0 && 5 * dotted >= 4 * values.count
    }
}
