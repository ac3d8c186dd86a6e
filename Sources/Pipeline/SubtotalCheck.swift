import Tabular

/// Running sums of a usage import's rows, to tell a subtotal row whose name holds a total
/// word (`Total for 2025-01`, `Grand total - all items`; `TotalsLabel.holdsTotalWord`) from
/// an item whose name does (`Total Hip Kit`): a row matches when its quantity is the sum of
/// the rows above it since the previous subtotal (three rows at least), of its date's rows so
/// far, or of every row so far (two at least; one row equal to the next is no total). A label
/// that reads as an item's name (`namesAnItem`) is weighed against its whole date only, once
/// the file is read (`settle`). One monthly subtotal per month doubled the file's total and
/// was forecast as one more series. The name alone never rejects (`TotalsLabel.isLabel` does,
/// for a bare `Total`).
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
    /// Of those sums, the rows of labels read as items' names that equal their date's rows so
    /// far (`Total Issues` after the day's rows): a total below may sum the items without them.
    private var blockMaybeTotals = 0.0, allMaybeTotals = 0.0
    /// The sums, row counts and counts of rows other than zero of each date seen, indexed from `firstDay`.
    private var daySums: [Double] = [], dayRows: [Int32] = [], dayCounted: [Int32] = []
    private var firstDay = 0
    /// Per item weighed (numbered by the caller): rows that matched, and whether one missed.
    private var matched: [Int] = [], missed: [Bool] = []
    /// Per item: 1 when its label reads as an item's name (`namesAnItem`), 2 when not, 0 unseen.
    private var namesAnItem: [UInt8] = []
    /// Rows weighed by their date's sum when the file is read (`settle`): item, day, quantity.
    private var pending: [(item: Int, day: Int, value: Double)] = []
    /// Dates further apart than this are not tracked by date (a stray year 1900).
    private static let mostDays = 40_000

    /// Counts an ordinary row.
    mutating func add(day: CalendarDay, value: Double) {
        guard value.isFinite else { return }
        addAbove(value)
        if let slot = slot(Int(day.daysSinceEpoch)) {
            daySums[slot] += value
            dayRows[slot] += 1
            dayCounted[slot] += value != 0 ? 1 : 0
        }
    }

    /// Counts a row in the sums of the rows above (not in its date's: those hold ordinary rows).
    private mutating func addAbove(_ value: Double) {
        let counted = value != 0 ? 1 : 0
        block += value; blockRows += 1; blockCounted += counted
        all += value; allRows += 1; allCounted += counted
    }

    /// Weighs a row of item `item` (numbered from 0 by the caller), whose name holds a total
    /// word: what it sums, in words, when its quantity is such a sum (then it starts a new
    /// block and is not summed itself, unless `isSubtotal` says otherwise in the end); nil when
    /// it is no sum, and then it is counted as an ordinary row. A zero or missing quantity is
    /// neither.
    ///
    /// Its date's sum: a subtotal's label (`ICU Total`) against the date's rows so far; a label
    /// that reads as an item's name (`Total Hip Kit`, `namesAnItem`) against all the date's
    /// ordinary rows, once the whole file is read (`settle`). A date whose other rows hold one
    /// quantity other than zero is no evidence either way: a daily total on a Sunday with one
    /// issue equals it, and counted as a miss it made the whole "Daily Total" an item (the
    /// file's total doubled).
    mutating func weigh(item: Int, day: CalendarDay, value: Double, label: @autoclosure () -> String) -> String? {
        if item >= matched.count {
            matched += [Int](repeating: 0, count: item + 1 - matched.count)
            missed += [Bool](repeating: false, count: item + 1 - missed.count)
            namesAnItem += [UInt8](repeating: 0, count: item + 1 - namesAnItem.count)
        }
        if namesAnItem[item] == 0 { namesAnItem[item] = Self.namesAnItem(label()) ? 1 : 2 }
        guard value.isFinite, value != 0 else { return nil }
        let dayIndex = Int(day.daysSinceEpoch)
        if namesAnItem[item] == 1 {
            // `Total Hip Kit`: weighed against its whole date once the file is read (`settle`),
            // and in the sums above as an item meanwhile. Matched to the first rows of the file
            // (its stems) and left out of them, it broke the day's `Daily Total` below.
            pending.append((item, dayIndex, value))
            if let k = existingSlot(dayIndex), dayCounted[k] >= 1, Self.same(value, daySums[k]) {
                blockMaybeTotals += value
                allMaybeTotals += value
            }
            add(day: day, value: value)
            return "the other rows of \(day)"
        }
        var what: String?
        let slot = existingSlot(dayIndex)
        if blockCounted >= 3 && (Self.same(value, block) || (blockMaybeTotals != 0 && Self.same(value, block - blockMaybeTotals))) {
            what = "the \(blockRows) rows above it" + (blockRows == allRows ? "" : " since the previous total")
        } else if let k = slot, dayCounted[k] >= 2, Self.same(value, daySums[k]) {
            what = "the \(dayRows[k]) other rows of \(day)"
        } else if allCounted >= 2 && (Self.same(value, all) || (allMaybeTotals != 0 && Self.same(value, all - allMaybeTotals))) {
            what = "all \(allRows) rows above it"
        }
        if what != nil {
            matched[item] += 1
            block = 0; blockRows = 0; blockCounted = 0; blockMaybeTotals = 0
            return what
        }
        if let k = slot, dayCounted[k] == 1, Self.same(value, daySums[k]) {
            // The date's one issue: no evidence either way, and kept out of the sums above as
            // a subtotal would be (a grand total below it sums the items, not the day's total).
            block = 0; blockRows = 0; blockCounted = 0; blockMaybeTotals = 0
            return "the \(dayRows[k]) other rows of \(day)"
        }
        missed[item] = true
        add(day: day, value: value)
        return nil
    }

    /// Whether a label with a total word reads as an item's name: `Total` first, followed by a
    /// noun (`Total Hip Kit`, `Total Parenteral Nutrition kit`), where a subtotal's label puts
    /// its total word last (`ICU Total`, `Daily Total`), or writes `Total for 2025-01`, `Total
    /// - ICU`, `Subtotal ...`, `Grand total ...`. Such an item is weighed against its whole date
    /// (`settle`): listed after its stems A and B, a hip kit is their sum so far on most days.
    static func namesAnItem(_ label: String) -> Bool {
        // `Total` and a space, then a word: `Total - ICU` and `TOTAL: ICU` are subtotals.
        let trimmed = label.trimmed()
        guard trimmed.count > 6, trimmed.prefix(5).lowercased() == "total", trimmed.dropFirst(5).first == " " else { return false }
        let words = trimmed.dropFirst(6).split(separator: " ")
        guard let next = words.first, let letter = next.first, letter.isLetter, next.allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
        return !["for", "of", "to", "all", "by", "per", "from"].contains(next.lowercased())
    }

    /// Weighs the rows left to their date's sum, once every row is read. Idempotent.
    mutating func settle() {
        for (item, day, value) in pending {
            // Its date's sums hold the row itself (read as an item's until now).
            guard let k = existingSlot(day), Self.same(value, daySums[k] - value) else {
                missed[item] = true
                continue
            }
            if dayCounted[k] - 1 >= 2 { matched[item] += 1 }
        }
        pending = []
    }

    private static func same(_ value: Double, _ sum: Double) -> Bool { abs(value - sum) <= 1e-9 * max(1, abs(sum)) }

    /// Whether item `item` is a subtotal: every one of its rows with a quantity is a sum of
    /// rows, and one at least has one (after `settle`).
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
