import Forecasting
import Tabular

/// A budget and a general ledger summed line by line and month by month, with each line's
/// account type and cost behavior and each department's volumes: what the variance sets
/// against each other.
///
/// Rows of one line and month are summed, as the files say: a budget split by sub-account
/// sums its parts. But a budget row pasted twice doubles its month, and two versions of the
/// budget in one export (original and revised) double it too, so both are counted and named
/// (`budgetRepeatNotes`).
public struct BudgetLedger: Sendable {
    /// Amounts by line and month.
    public private(set) var budget: [LedgerLine: [Int: Double]] = [:]
    public internal(set) var actual: [LedgerLine: [Int: Double]] = [:]
    /// Each line's account type as far as it is known (`settleAccountTypes`); an untyped line
    /// is an expense.
    public private(set) var accountTypes: [LedgerLine: VarianceLine.AccountType] = [:]
    /// Each line's cost behavior as the budget gives it (`behavior(of:)` for a line without one).
    public private(set) var behaviors: [LedgerLine: VarianceLine.Behavior] = [:]
    /// Each department's volume by month: the budget's and the ledger's, and a volumes file's
    /// over both (`flex(by:sharded:)`).
    public private(set) var budgetVolume: [String: [Int: Double]] = [:]
    public internal(set) var actualVolume: [String: [Int: Double]] = [:]
    /// Every line of the budget or the ledger, by department, then account.
    public let lines: [LedgerLine]
    /// The ledger's own account types, for the lines the budget types nowhere.
    var ledgerTypes: [LedgerLine: VarianceLine.AccountType] = [:]
    /// The behaviors of lines with no budget line, from the evidence (`settleBehaviors`).
    var unbudgetedBehaviors: [LedgerLine: VarianceLine.Behavior] = [:]
    /// The lines typed from the evidence (`UnbudgetedLineType`), which say nothing of the
    /// ledger's sign convention: a contra account is booked against its side's sign.
    var inferredTypes = Set<LedgerLine>()
    /// The type of each account whose budget lines agree on one (`settleAccountTypes`).
    var typeOfAccount: [String: VarianceLine.AccountType] = [:]
    /// Budget rows repeating an earlier row exactly, and line-months with rows of different
    /// amounts, each with the first one for the note.
    var repeatedBudgetRows = 0, firstRepeat: String?
    var lineMonthsTwice = 0, firstTwice: String?
    /// Actual volumes of 0 read as missing (`readZeroVolumes`), by department: the months
    /// `withoutVolumeNote` leaves to that note.
    var zeroVolumesMissing: [String: Set<Int>] = [:]

