import Tabular

/// Ledger rows that are a report's subtotals rather than accounts: `Total Operating Expenses`
/// or `Subtotal - Salaries`, whose amount is the sum of the lines they total. Read as
/// accounts, they counted those lines twice: a department on budget at $18,000 read $30,000
/// and was projected $57,000 over. The import already refuses `Salaries Total` and `Grand
/// Total`, but a name beginning with the word can be an account (`Total Parenteral
/// Nutrition`), so these are told by their amount too.
///
/// A department's line is subtotals when its account begins with `Total`, `Totals` or
/// `Subtotal` (case and spacing aside) and in every month it has a row, the row's amount is,
/// to the cent, either
/// - the sum of the rows just above it in the file (one or more), back to the previous such row
///   or another department or month; or
/// - the sum of the department's other rows that month (two or more) not named so, or of
///   those of its sign (expenses beside revenue).
public enum SubtotalLines {
    /// Whether an account's name begins with a totals word.
    public static func isNamedAsTotal(_ account: String) -> Bool {
        let key = account.matchKey()
        return ["total", "totals", "subtotal", "subtotals", "sub total", "sub-total"].contains { word in
            key.hasPrefix(word) && (key.count == word.count || [" ", ":", "-"].contains(key.dropFirst(word.count).first.map(String.init) ?? ""))
        }
    }

    /// Which rows of a ledger to keep, its subtotal lines (`rows`) left out, and a note naming
    /// those; nil when it has none.
    public static func leftOut(of ledger: LedgerRows) -> (keep: [Bool], note: String)? {
        let d = ledger.department, a = ledger.account
        let subtotals = rows(department: d, account: a, month: ledger.month, amount: ledger.amount)
        guard !subtotals.isEmpty else { return nil }
        var keep = [Bool](repeating: true, count: d.count)
        for r in subtotals { keep[r] = false }
        var names: [String] = []
        for r in subtotals where !names.contains("\(d[r]) / \(a[r])") { names.append("\(d[r]) / \(a[r])") }
        return (keep, "\(NumberFormat.count(subtotals.count, "row")) of the actuals\(ledger.file) \(subtotals.count == 1 ? "is a subtotal" : "are subtotals"), each the sum of the lines above it or of its department's month (\(names.listed(upTo: 4))): left out, since summed with the lines they total they would count twice")
    }

    /// The rows (in file order, by column) that are subtotals.
    public static func rows(department: [String], account: [String], month: [Int], amount: [Double]) -> [Int] {
        struct Group: Hashable { var department: String, month: Int }
        struct Line: Hashable { var department: String, account: String }
        var named = [Bool](repeating: false, count: account.count), namedCache: [String: Bool] = [:]
        // The department's month's rows not named so, by sign: a P&L's `Total Operating
        // Expenses` is the sum of its expense rows, beside revenue rows of the other sign.
        var others: [Group: Int] = [:], positive: [Group: Double] = [:], negative: [Group: Double] = [:]
        for r in account.indices {
            if let known = namedCache[account[r]] { named[r] = known } else {
                named[r] = isNamedAsTotal(account[r])
                namedCache[account[r]] = named[r]
            }
            if !named[r] {
                let group = Group(department: department[r], month: month[r])
                others[group, default: 0] += 1
                if amount[r] > 0 { positive[group, default: 0] += amount[r] } else { negative[group, default: 0] += amount[r] }
            }
        }
        guard named.contains(true) else { return [] }
        func equal(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.005 }
        var matched: [Line: [Int]] = [:], unmatched = Set<Line>()
        var runStart = 0, runSum = 0.0
        for r in account.indices {
            if r > 0 && (department[r] != department[r - 1] || month[r] != month[r - 1]) { runStart = r; runSum = 0 }
            guard named[r] else { runSum += amount[r]; continue }
            // (A run of one row counts too: a line equal in every month to the one row above it
            // is that row's total, and the every-month rule keeps an account equal by chance.)
            let run = r - runStart
            let key = Group(department: department[r], month: month[r])
            let positiveSum = positive[key] ?? 0, negativeSum = negative[key] ?? 0
            let sameSign = amount[r] > 0 ? positiveSum : negativeSum
            let line = Line(department: department[r], account: account[r])
            if (run >= 1 && equal(amount[r], runSum)) || ((others[key] ?? 0) >= 2 && amount[r] != 0 && (equal(amount[r], positiveSum + negativeSum) || equal(amount[r], sameSign))) {
                matched[line, default: []].append(r)
            } else {
                unmatched.insert(line)
            }
            runStart = r + 1
            runSum = 0
        }
        return matched.filter { !unmatched.contains($0.key) }.values.flatMap { $0 }.sorted()
    }
}
