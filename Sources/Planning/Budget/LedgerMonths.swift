import Forecasting
import Tabular

/// Which months of a general-ledger export are closed.
public enum LedgerMonths {
    /// The month to report through when none is given: the last month of the ledger in which
    /// some line posted, leaving out the months after it that hold
    /// - nothing but zeros: a fiscal-year export carries the months not yet closed as 0.00,
    ///   and reported through June every line read as spending nothing since December;
    /// - nothing but amounts against each line's usual sign: accruals reversed on the first of
    ///   the next month made a month of credits alone the report's month, every expense line
    ///   under budget by its whole month and its forecast pulled down by the reversal;
    ///
    /// and then the last of them too when it holds postings for under half the lines the month
    /// before it did (an early accrual, a few lines posted before the month closed). Reported
    /// through such a month, every line not yet posted read as spending nothing in it and its
    /// forecast fell with it. Each month left out is named in the note.
    ///
    /// A line posts in a month when its net amount there is not zero and has the sign of the
    /// line's whole ledger. `department`, `account`, `month` and `amount` are the ledger's rows,
    /// column by column.
    public static func lastClosed(department: [String], account: [String], month: [Int], amount: [Double]) -> (month: Int, note: String?) {
        guard let last = month.max() else { return (0, nil) }
        var net: [String: [Int: Double]] = [:]
        for r in month.indices { net[department[r] + "\u{1F}" + account[r], default: [:]][month[r], default: 0] += amount[r] }
        var posted: [Int: Int] = [:], against: Set<Int> = []
        for months in net.values {
            let postings = postedMonths(months)
            for m in postings { posted[m, default: 0] += 1 }
            for (m, value) in months where abs(value) > 0.005 && !postings.contains(m) { against.insert(m) }
        }
        guard var chosen = posted.keys.max() else { return (last, nil) }
        var said: [String] = []
        if chosen < last {
            let after = (chosen + 1)...last
            let reversals = after.filter(against.contains)
            let span = after.count == 1 ? Frequency.month.label(last) : "\(Frequency.month.label(chosen + 1)) to \(Frequency.month.label(last))"
            said.append(reversals.isEmpty
                ? "\(span) \(after.count == 1 ? "holds" : "hold") nothing but zeros, months exported before they closed"
                : "\(span) \(after.count == 1 ? "holds" : "hold") no posting but amounts against their lines' usual sign (reversals of accruals, \(reversals.map(Frequency.month.label).joined(separator: ", ")))")
        }
        let now = posted[chosen] ?? 0, before = posted[chosen - 1] ?? 0
        if 2 * now < before {
            said.append("\(Frequency.month.label(chosen)) has postings for \(now) of the \(before) lines posted in \(Frequency.month.label(chosen - 1)), as if it had not closed")
            chosen -= 1
        }
        guard !said.isEmpty else { return (last, nil) }
        return (chosen, said.joined(separator: "; ") + ": reported through \(Frequency.month.label(chosen)) (--as-of \(Frequency.month.label(chosen + 1)), as_of: in a pipeline, reports it)")
    }

    /// The last month of a ledger dated by the day, and its last day, when its rows stop a week
    /// or more before that month ends: an extract taken on the 15th holds half the month, and
    /// read as a booked month it turned a department $1,800 over budget into $11,885 under.
    /// A ledger is dated by the day when its rows fall on eight days of the month or more
    /// (`daysOfMonth`; an export of month totals dated on the 1st or the last day is not, nor
    /// are a few journals). Only when the rows' own days are not known: otherwise `LedgerDays`
    /// judges the month by the ledger's posting days (four weekdays short is partial too).
    public static func partialLastMonth(lastDay last: CalendarDay, daysOfMonth: Int) -> Int? {
        let month = Frequency.month.period(of: last)
        let end = Frequency.month.firstDay(of: month + 1).adding(days: -1)
        guard daysOfMonth >= 8, end.daysSinceEpoch - last.daysSinceEpoch >= 7 else { return nil }
        return month
    }

