extension DateParser {
    /// Whether a label names a month as a whole, without a day: `2026-07`, `2026/7`, `07/2026`,
    /// `2026M07`, `Jul 2026`, `July-26`, `JUL26`, `2026-Jul`. Such a label parses as the month's
    /// first day, so a month's total among daily rows would otherwise land on the 1st.
    public static func namesMonth(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        // Up to three runs of digits or letters (spaces and date separators between them are
        // skipped): each run's kind, length and start, without allocating.
        var kinds = (0, 0, 0), lengths = (0, 0, 0), starts = (0, 0, 0)
        var count = 0, i = 0
        while i < field.count {
            let b = field[i]
            var j = i + 1
            let kind: Int
            if b >= 48 && b <= 57 {
                while j < field.count, field[j] >= 48, field[j] <= 57 { j += 1 }
                kind = 1
            } else if isNameByte(b) {
                while j < field.count, isNameByte(field[j]) { j += 1 }
                kind = 2
            } else {
                guard isNameSeparator(b) else { return false }
                i = j
                continue
            }
            switch count {
            case 0: (kinds.0, lengths.0, starts.0) = (kind, j - i, i)
            case 1: (kinds.1, lengths.1, starts.1) = (kind, j - i, i)
            case 2: (kinds.2, lengths.2, starts.2) = (kind, j - i, i)
            default: return false
            }
            count += 1
            i = j
        }
        func isMonthName(_ start: Int, _ length: Int) -> Bool {
            var at = start
            return readMonthName(field, &at, start + length) > 0 && at == start + length
        }
        switch (count, kinds.0, kinds.1, kinds.2) {
        case (2, 1, 1, _):
            // A year of four digits beside a month of one or two.
            return (lengths.0 == 4 && lengths.1 <= 2) || (lengths.0 <= 2 && lengths.1 == 4)
        case (3, 1, 2, 1):
            // `2026M07`.
            return lengths.0 == 4 && lengths.2 <= 2 && lengths.1 == 1 && field[starts.1] | 0x20 == UInt8(ascii: "m")
        case (2, 2, 1, _):
            // A month's name, then a year of two or four digits.
            return (lengths.1 == 4 || lengths.1 == 2) && isMonthName(starts.0, lengths.0)
        case (2, 1, 2, _):
            // A year of four digits, then a month's name.
            return lengths.0 == 4 && isMonthName(starts.1, lengths.1)
        default:
            return false
        }
    }
}
