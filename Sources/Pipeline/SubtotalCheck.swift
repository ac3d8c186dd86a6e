import Tabular

/// Running sums of a usage import's rows, to tell a subtotal row whose name holds a total
/// word (`Total for 2025-01`, `Grand total - all items`; `TotalsLabel.holdsTotalWord`) from
/// an item whose name does (`Total Hip Kit`): a row matches when its quantity is the sum of
/// the rows above it since the previous subtotal (three rows at least), of the rows of its
/// date read so far, or of every row so far (two at least; one row equal to the next is no
/// total). One monthly subtotal per month doubled the file's total and was forecast as one
/// more series. The name alone never rejects (`TotalsLabel.isLabel` does, for a bare `Total`).
///
/// The evidence is weighed per item over the whole file (`isSubtotal`): an item is a subtotal
/// only when every one of its rows with a quantity matches. A hip kit of one stem A and one
/// stem B is their sum on most days, and matched; it was rejected day by day (696 of 2,920
/// rows) and forecast 0, though the days it misses show it is an item. A zero is no evidence
/// (`0 = 0 + 0` on a day nothing was used), nor is a zero row counted towards the rows a sum
/// needs; two rows summed by the block above matched a `Total Knee Kit` 30 = 10 + 20 by
/// chance, hence three.
///
/// Sums of the rows above, not of the whole file: the import streams, so a totals row above
/// the rows it sums is read as an item. Per row it is two additions and an array slot; only
/// the rows of an item holding a total word are weighed.
struct SubtotalCheck {
    /// Sums since the previous match and over all rows: total, rows, rows other than zero.
    private var block = 0.0, blockRows = 0, blockCounted = 0
    private var all = 0.0, allRows = 0, allCounted = 0
    /// The sums, row counts and counts of rows other than zero of each date seen, indexed from `firstDay`.
    private var daySums: [Double] = [], dayRows: [Int32] = [], dayCounted: [Int32] = []
    private var firstDay = 0
    /// Per item weighed (numbered by the caller): rows that matched, and whether one missed.
    private var matched: [Int] = [], missed: [Bool] = []
    /// Dates further apart than this are not tracked by date (a stray year 1900).
    private static let mostDays = 40_000

    /// Counts an ordinary row.
    mutating func add(day: CalendarDay, value: Double) {
        guard value.isFinite else { return }
        let counted = value != 0 ? 1 : 0
        block += value; blockRows += 1; blockCounted += counted
        all += value; allRows += 1; allCounted += counted
        if let slot = slot(Int(day.daysSinceEpoch)) {
            daySums[slot] += value
            dayRows[slot] += 1
            dayCounted[slot] += Int32(counted)
        }
    }

    /// Weighs a row of item `item` (numbered from 0 by the caller), whose name holds a total
    /// word: what it sums, in words, when its quantity is such a sum (then it starts a new
    /// block and is not summed itself, unless `isSubtotal` says otherwise in the end); nil when
    /// it is no sum, and then it is counted as an ordinary row. A zero or missing quantity is
    /// neither.
    mutating func weigh(item: Int, day: CalendarDay, value: Double) -> String? {
        if item >= matched.count {
            matched += [Int](repeating: 0, count: item + 1 - matched.count)
            missed += [Bool](repeating: false, count: item + 1 - missed.count)
        }
        guard value.isFinite, value != 0 else { return nil }
        func same(_ sum: Double) -> Bool { abs(value - sum) <= 1e-9 * max(1, abs(sum)) }
        var what: String?
        if blockCounted >= 3 && same(block) {
            what = "the \(blockRows) rows above it" + (blockRows == allRows ? "" : " since the previous total")
        } else if let k = existingSlot(Int(day.daysSinceEpoch)), dayCounted[k] >= 2, same(daySums[k]) {
            what = "the \(dayRows[k]) other rows of \(day)"
        } else if allCounted >= 2 && same(all) {
            what = "all \(allRows) rows above it"
        }
        if what != nil {
            matched[item] += 1
            block = 0; blockRows = 0; blockCounted = 0
        } else {
            missed[item] = true
            add(day: day, value: value)
        }
        return what
    }

    /// Whether item `item` is a subtotal: every one of its rows with a quantity is a sum of
    /// rows, and one at least has one.
    func isSubtotal(item: Int) -> Bool {
        item < matched.count && matched[item] > 0 && !missed[item]
    }

    /// A weighed row, kept until the whole file is read: then either rejected, its item being
    /// a subtotal, or read as the item's row. `what` is what its quantity sums (nil when no sum,
    /// zero or missing).
    struct Held {
        let item: Int
        let record: HeldRecord
        let value: Double
        let what: String?

        /// Its rejection, naming `label` (the item) in `column`.
        func rejection(_ label: String, column: Int?) -> LateRejection {
            LateRejection(record: record, column: column, reason: InputSchema.subtotalSumReason(label, value: value, sums: what))
        }
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
            dayCounted.insert(contentsOf: repeatElement(0, count: -k), at: 0)
            firstDay = day
            k = 0
        } else if k >= daySums.count {
            guard k < SubtotalCheck.mostDays else { return nil }
            let more = max(k + 1 - daySums.count, 64)
            daySums.append(contentsOf: repeatElement(0, count: more))
            dayRows.append(contentsOf: repeatElement(0, count: more))
            dayCounted.append(contentsOf: repeatElement(0, count: more))
        }
        return k
    }
}