    /// Months whose every row of the ledger appears k times or a multiple of k (k of 2 or more),
    /// the same department, account and amount: a month exported k times and appended. Summed
    /// as the file says, a doubled September took a department on budget to $6,000 over and its
    /// projection $24,000 over, without a word, where the budget's repeated rows are counted.
    /// Rows of the ledger by column; the months in order with the rows each holds and k. A
    /// ledger dated by the day (`day`) repeats a row only on the same day: a payroll posted on
    /// the 15th and on the last day, the same amounts twice a month, was called a month
    /// exported twice, and keeping one copy would have halved it.
    public static func repeated(department: [String], account: [String], month: [Int], amount: [Double], day: [CalendarDay]? = nil) -> [(month: Int, rows: Int, copies: Int)] {
        struct Row: Hashable { var department: String, account: String, month: Int, day: Int32, amount: Double }
        var count: [Row: Int] = [:]
        for r in month.indices {
            let posted = day.map { $0[r].daysSinceEpoch } ?? 0
            count[Row(department: department[r], account: account[r], month: month[r], day: posted, amount: amount[r]), default: 0] += 1
        }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        var rows: [Int: Int] = [:], copies: [Int: Int] = [:]
        for (row, n) in count {
            rows[row.month, default: 0] += n
            copies[row.month] = gcd(copies[row.month] ?? n, n)
        }
        return rows.filter { (copies[$0.key] ?? 1) >= 2 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value, copies[$0.key]!) }
    }

    /// The months a line posted in, from its net amount by month: those not zero and of the
    /// line's usual sign, the sign most of its months have (the whole ledger's on a tie). A 0.00
    /// exported for a month not yet booked, and a month of reversals alone (an accrual reversed
    /// on the 1st), are no postings. By the whole ledger's sign alone, one refund larger than a
    /// year of $1,000 months made the refund the line's only posting, read as a one-off, and
    /// the line was projected at $0 (a review of the budget proposal).
    public static func postedMonths(_ net: [Int: Double]) -> Set<Int> {
        let filled = net.filter { abs($0.value) > 0.005 }
        let positive = filled.values.filter { $0 > 0 }.count, negative = filled.count - positive
        let usual = positive != negative ? Double(positive - negative) : net.values.reduce(0, +)
        return Set(filled.filter { abs(usual) <= 0.005 || ($0.value > 0) == (usual > 0) }.keys)
    }

    /// Months a line did not post in (no ledger row, a 0.00, or reversals alone: see
    /// `postedMonths`) although it is budgeted in them, other lines posted in them and it
    /// posted before: a journal posted elsewhere or not yet, or a line dropped from the export,
    /// more often than a month of no spending. Read as zero,
    /// one missing salaries month read as $50,000 favorable and took the projection $93,000
    /// under budget without a word, where a whole month missing was noted; a payroll not yet
    /// accrued in the last month did the same at the end of the year to date.
    ///
    /// - Parameters:
    ///   - booked: the months each line posted in (`postedMonths`), by line.
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

    /// Budgeted lines with no posting in the fiscal year so far (those budgeted to date only in
    /// departments that have ledger rows: a department with none is a matter of its own; those
    /// budgeted only ahead in any, a unit that opens later included): projected at $0, such a
    /// line reads favorable by its whole budget (an annual fee not yet invoiced read as a
    /// saving), and one budgeted only in the months ahead (maintenance from March) leaves its
    /// budget out of the projection, each without a word.
    ///
    /// - Parameters:
    ///   - booked: the months each line of the ledger posted in (`postedMonths`), by line;
    ///     every line with ledger rows has a key, posting or not.
    ///   - budgeted: the budget by line and month.
    ///   - yearToDate, ahead: the fiscal year's months through the report's month, and after it.
    /// - Returns: the lines budgeted to date with that budget, and those budgeted only ahead
    ///   with their first budgeted month and budget; each in the order of the keys' bytes.
    public static func unposted(booked: [String: Set<Int>], budgeted: [String: [Int: Double]], yearToDate: [Int], ahead: [Int])
        -> (toDate: [(line: String, budget: Double)], ahead: [(line: String, first: Int, budget: Double)]) {
        func department(_ line: String) -> Substring { line.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
        let departments = Set(booked.keys.map(department))
        var toDate: [(line: String, budget: Double)] = [], later: [(line: String, first: Int, budget: Double)] = []
        for (line, byMonth) in budgeted {
            guard !(booked[line] ?? []).contains(where: yearToDate.contains) else { continue }
            let budget = yearToDate.reduce(0) { $0 + (byMonth[$1] ?? 0) }
            let months = ahead.filter { (byMonth[$0] ?? 0) != 0 }
            // A department the ledger lacks with a budget to date has a note of its own; one
            // budgeted only ahead (a unit opening after as-of) is listed here like any line:
            // left out, it was projected at $0 without a word.
            if abs(budget) >= 0.005 {
                guard departments.contains(department(line)) else { continue }
                toDate.append((line, budget))
            } else if let first = months.first, (booked[line] ?? []).isEmpty {
                // A line that posted in earlier years has history to project from (a flu
                // clinic budgeted October to March, as of September, after two seasons): it
                // was said to have none, to be projected at $0, beside a forecast of $1.1M.
                later.append((line, first, months.reduce(0) { $0 + byMonth[$1]! }))
            }
        }
        return (toDate.sorted { $0.line.utf8.lexicographicallyPrecedes($1.line.utf8) },
                later.sorted { $0.line.utf8.lexicographicallyPrecedes($1.line.utf8) })
    }

    /// Lines budgeted in one month of the fiscal year only, at or before `last`, that posted in
    /// three months or more of it: a year's amount put in its first month while the ledger
    /// books it month by month. Maintenance at $120,000 in July and $10,000 a month booked read
    /// $70,000 under budget to November, and every month after July unfavorable as unbudgeted.
    /// Each line with its budget month and amount, in the order of the keys' bytes.
    public static func budgetedInOneMonth(booked: [String: Set<Int>], budgeted: [String: [Int: Double]], fiscalYear months: [Int], through last: Int)
        -> [(line: String, month: Int, budget: Double, postedMonths: Int)] {
        var found: [(line: String, month: Int, budget: Double, postedMonths: Int)] = []
        for (line, byMonth) in budgeted {
            let inYear = months.filter { (byMonth[$0] ?? 0) != 0 }
            guard inYear.count == 1, inYear[0] <= last else { continue }
            let posted = (booked[line] ?? []).filter { months.contains($0) && $0 <= last }.count
            if posted >= 3 { found.append((line, inYear[0], byMonth[inYear[0]]!, posted)) }
        }
        return found.sorted { $0.line.utf8.lexicographicallyPrecedes($1.line.utf8) }
    }

    /// Whether a line that stopped (`stopped`, its amounts by month) and the lines that began
    /// in `month` (`started`) are surely one line renamed, so that the old is projected at $0:
    /// the new ones have posted in two months or more through `last`, and their usual month
    /// (the sum of their medians) is within half to twice the old one's. A payroll accrual late
    /// in the report's month beside a new $300 equipment line read as Salaries renamed and was
    /// projected at $0, $350,000 under; such a match is named but the old line still projected.
    public static func isSurelyRenamed(stopped: [Int: Double], started: [[Int: Double]], month: Int, through last: Int) -> Bool {
        guard month <= last - 1 else { return false }
        func median(_ amounts: [Int: Double]) -> Double {
            Median.of(sorted: amounts.filter { $0.key <= last && abs($0.value) > 0.005 }.values.sorted())
        }
        let old = median(stopped), new = started.reduce(0) { $0 + median($1) }
        guard old != 0, (old > 0) == (new > 0) else { return false }
        let ratio = new / old
        return ratio >= 0.5 && ratio <= 2
    }

    /// Keys of a department's name; two names that share one may be one respelled: the same
    /// first word of three digits or more (the cost centre's number, `6030 Med-Surg 4E` and
    /// `6030 Med Surg 4 East`; `3 North` and `3 South` are two units), or the same letters and
    /// digits. Every department books Supplies and Salaries: a new clinic's Supplies beginning
    /// as another unit's stopped is no renaming.
    static func alikeKeys(_ department: Substring) -> [String] {
        func firstWord(_ s: Substring) -> String { s.split(separator: " ").first.map { $0.lowercased() } ?? "" }
        let code = firstWord(department), letters = String(department.lowercased().filter { $0.isLetter || $0.isNumber })
        return (code.count >= 3 && code.allSatisfy(\.isNumber) ? ["#" + code] : []) + (letters.isEmpty ? [] : ["=" + letters])
    }

    /// Budgeted lines that stopped posting before `last`, though budgeted after, while lines
    /// with no budget began in the month after, in the same department, or of the same account
    /// in a department named alike (`alikeKeys`) or in the one department that began that month
    /// with the accounts of the stopped line's whole department as it stopped: most often one line renamed (a department
    /// respelled mid-year, `6030 Med-Surg 4E` as `6030 Med Surg 4 East`, renamed, `4 West` as
    /// `4W Med Surg`, or an account renumbered, 6100 as 6105). Both were projected, the old from
    /// its history, and the projection overstated by the old line's (a third of the salaries'
    /// projection in a review). Lines are keys of the department and account joined by the unit
    /// separator; each stopped line with the lines that began, in the order of the keys' bytes.
    public static func continuations(booked: [String: Set<Int>], budgeted: [String: [Int: Double]], through last: Int) -> [(stopped: String, started: [String], month: Int)] {
        func parts(_ line: String) -> (department: Substring, account: Substring) {
            let p = line.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            return (p.first ?? "", p.count > 1 ? p[1] : "")
        }
        func hasBudget(_ line: String) -> Bool { budgeted[line]?.values.contains { $0 != 0 } ?? false }
        // Lines with no budget by the month they began: by department, and by account and the
        // keys a department named alike shares (`alikeKeys`), so that each stopped line looks
        // up its candidates instead of scanning them (a chart of accounts remapped at once
        // renames thousands of lines in one month).
        struct Began {
            var byDepartment: [Substring: [String]] = [:]
            var byAccountAlike: [String: [String]] = [:]
        }
        var began: [Int: Began] = [:]
        for (line, months) in booked where !hasBudget(line) {
            guard let first = months.min() else { continue }
            let (department, account) = parts(line)
            began[first, default: Began()].byDepartment[department, default: []].append(line)
            for key in alikeKeys(department) { began[first, default: Began()].byAccountAlike[key + "\u{1F}" + account, default: []].append(line) }
        }
        // Each department's first and last month posted, the accounts it posted by month, and
        // whether it has any budget.
        var span: [Substring: ClosedRange<Int>] = [:], budgetedDepartments = Set<Substring>()
        var accounts: [Substring: [Int: Set<Substring>]] = [:]
        for (line, months) in booked {
            guard let first = months.min(), let end = months.filter({ $0 <= last }).max() else { continue }
            let (department, account) = parts(line)
            span[department] = span[department].map { min($0.lowerBound, first)...max($0.upperBound, end) } ?? first...end
            for month in months { accounts[department, default: [:]][month, default: []].insert(account) }
        }
        for line in budgeted.keys where hasBudget(line) { budgetedDepartments.insert(parts(line).department) }
        /// The one department with no budget that began posting in `month`, the month after
        /// `department` posted its last, with every account (two or more) `department` posted
        /// then: the department renamed. Nil when none does, or several (a reorganisation that
        /// no one department's accounts tell apart); one account alike is too little to tell a
        /// rename from a new unit (a clinic's salaries).
        var movedTo: [Substring: Substring?] = [:]
        func moved(_ department: Substring, in month: Int) -> Substring? {
            if let known = movedTo[department] { return known }
            var found: Substring?
            if span[department]?.upperBound == month - 1, let ending = accounts[department]?[month - 1], ending.count >= 2 {
                for other in began[month]?.byDepartment.keys.sorted() ?? [] where !budgetedDepartments.contains(other) && span[other]?.lowerBound == month {
                    guard ending.isSubset(of: accounts[other]?[month] ?? []) else { continue }
                    if found != nil { found = nil; break }
                    found = other
                }
            }
            movedTo[department] = .some(found)
            return found
        }
        var pairs: [(stopped: String, started: [String], month: Int)] = []
        for (line, months) in booked where hasBudget(line) {
            // A line that stopped with its budget (equipment budgeted to September) has ended,
            // not moved.
            guard let end = months.filter({ $0 <= last }).max(), end < last,
                  budgeted[line]?.contains(where: { $0.key > end && $0.key <= last && $0.value != 0 }) == true else { continue }
            let (department, account) = parts(line)
            let next = began[end + 1]
            var successors = next?.byDepartment[department] ?? []
            for key in alikeKeys(department) {
                successors += (next?.byAccountAlike[key + "\u{1F}" + account] ?? []).filter { parts($0).department != department }
            }
            if let other = moved(department, in: end + 1) {
                successors += (next?.byDepartment[other] ?? []).filter { parts($0).account == account }
            }
            successors = Array(Set(successors))
            if !successors.isEmpty { pairs.append((line, successors.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, end + 1)) }
        }
        return pairs.sorted { $0.stopped.utf8.lexicographicallyPrecedes($1.stopped.utf8) }
    }
}
