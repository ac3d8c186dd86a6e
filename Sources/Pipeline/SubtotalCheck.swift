import Tabular

/// Running sums of a usage import's rows, to tell a subtotal row whose name holds a total
/// word (`Total for 2025-01`, `Grand total - all items`; `TotalsLabel.holdsTotalWord`) from
/// an item whose name does (`Total Parenteral Nutrition kit`): the row is a subtotal only when
/// its quantity is the sum of the rows above it since the previous subtotal, of the rows of
/// its date read so far, or of every row so far, each of two rows at least (one row equal to
/// the next is no total). One monthly subtotal per month doubled the file's total and was
/// forecast as one more series. The name alone never rejects (`TotalsLabel.isLabel` does,
/// for a bare `Total`).
///
/// Sums of the rows above, not of the whole file: the import streams, so a totals row above
/// the rows it sums is read as an item. Per row it is two additions and an array slot.
struct SubtotalCheck {
    private var block = 0.0, blockRows = 0
    private var all = 0.0, allRows = 0
    /// The sums and row counts of each date seen, indexed from `firstDay`.
    private var daySums: [Double] = [], dayRows: [Int32] = []
    private var firstDay = 0
    /// Dates further apart than this are not tracked by date (a stray year 1900).
    private static let mostDays = 40_000

    /// Counts an ordinary row.
    mutating func add(day: CalendarDay, value: Double) {
        guard value.isFinite else { return }
        block += value; blockRows += 1
        all += value; allRows += 1
        if let slot = slot(Int(day.daysSinceEpoch)) {
            daySums[slot] += value
            dayRows[slot] += 1
        }
    }

    /// What a row named with a total word sums, in words, when its value is such a sum; nil
    /// when it is an ordinary row (then `add` it). A subtotal starts a new block.
    mutating func sums(day: CalendarDay, value: Double) -> String? {
        guard value.isFinite, value != 0 else { return nil }
        func same(_ sum: Double) -> Bool { abs(value - sum) <= 1e-9 * max(1, abs(sum)) }
        var what: String?
        if blockRows >= 2 && same(block) {
            what = "the \(blockRows) rows above it" + (blockRows == allRows ? "" : " since the previous total")
        } else if let k = existingSlot(Int(day.daysSinceEpoch)), dayRows[k] >= 2, same(daySums[k]) {
            what = "the \(dayRows[k]) other rows of \(day)"
        } else if allRows >= 2 && same(all) {
            what = "all \(allRows) rows above it"
        }
        if what != nil { block = 0; blockRows = 0 }
        return what
    }

    private func existingSlot(_ day: Int) -> Int? {
        let k = day - firstDay
        return daySums.isEmpty || k < 0 || k >= daySums.count ? nil : k
    }

    private mutating func slot(_ day: Int) -> Int? {
        if daySums.isEmpty { firstDay = day }
        var k = day - firstDay
        if k < 0 {
            guard daySums.count - k <= SubtotalCheck.mostDays else { return nil }
            daySums.insert(contentsOf: repeatElement(0, count: -k), at: 0)
            dayRows.insert(contentsOf: repeatElement(0, count: -k), at: 0)
            firstDay = day
            k = 0
        } else if k >= daySums.count {
            guard k < SubtotalCheck.mostDays else { return nil }
            let more = max(k + 1 - daySums.count, 64)
            daySums.append(contentsOf: repeatElement(0, count: more))
            dayRows.append(contentsOf: repeatElement(0, count: more))
        }
        return k
    }
}