    /// Sums the rows; an account type or behavior that is none, or two volumes a department
    /// gives for one month, is an error.
    public init(budget: LedgerRows, actuals: LedgerRows) throws {
        let months = Frequency.month
        var budgetRowsSeen = Set<String>(), lineMonthsSeen = Set<String>(), lineMonthsTwice = Set<String>()
        for r in 0..<budget.count {
            let (department, account, month, amount) = (budget.department[r], budget.account[r], budget.month[r], budget.amount[r])
            let line = LedgerLine(department: department, account: account)
            let lineMonth = "\(department)\u{1F}\(account)\u{1F}\(month)"
            let whole = lineMonth + "\u{1F}\(amount)"
            if !budgetRowsSeen.insert(whole).inserted {
                repeatedBudgetRows += 1
                if firstRepeat == nil { firstRepeat = "\(department) / \(account) \(months.label(month)) \(NumberFormat.fixed(amount))" }
            } else if !lineMonthsSeen.insert(lineMonth).inserted, lineMonthsTwice.insert(lineMonth).inserted, firstTwice == nil {
                firstTwice = "\(department) / \(account) \(months.label(month))"
            }
            self.budget[line, default: [:]][month, default: 0] += amount
            if let parsed = try Self.accountType(budget.accountType?[r], of: line, in: "") { accountTypes[line] = parsed }
            if let b = budget.behavior?[r], !b.trimmed().isEmpty {
                guard let parsed = VarianceLine.Behavior(spelling: b) else {
                    throw BudgetVarianceError("behavior '\(b)' of \(department) / \(account) is not one of \(VarianceLine.Behavior.spellings.map(\.0).joined(separator: ", "))")
                }
                behaviors[line] = parsed
            }
            if let v = budget.volume?[r], v.isFinite { try Self.setVolume(&budgetVolume, department, month, v, in: "budget" + budget.file) }
        }
        self.lineMonthsTwice = lineMonthsTwice.count
        // The ledger's own account type, for lines the budget types nowhere: a grant booked
        // without a budget line was unbudgeted expense, a $60,000 overspend for $60,000 of revenue.
        for r in 0..<actuals.count {
            let line = LedgerLine(department: actuals.department[r], account: actuals.account[r])
            actual[line, default: [:]][actuals.month[r], default: 0] += actuals.amount[r]
            if let v = actuals.volume?[r], v.isFinite { try Self.setVolume(&actualVolume, actuals.department[r], actuals.month[r], v, in: "actuals" + actuals.file) }
            if let parsed = try Self.accountType(actuals.accountType?[r], of: line, in: " in the actuals") { ledgerTypes[line] = parsed }
        }
        lines = Set(self.budget.keys).union(actual.keys).sorted()
    }

    /// A row's account type, nil when blank. The import refuses other spellings; a table
    /// built in Swift gets the same answer.
    static func accountType(_ text: String?, of line: LedgerLine, in source: String) throws -> VarianceLine.AccountType? {
        guard let text, !text.trimmed().isEmpty else { return nil }
        guard let parsed = VarianceLine.AccountType(spelling: text) else {
            throw BudgetVarianceError("account_type '\(text)' of \(line.label)\(source) is not one of \(VarianceLine.AccountType.spellings.map(\.0).joined(separator: ", "))")
        }
        return parsed
    }

    /// A department's volume is one figure a month (patient days, visits), repeated on its
    /// lines; two different figures made the flexed budget depend on the rows' order, so they
    /// are an error naming `file` (`budget (budget.csv)`).
    static func setVolume(_ volumes: inout [String: [Int: Double]], _ department: String, _ month: Int, _ value: Double, in file: String) throws {
        if let earlier = volumes[department]?[month], abs(earlier - value) > 1e-9 * max(1, abs(value)) {
            throw BudgetVarianceError("the \(file) gives \(department) two volumes for \(Frequency.month.label(month)), \(NumberFormat.fixed(earlier)) and \(NumberFormat.fixed(value)); a department's volume is one figure a month: give the same on each of its lines")
        }
        volumes[department, default: [:]][month] = value
    }

    /// The departments and accounts the budget or the ledger names.
    public var departments: Set<String> { Set(lines.map(\.department)) }
    public var accounts: Set<String> { Set(lines.map(\.account)) }
    /// The accounts the budget types as revenue in every line of theirs.
    public var revenueAccounts: Set<String> { Set(typeOfAccount.filter { $0.value == .revenue }.keys) }

