import Forecasting

/// Which months of a general-ledger export are closed.
public enum LedgerMonths {
    /// The month to report through when none is given: the last with actuals, unless it holds
    /// postings for under half the lines the month before it did (an early accrual, a few
    /// lines posted before the month closed), with a note saying so. Reported through such a
    /// month, every line not yet posted read as spending nothing in it and its forecast fell
    /// with it. `department`, `account` and `month` are the ledger's rows, column by column.
    public static func lastClosed(department: [String], account: [String], month: [Int]) -> (month: Int, note: String?) {
        guard let last = month.max() else { return (0, nil) }
        var lines: [Int: Set<String>] = [:]
        for r in month.indices where month[r] >= last - 1 { lines[month[r], default: []].insert(department[r] + "\u{1F}" + account[r]) }
        let posted = lines[last]?.count ?? 0, before = lines[last - 1]?.count ?? 0
        guard 2 * posted < before else { return (last, nil) }
        let label = Frequency.month.label(last), previous = Frequency.month.label(last - 1)
        return (last - 1, "\(label) has postings for \(posted) of the \(before) lines posted in \(previous), as if it had not closed: reported through \(previous) (--as-of \(label), as_of: in a pipeline, reports it)")
    }

    /// Months a line has no ledger row for although it is budgeted in them, other lines were
    /// booked in them and it was booked before: a journal posted elsewhere or not yet, or a
    /// line dropped from the export, more often than a month of no spending. Read as zero,
    /// one missing salaries month read as $50,000 favorable and took the projection $93,000
    /// under budget without a word, where a whole month missing was noted; a payroll not yet
    /// accrued in the last month did the same at the end of the year to date.
    ///
    /// - Parameters:
    ///   - booked: the months each line has ledger rows for, by line.
    ///   - budgeted: the budget by line and month.
    ///   - through: the last month reported.
    /// - Returns: each line's missing months, lines in the order of their keys' bytes.
    public static func lineGaps(booked: [String: Set<Int>], budgeted: [String: [Int: Double]], through last: Int) -> [(line: String, months: [Int])] {
        var anyLine = Set<Int>()
        for months in booked.values { anyLine.formUnion(months) }
        var gaps: [(line: String, months: [Int])] = []
        for (line, months) in booked {
            guard let first = months.min(), first < last, let budget = budgeted[line] else { continue }
            let missing = (first...last).filter { !months.contains($0) && anyLine.contains($0) && (budget[$0] ?? 0) != 0 }
            if !missing.isEmpty { gaps.append((line, missing)) }
        }
        return gaps.sorted { $0.line.utf8.lexicographicallyPrecedes($1.line.utf8) }
    }
}
