/// A code Excel's *General* format wrote in scientific notation (`1.08854E+13`, `1E+13`): a
/// number of 12 digits or more shown with six significant digits, its last digits gone.
///
/// Read as a key, the three suture GTINs `10885403256017`, `...024` and `...031` all became
/// `1.08854E+13`: one series of 330 in October where 108 / 105 / 117 was right, and reorder
/// flagged the three real items dead stock, ordering 0 where 36 / 24 / 36 was right. Such a
/// value cannot be joined to anything, so a key column's row holding one is rejected, naming
/// the re-export that keeps the digits.
public enum ScientificCode {
    /// Whether `field` is so written: a digit, optionally a point and digits, `E+` and two or
    /// three digits, then the end. Checked from the end first (`E+nn`), so a code that is not
    /// costs two byte comparisons; `2E10` or `12E45` (no plus sign) stay codes.
    @inlinable
    public static func written(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = field.count
        guard n >= 5 else { return false }
        var e = n - 3
        if field[e] != UInt8(ascii: "+") { e -= 1 }
        guard e >= 2, field[e] == UInt8(ascii: "+"), field[e - 1] == UInt8(ascii: "E") || field[e - 1] == UInt8(ascii: "e") else { return false }
        for k in (e + 1)..<n where field[k] &- 48 > 9 { return false }
        guard field[0] &- 48 <= 9 else { return false }
        let mantissaEnd = e - 1
        if mantissaEnd == 1 { return true }
        guard mantissaEnd >= 3, field[1] == UInt8(ascii: ".") else { return false }
        for k in 2..<mantissaEnd where field[k] &- 48 > 9 { return false }
        return true
    }

    /// The rejection's reason for `field`.
    public static func reason(_ field: UnsafeBufferPointer<UInt8>) -> String {
        "'\(String(decoding: field, as: UTF8.self))' is a code Excel wrote in scientific notation: its last digits are lost, so different codes read as one; re-export the file with the column formatted as Text (or straight from the source system)"
    }
}