    /// Takes a volumes file's figures over the budget's and the ledger's, and returns what the
    /// reader should know: a daily file summed into months (`DailyVolumes`), departments the
    /// budget and the ledger never name (`Dept 1` beside the ledger's `D1` flexed nothing while
    /// the file read as accepted, in a budget director's review), and a file with one
    /// statistic only. A file with neither changes nothing, and is an error: every variance
    /// read "no volume to split it by" though the file was given.
    public mutating func flex(by volumes: VolumeRows, sharded: Bool) throws -> [String] {
        let (vb, va) = (volumes.budget, volumes.actual)
        guard vb != nil || va != nil else {
            throw BudgetVarianceError("the volumes\(volumes.file) have neither a budget_volume nor an actual_volume column, so they change nothing; map the file's statistics with --columns budget_volume=HEADER,actual_volume=HEADER (columns: in a pipeline), or leave the file out")
        }
        var notes: [String] = []
        var givenBudget: [String: [Int: Double]] = [:], givenActual: [String: [Int: Double]] = [:]
        if let days = volumes.days, let daily = DailyVolumes(departments: volumes.department, days: days, budget: vb, actual: va) {
            (givenBudget, givenActual) = (daily.budget, daily.actual)
            notes.append(daily.note(file: volumes.file))
        } else {
            for r in 0..<volumes.department.count {
                if let v = vb?[r], v.isFinite { try Self.setVolume(&givenBudget, volumes.department[r], volumes.month[r], v, in: "volumes" + volumes.file) }
                if let v = va?[r], v.isFinite { try Self.setVolume(&givenActual, volumes.department[r], volumes.month[r], v, in: "volumes" + volumes.file) }
            }
        }
        let ledgerDepartments = Set(budget.keys.map(\.department)).union(actual.keys.map(\.department))
        let strangers = Set(givenBudget.keys).union(givenActual.keys).subtracting(ledgerDepartments).sorted()
        if !strangers.isEmpty && !sharded {
            let spellings = NameSpellings(ledgerDepartments.sorted())
            let shown = strangers.prefix(5).map { name in "'\(name.clipped(40))'" + (spellings.likely(for: name).map { " (the ledger has '\($0.clipped(40))')" } ?? "") }
            notes.append("the volumes\(volumes.file) name \(strangers.count == 1 ? "a department" : "departments") the budget and actuals do not, so \(strangers.count == 1 ? "its volumes flex" : "their volumes flex") nothing: \(shown.listed(of: strangers.count)); spell \(strangers.count == 1 ? "it" : "them") as the ledger does")
        }
        // (Not when the budget or the ledger carries the other for every department given.)
        let othersCarried = vb == nil ? givenActual.keys.allSatisfy { !(budgetVolume[$0] ?? [:]).isEmpty }
            : givenBudget.keys.allSatisfy { !(actualVolume[$0] ?? [:]).isEmpty }
        if (vb == nil) != (va == nil) && !othersCarried {
            // Where the other statistic may be: in the volumes file under another header, or a
            // column of the budget (or ledger), whose role is `volume` (a budget's own
            // `budget_volume` column was mapped as `budget_volume=`, which names the volumes
            // file's role, and changed nothing).
            let (missing, other) = vb == nil ? ("budget_volume", "budget") : ("actual_volume", "actuals")
            notes.append("the volumes\(volumes.file) give \(vb == nil ? "actual_volume but no budget_volume" : "budget_volume but no actual_volume"), so only lines whose \(vb == nil ? "budget" : "ledger") carries the other split by volume; map the other statistic with --columns volumes.\(missing)=HEADER if the volumes file has it, or --columns \(other).volume=HEADER if the \(vb == nil ? "budget" : "ledger") has it (columns: on its import in a pipeline)")
        }
        for (department, byMonth) in givenBudget { budgetVolume[department, default: [:]].merge(byMonth) { _, given in given } }
        for (department, byMonth) in givenActual { actualVolume[department, default: [:]].merge(byMonth) { _, given in given } }
        return notes
    }

    /// A budget volume of 0 in a booked month with volume cannot flex a budget (no cost per
    /// unit to scale): its variable lines are held to the budget as it stands. The note says
    /// so (a budget director's review: left unflexed without a word); nil when none is.
    public func unflexedNote(through asOf: Int) -> String? {
        var unflexed: [String] = []
        for (department, byMonth) in budgetVolume.sorted(by: { $0.key < $1.key }) {
            let months = byMonth.filter { $0.value == 0 && $0.key <= asOf && (actualVolume[department]?[$0.key] ?? 0) > 0 }.keys.sorted()
            if !months.isEmpty { unflexed.append("\(department) " + months.map { Frequency.month.label($0) }.listed(upTo: 3, of: months.count)) }
        }
        guard !unflexed.isEmpty else { return nil }
        return "a budget volume of 0 in months with an actual volume (\(unflexed.listed(upTo: 5, of: unflexed.count))) cannot flex the budget, so those months' variable lines are held to the budget as it stands and their variance is not split by volume; give the budgeted volume"
    }

