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
}
