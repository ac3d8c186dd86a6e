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
    static let totalWords = ["total", "totals", "subtotal", "subtotals", "sub total", "sub-total"]

    /// Whether an account's name begins with a totals word, or ends with one after a name
    /// (`6100 Medical Supplies Total`, as Excel's Subtotal command writes it).
    public static func isNamedAsTotal(_ account: String) -> Bool {
        let key = account.matchKey()
        return totalWords.contains { word in
            key.hasPrefix(word) && (key.count == word.count || [" ", ":", "-"].contains(key.dropFirst(word.count).first.map(String.init) ?? ""))
        } || totalled(key) != nil
    }

    /// The account a line named as its total names (`matchKey`): `Total 6100 Medical Supplies`
    /// and `6100 Medical Supplies Total` both total `6100 medical supplies`; nil for a name
    /// without one (`Total`, `Total: all`).
    static func totalled(_ key: String) -> String? {
        for word in totalWords {
            if key.hasPrefix(word + " ") || key.hasPrefix(word + ":") || key.hasPrefix(word + " -") {
                var rest = Substring(key.dropFirst(word.count))
                while let c = rest.first, c == " " || c == ":" || c == "-" { rest.removeFirst() }
                if !rest.isEmpty { return String(rest) }
            }
            if key.hasSuffix(" " + word) {
                var rest = Substring(key.dropLast(word.count + 1))
                while let c = rest.last, c == " " || c == ":" || c == "-" { rest.removeLast() }
                if !rest.isEmpty { return String(rest) }
            }
        }
        return nil
    }

    /// Which rows of a ledger to keep, its subtotal lines (`rows`) left out, and a note naming
    /// those and the lines named like a total that were read as accounts; nil when there is
    /// nothing to say. A line the budget lists as a line of its own (`budget`, department and
    /// account as `matchKey`) is an account whatever its amounts: an orthopedic OR budgets
    /// `Total Hip Implants` (total hip arthroplasty) beside `Hip Implants`.
    public static func leftOut(of ledger: LedgerRows, budget: LedgerRows? = nil) -> (keep: [Bool], note: String)? {
        let d = ledger.department, a = ledger.account
        let budgeted = budget.map { b in Set(b.department.indices.map { BudgetedLine(department: b.department[$0].matchKey(), account: b.account[$0].matchKey()) }) } ?? []
        func isBudgeted(_ r: Int) -> Bool { !budgeted.isEmpty && budgeted.contains(BudgetedLine(department: d[r].matchKey(), account: a[r].matchKey())) }
        var subtotals: [Int] = [], keptBudgeted: [Int] = []
        for r in rows(department: d, account: a, month: ledger.month, amount: ledger.amount) {
            if isBudgeted(r) { keptBudgeted.append(r) } else { subtotals.append(r) }
        }
        let accountTotals = Set(accountTotalsNotAddingUp(department: d, account: a, month: ledger.month, amount: ledger.amount))
        let unsummed = accountTotals.subtracting(subtotals).subtracting(keptBudgeted).sorted()
        guard !subtotals.isEmpty || !unsummed.isEmpty || !keptBudgeted.isEmpty else { return nil }
        var keep = [Bool](repeating: true, count: d.count)
        for r in subtotals { keep[r] = false }
        func named(_ rows: [Int]) -> String {
            var names: [String] = []
            for r in rows where !names.contains("\(d[r]) / \(a[r])") { names.append("\(d[r]) / \(a[r])") }
            return names.listed(upTo: 4)
        }
        var notes: [String] = []
        if !subtotals.isEmpty {
            notes.append("\(NumberFormat.count(subtotals.count, "row")) of the actuals\(ledger.file) \(subtotals.count == 1 ? "is a subtotal" : "are subtotals"), each the sum of the lines above it\(subtotals.contains(where: accountTotals.contains) ? ", of its department's month or of the account it names over the export" : " or of its department's month") (\(named(subtotals))): left out, since summed with the lines they total they would count twice")
        }
        if !unsummed.isEmpty {
            notes.append("\(NumberFormat.count(unsummed.count, "row")) of the actuals\(ledger.file) \(unsummed.count == 1 ? "looks" : "look") like the total of an account of \(unsummed.count == 1 ? "its" : "their") department (\(named(unsummed))) but \(unsummed.count == 1 ? "does" : "do") not add up to that account's lines: read as \(unsummed.count == 1 ? "an account" : "accounts")\(unsummed.contains(where: isBudgeted) ? " (the budget lists \(unsummed.count == 1 ? "it" : "them") as lines of their own)" : ""); if they are totals, leave total rows out of the export")
        }
        if !keptBudgeted.isEmpty {
            notes.append("\(NumberFormat.count(keptBudgeted.count, "row")) of the actuals\(ledger.file) \(keptBudgeted.count == 1 ? "adds" : "add") up like a subtotal (\(named(keptBudgeted))) but the budget lists \(keptBudgeted.count == 1 ? "it as a line of its own" : "them as lines of their own"): read as \(keptBudgeted.count == 1 ? "an account" : "accounts")")
        }
        return (keep, notes.joined(separator: "; "))
    }

    struct BudgetedLine: Hashable { var department: String, account: String }

    /// Lines named as the total of an account of their department (`Total 6100 Medical
    /// Supplies` beside `6100 Medical Supplies`, or `6100 Medical Supplies Total`), in file
    /// order, whatever their amount. They are left out only when `rows` finds them a sum (a
    /// report writer's total of the account over the export, dated at its end); the others are
    /// accounts named like totals and read as data. Dropped whatever their amount, an
    /// orthopedic OR's `Total Hip Implants` (total hip arthroplasty, $126,900 a month beside
    /// `Hip Implants` $38,450) and `Total Knee Implants` lost $832,200 of a quarter's
    /// $1,040,000, reading $20,000 over budget as $812,200 favorable.
    public static func accountTotalsNotAddingUp(department: [String], account: [String], month: [Int], amount: [Double]) -> [Int] {
        struct Line: Hashable { var department: String, account: String }
        var keys: [String: String] = [:]
        func key(_ a: String) -> String {
            if let k = keys[a] { return k }
            let k = a.matchKey()
            keys[a] = k
            return k
        }
        var accounts = Set<Line>()
        for r in account.indices where !isNamedAsTotal(account[r]) { accounts.insert(Line(department: department[r], account: key(account[r]))) }
        return account.indices.filter { r in
            guard isNamedAsTotal(account[r]), let named = totalled(key(account[r])) else { return false }
            return accounts.contains(Line(department: department[r], account: named))
        }
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
        // Each department's account's lines so far: `Total 6100 Medical Supplies` on the
        // export's last day totals that account over the whole range of the export.
        var accountSoFar: [Line: Double] = [:], keys: [String: String] = [:]
        func key(_ a: String) -> String {
            if let k = keys[a] { return k }
            let k = a.matchKey()
            keys[a] = k
            return k
        }
        for r in account.indices {
            if r > 0 && (department[r] != department[r - 1] || month[r] != month[r - 1]) { runStart = r; runSum = 0 }
            guard named[r] else {
                runSum += amount[r]
                accountSoFar[Line(department: department[r], account: key(account[r])), default: 0] += amount[r]
                continue
            }
            if let totalled = totalled(key(account[r])), let sum = accountSoFar[Line(department: department[r], account: totalled)], equal(amount[r], sum) {
                matched[Line(department: department[r], account: account[r]), default: []].append(r)
                runStart = r + 1
                runSum = 0
                continue
            }
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