    /// Types the lines the budget leaves untyped. An account's type follows it into
    /// departments the budget gives no line for, when the budget's lines of the account agree
    /// on it: revenue booked by a department without a budget line is revenue, not unbudgeted
    /// expense. What is still untyped then takes the ledger's type (the budget's stands where
    /// it gives one).
    ///
    /// A line still untyped with no budget line takes the type the evidence gives
    /// (`UnbudgetedLineType`: the ledger's signs, its account number, its name), when the budget
    /// or the ledger types any line at all; the note names each line so typed, nil for none.
    @discardableResult
    public mutating func settleAccountTypes() -> String? {
        var mixedTypes = Set<String>()
        for (line, type) in accountTypes where typeOfAccount.updateValue(type, forKey: line.account) ?? type != type { mixedTypes.insert(line.account) }
        for account in mixedTypes { typeOfAccount[account] = nil }
        for line in lines where accountTypes[line] == nil && budget[line] == nil { accountTypes[line] = typeOfAccount[line.account] }
        for (line, type) in ledgerTypes where accountTypes[line] == nil { accountTypes[line] = type }
        let untyped = lines.filter { accountTypes[$0] == nil && budget[$0] == nil && actual[$0] != nil }
        guard !untyped.isEmpty, !accountTypes.isEmpty else { return nil }
        // The evidence, from the typed lines alone.
        let revenue = lines.filter { accountTypes[$0] == .revenue }
        let creditRevenue = !revenue.isEmpty && revenue.allSatisfy(isCredit)
        // Account numbers by department (a shard holds whole departments: the evidence is the
        // same in a shard as in the whole ledger), each read as its department's typed accounts
        // are written (`10-4100-000`'s natural account 4100).
        var segments: [String: [[Substring]]] = [:]
        for line in accountTypes.keys { segments[line.department, default: []].append(NaturalAccount.segments(line.account)) }
        var numbers: [String: [VarianceLine.AccountType: [Int: Set<Int>]]] = [:]
        for (line, type) in accountTypes {
            if let natural = NaturalAccount(line.account, typed: segments[line.department] ?? []) {
                numbers[line.department, default: [:]][type, default: [:]][natural.digits, default: []].insert(natural.number)
            }
        }
        var found: [(line: String, type: UnbudgetedLineType)] = [], unsettled: [String] = []
        for line in untyped {
            guard let inferred = UnbudgetedLineType.infer(account: line.account, amounts: actual[line] ?? [:], creditRevenue: creditRevenue,
                                                          revenueNumbers: numbers[line.department]?[.revenue] ?? [:], expenseNumbers: numbers[line.department]?[.expense] ?? [:],
                                                          typed: segments[line.department] ?? []) else { unsettled.append(line.label); continue }
            accountTypes[line] = inferred.type
            inferredTypes.insert(line)
            found.append((line.label, inferred))
        }
        return UnbudgetedLineType.note(found, unsettled: unsettled)
    }

    /// Whether a line is booked below zero in the budget and the ledger (one of them may be
    /// empty): revenue as credits.
    func isCredit(_ line: LedgerLine) -> Bool {
        let planned = (budget[line] ?? [:]).values.reduce(0, +), booked = (actual[line] ?? [:]).values.reduce(0, +)
        return planned <= 0 && booked <= 0 && (planned < 0 || booked < 0)
    }

