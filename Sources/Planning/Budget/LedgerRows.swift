import Tabular

/// The rows of a budget or a general-ledger export, column by column, as the variance reads
/// them: each row's department, account, month (a `Frequency.month` period) and amount, and
/// the columns a budget or a ledger may add. Read and checked once where the file is read, so
/// that the variance (`BudgetVariance`) works on names and numbers rather than on tables.
public struct LedgerRows: Sendable {
    public var department: [String]
    public var account: [String]
    public var month: [Int]
    public var amount: [Double]
    /// `account_type` as written (`Expense`, `Revenue`), or nil without the column.
    public var accountType: [String]?
    /// `behavior` as written (`Variable`, `Fixed`); the variance reads the budget's only.
    public var behavior: [String]?
    /// In a shard, the behaviors of the whole budget's lines by account (`matchKey`) and
    /// department (`BudgetLedger.settleBehaviors`); nil to read the rows' own.
    public var wholeBehaviors: [String: [String: VarianceLine.Behavior]]?
    /// `volume`: the department's statistic for the month (patient days), on each of its lines.
    public var volume: [Double]?
    /// Whether the budget labels its fiscal years (a `fiscal_year` column): a budget of twelve
    /// months from another month than the fiscal start then says nothing of the calendar.
    public var labelsFiscalYears = false
    /// For rows dated by the day, the last day and how many days of its month the rows fall on:
    /// an extract that stops part-way through a month (`LedgerMonths.partialLastMonth`).
    public var lastDay: (day: CalendarDay, daysOfMonth: Int)?
    /// Each row's posting day, for a ledger dated by the day (rows on more than one day of a
    /// month); nil for one of months.
    public var day: [CalendarDay]?
    /// The whole file's distinct posting days, for a ledger dated by the day, when the rows are
    /// a shard of it: whether its first and last months are whole is the file's to say
    /// (`LedgerDays`), not a shard's, or the figures would change with the shard split. Nil
    /// reads them from `day`.
    public var postingDays: [CalendarDay]?
    /// The file the rows come from as notes and errors name it, ` (gl_actuals.csv)`, or empty.
    public var file: String

    public init(department: [String], account: [String], month: [Int], amount: [Double], file: String = "") {
        self.department = department
        self.account = account
        self.month = month
        self.amount = amount
        self.file = file
    }

    public var count: Int { department.count }

    /// The days the ledger posts on, when it is dated by the day (`LedgerDays`).
    public var ledgerDays: LedgerDays? {
        if let postingDays { return LedgerDays(postingDays) }
        return day.flatMap { LedgerDays($0) }
    }

    /// The rows where `keep` is true, every column with them.
    public func filtered(_ keep: [Bool]) -> LedgerRows {
        func kept<T>(_ values: [T]) -> [T] { zip(values, keep).compactMap { $1 ? $0 : nil } }
        var rows = self
        (rows.department, rows.account, rows.month, rows.amount) = (kept(department), kept(account), kept(month), kept(amount))
        rows.accountType = accountType.map(kept)
        rows.behavior = behavior.map(kept)
        rows.volume = volume.map(kept)
        rows.day = day.map(kept)
        return rows
    }
}
