import Tabular

/// The negative received quantities of an orders import (a receipt reversed, or units returned
/// to the vendor), held as read and judged once the whole file is: one its PO line's receipts
/// cover is kept and netted against them (`PurchaseOrderLines.reversedLines`); one they do not
/// is rejected, saying what a reversal needs.
///
/// Why: rejected outright ("'-100' is not a number of at least 0") while the receipt it
/// reversed was kept, a line received 100, reversed -100 and received 90 put 190 units on the
/// shelf for 90, and reorder skipped a needed $200 order with "1 rejected" as the only trace.
/// Kept unmatched, a reversal with no receipt to reverse would take stock off another line
/// or make a line's receipts negative.
///
/// A line is the rows with the same PO number, PO line, item, vendor, order date and ordered
/// quantity, as `PurchaseOrderLines` merges them; reversals are covered in file order by the
/// line's positive receipts, wherever they stand in the file.
struct ReceiptReversals {
    private var held: [(record: HeldRecord, row: Int)] = []
    /// The rows (places in the columns) rejected, for the import to take out of its columns.
    private(set) var rejectedRows = Set<Int>()

    var isEmpty: Bool { held.isEmpty }

    /// Holds the row kept at `row` of the columns, whose received quantity is below 0.
    mutating func hold(_ record: CSVRecord, row: Int) {
        held.append((HeldRecord(record), row))
    }

    /// The held rows no receipt of their line covers, as rejections of `column` (the received
    /// quantity's). `po` and `line` give a row's PO number and the rest of its line's identity,
    /// `received` its received quantity.
    mutating func rejections(rows: Int, column: Int?, po: (Int) -> String, line: (Int) -> String, received: (Int) -> Double) -> [LateRejection] {
        guard !held.isEmpty else { return [] }
        let wanted = Set(held.map { po($0.row) }).subtracting([""])
        var available: [String: Double] = [:]
        if !wanted.isEmpty {
            for row in 0..<rows where received(row) > 0 {
                let number = po(row)
                guard wanted.contains(number) else { continue }
                available[number + "\u{1F}" + line(row), default: 0] += received(row)
            }
        }
        var rejected: [LateRejection] = []
        for (record, row) in held {
            let number = po(row), units = -received(row)
            let key = number + "\u{1F}" + line(row)
            let covering = available[key] ?? 0
            if !number.isEmpty && covering >= units - 1e-9 {
                available[key] = covering - units
                continue
            }
            rejectedRows.insert(row)
            rejected.append(LateRejection(record: record, column: column, reason: Self.reason(units: units, po: number, covering: covering)))
        }
        return rejected
    }

    /// What the rejected reversal needs.
    static func reason(units: Double, po: String, covering: Double) -> String {
        let amount = NumberFormat.fixed(units)
        let what = "a negative received quantity (-\(amount)) is a receipt reversal or a return to the vendor, netted against its PO line's receipts"
        if po.isEmpty {
            return what + ", and this row has no PO number to find them by; export it with its PO number (and PO line), or leave it out of the export together with the receipt it reverses"
        }
        let found = covering > 0 ? "only \(NumberFormat.fixed(covering)) received on its line" : "no receipt of its line"
        return what + ": the export has \(found) (same po, po_line, item, vendor, order_date and quantity) to take \(amount) from; "
            + "export the receipt it reverses too, or leave the reversal out if that receipt is not in the export either"
    }
}