    /// A line's cost behavior: the budget's, else variable for a budgeted line, and for one
    /// with no budget line the evidence's (`settleBehaviors`), else fixed. An unbudgeted line
    /// (consulting, a one-time repair) has no volume it was planned on: read as variable, a
    /// census scenario of +5% grew a consulting line by $1,308 (a finance review).
    public func behavior(of line: LedgerLine) -> VarianceLine.Behavior {
        behaviors[line] ?? (budget[line] == nil ? unbudgetedBehaviors[line] ?? .fixed : .variable)
    }

    /// The behaviors of the budget's lines, by account and department: the evidence for the
    /// unbudgeted lines of the account (`settleBehaviors`).
    public var budgetedBehaviors: [String: [String: VarianceLine.Behavior]] {
        var byAccount: [String: [String: VarianceLine.Behavior]] = [:]
        for line in budget.keys { byAccount[line.account.matchKey(), default: [:]][line.department] = behaviors[line] ?? .variable }
        return byAccount
    }

    /// The same from a budget's columns (a whole budget beside a shard's rows): a row's
    /// behavior (the last row's where they differ, as `init` reads them), or variable when its
    /// rows give none; a spelling that is none is skipped (the shard's own rows refuse it).
    public static func behaviors(departments: [String], accounts: [String], behaviors: [String]?) -> [String: [String: VarianceLine.Behavior]] {
        var byAccount: [String: [String: VarianceLine.Behavior]] = [:], given: [String: [String: VarianceLine.Behavior]] = [:]
        for r in departments.indices {
            let account = accounts[r].matchKey(), department = departments[r]
            if byAccount[account]?[department] == nil { byAccount[account, default: [:]][department] = .variable }
            if let text = behaviors?[r], !text.trimmed().isEmpty, let b = VarianceLine.Behavior(spelling: text) { given[account, default: [:]][department] = b }
        }
        for (account, byDepartment) in given { for (department, b) in byDepartment { byAccount[account]?[department] = b } }
        return byAccount
    }

    /// Gives each line with no budget line and no behavior the behavior the evidence gives
    /// (`UnbudgetedLineBehavior`), its account's budget lines read from `budgeted` (by account
    /// and department: the whole budget's in a shard, which holds some departments only, so
    /// that a line's behavior does not change with the split); the note names each line so
    /// given, nil for none.
    @discardableResult
    public mutating func settleBehaviors(budgeted: [String: [String: VarianceLine.Behavior]]? = nil) -> String? {
        let budgeted = budgeted ?? budgetedBehaviors
        var found: [(line: String, behavior: UnbudgetedLineBehavior)] = [], fixed = 0
        for line in lines where budget[line] == nil && behaviors[line] == nil && actual[line] != nil {
            let own = line.department.matchKey()
            let elsewhere = (budgeted[line.account.matchKey()] ?? [:]).filter { $0.key.matchKey() != own }
            guard let inferred = UnbudgetedLineBehavior.infer(account: line.account, elsewhere: elsewhere),
                  inferred.behavior == .variable || !elsewhere.isEmpty else { fixed += 1; continue }
            unbudgetedBehaviors[line] = inferred.behavior
            found.append((line.label, inferred))
        }
        return UnbudgetedLineBehavior.note(found, fixed: fixed)
    }

    /// Revenue booked as credits: when every revenue line is at or below zero in both the
    /// budget and the ledger (a trial balance's sign convention), their amounts are read with
    /// the signs turned and the note says so. Read as written, revenue 10% above a budget of
    /// -600,000 a month (-660,000) was a shortfall, every month flagged unfavorable, and the
    /// summary put it first among the largest unfavorable lines. When some revenue lines are
    /// positive, the negative ones are deductions (contractual allowances) and stay as they
    /// are: for them, more negative is rightly unfavorable.
    ///
    /// A ledger alone booking revenue as credits against a positive budget is turned too
    /// (`turnLedgerSigns`); `ledger` names its file for that note.
    public mutating func turnCreditRevenue(ledger: String = "") -> String? {
        // The typed lines decide, and every revenue line turns: contractual allowances typed
        // revenue by their number are debits in such a ledger, and counted as a sign that
        // revenue was not booked as credits, every line of it was read as written.
        let revenue = lines.filter { accountTypes[$0] == .revenue }, typed = revenue.filter { !inferredTypes.contains($0) }
        guard !typed.isEmpty else { return nil }
        guard typed.allSatisfy(isCredit) else { return turnLedgerSigns(ledger: ledger) }
        for line in revenue {
            budget[line] = budget[line]?.mapValues { -$0 }
            actual[line] = actual[line]?.mapValues { -$0 }
        }
        let inferred = revenue.count - typed.count
        let named = typed.count == 1 ? "the revenue line (\(typed[0].label)) is" : "all \(typed.count) revenue lines are"
        let with = inferred == 0 ? "" : " (and with \(typed.count == 1 ? "it" : "them") \(inferred == 1 ? "the line" : "the \(inferred) lines") typed revenue from the evidence)"
        return "\(named) booked below zero in both the budget and the ledger (revenue as credits): read with the signs turned\(with), so revenue shows as positive and more of it is favorable"
    }

    /// The lines whose every booked month through `asOf` has the opposite sign of their
    /// budget: a ledger exporting revenue as credits (`(310,000.00)` against a budget of
    /// 300,000) read as a shortfall of twice the revenue, without a word. `ledger` is the
    /// ledger's file as the note names it; nil when no line is so.
    public func oppositeSignsNote(through asOf: Int, ledger: String) -> String? {
        var opposite: [String] = []
        for line in lines {
            let planned = (budget[line] ?? [:]).values.reduce(0, +)
            let booked = (actual[line] ?? [:]).filter { $0.key <= asOf && $0.value != 0 }.map(\.value)
            guard planned != 0, !booked.isEmpty, booked.allSatisfy({ ($0 > 0) != (planned > 0) }) else { continue }
            opposite.append(line.label)
        }
        guard let first = opposite.first else { return nil }
        let count = opposite.count == 1 ? "1 line is" : "\(opposite.count) lines are"
        return "\(count) booked in every month with the opposite sign of the budget (\(first)\(opposite.count > 1 ? " and \(opposite.count - 1) more" : "")): the ledger\(ledger) likely exports revenue or credits as negative amounts, so each variance counts the amount twice; give the ledger and the budget the same sign"
    }

    /// The notes on budget rows summed that may count twice: rows of one line and month with
    /// different amounts (two versions of the budget), and rows repeating an earlier one
    /// exactly (a copy pasted twice).
    public var budgetRepeatNotes: [String] {
        var notes: [String] = []
        if let firstTwice {
            let count = lineMonthsTwice
            notes.append("\(count) department, account and month\(count == 1 ? " has" : "s have") budget rows with different amounts (first \(firstTwice)): summed; if the export holds two versions of the budget (original and revised), keep one")
        }
        if repeatedBudgetRows > 0, let firstRepeat {
            notes.append("\(repeatedBudgetRows) budget \(repeatedBudgetRows == 1 ? "row repeats" : "rows repeat") an earlier row exactly (department, account, month and amount; first \(firstRepeat)): summed; if \(repeatedBudgetRows == 1 ? "it is a copy" : "they are copies"), remove \(repeatedBudgetRows == 1 ? "it" : "them") from the budget")
        }
        return notes
    }

    /// Reads each closed department's months from its stop through `asOf` without a volume
    /// as a volume of 0 (`ClosedDepartment.volume`), so that they flex to 0 as a 0 written in
    /// the statistics file does: read as closed, a pediatrics unit's October to December
    /// were left unflexed, its -$1,512,498 quarter "neither" volume nor rate and named by a
    /// second note as months without a volume, where the file with its zeros split it
    /// -$1,473,498 volume and -$39,000 rate (its rent).
    public mutating func readClosed(_ closed: [String: ClosedDepartment], asOf: Int) {
        for (department, stop) in closed { actualVolume[department] = stop.volume(actualVolume[department] ?? [:], asOf: asOf) }
    }
}
