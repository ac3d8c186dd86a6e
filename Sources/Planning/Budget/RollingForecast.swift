import Forecasting

/// The rows of budget_variance.csv for one fiscal year as of a month: booked months, fiscal
/// quarters and year to date as before, then every month and quarter of the forecast
/// horizon with basis `forecast`, and department `TOTAL` rows carrying every column.
///
/// A quarter with any month after as-of is a forecast row for the whole quarter (its booked
/// months plus its forecast months, against the whole quarter's budget), so a quarter never
/// appears twice. The year-to-date row carries the projected fiscal year, and its forecast
/// columns that projection's 80% range.
///
/// A line given a forecast volume (driver-based: forecast volume x forecast rate) flexes
/// its forecast months' budgets by that volume, so the projected variance splits into
/// volume and rate as a booked variance does.
public struct RollingForecast: Sendable {
    public var calendar: FiscalCalendar
    public var asOf: Int
    /// The months after as-of to forecast (see `FiscalCalendar.forecastMonths`).
    public var horizon: [Int]
    public var flagPercent = 5.0
    public var flagAmount = 5_000.0
    /// The months the budget has any line for; nil counts every month as budgeted. A forecast
    /// row whose months are all outside them (next fiscal year, not budgeted yet) is not
    /// flagged: its whole forecast read as an unfavorable variance against $0.
    public var budgetedMonths: Set<Int>?
    /// Booked months the ledger covers in part (`LedgerDays`): their rows, and the quarter's,
    /// the year to date's and the department totals' that count them, are flagged `partial`,
    /// not favorable or unfavorable. October's 18 days of 31 read every line 33-40% favorable
    /// and the lease -100%, an underspend that was the days missing from the extract.
    public var partialMonths: Set<Int> = []

    /// `partial` when `months` hold a partial month, else the variance's flag.
    func flagged(_ line: VarianceLine, over months: [Int]) -> String {
        months.contains(where: partialMonths.contains) ? Self.partial : flagged(line)
    }

    /// The flag of a row whose actual covers a month in part.
    public static let partial = "partial"

    /// Whether the budget of line `l` for `month` is known. A booked month's always is (spent
    /// without a budget is unbudgeted spend). A forecast month's is not when the budget file
    /// has no line for it (`budgetedMonths`), nor, in a fiscal year after as-of's, when the
    /// line was budgeted in as-of's year but has no budget row for the month while the file
    /// covers it for other lines: next year's budget loaded in part (salaries from position
    /// control first), the line not yet budgeted. Set against $0, review wb-2's cases/03 read
    /// $556,135 of expense "rate variance", $6,214,880 of favorable revenue and 96 flags in
    /// FY2027. A line never budgeted stays unbudgeted spend, set against $0 and flagged.
    public func budgetKnown(of l: Line, in month: Int) -> Bool {
        guard month > asOf, let budgeted = budgetedMonths else { return true }
        guard budgeted.contains(month) else { return false }
        guard calendar.fiscalYear(ofMonth: month) > fiscalYear, l.budget[month] == nil else { return true }
        return !calendar.months(ofFiscalYear: fiscalYear).contains { l.budget[$0] != nil }
    }

    /// The forecast months of `months` whose budget for `l` is not known (`budgetKnown`).
    public func unbudgeted(_ l: Line, _ months: [Int]) -> [Int] { months.filter { !budgetKnown(of: l, in: $0) } }

    public init(calendar: FiscalCalendar, asOf: Int, horizon: [Int]) {
        self.calendar = calendar
        self.asOf = asOf
        self.horizon = horizon
    }

    /// One department x account: amounts by month period, volumes by month, and the
    /// forecast of every horizon month.
    public struct Line: Sendable {
        public var department: String
        public var account: String
        public var accountType: VarianceLine.AccountType
        public var behavior: VarianceLine.Behavior
        public var budget: [Int: Double]
        public var actual: [Int: Double]
        public var budgetVolume: [Int: Double]
        public var actualVolume: [Int: Double]
        public var forecast: [Int: Projection]
        /// The department's forecast volume by month, when the line is projected driver-based.
        public var forecastVolume: [Int: Double] = [:]

        public init(department: String, account: String, accountType: VarianceLine.AccountType = .expense, behavior: VarianceLine.Behavior = .variable,
                    budget: [Int: Double] = [:], actual: [Int: Double] = [:], budgetVolume: [Int: Double] = [:], actualVolume: [Int: Double] = [:],
                    forecast: [Int: Projection] = [:]) {
            self.department = department
            self.account = account
            self.accountType = accountType
            self.behavior = behavior
            self.budget = budget
            self.actual = actual
            self.budgetVolume = budgetVolume
            self.actualVolume = actualVolume
            self.forecast = forecast
        }

        /// The line's fiscal-year budget.
        public func budget(of months: [Int]) -> Double { months.reduce(0) { $0 + (budget[$1] ?? 0) } }
    }

    public var fiscalYear: Int { calendar.fiscalYear(ofMonth: asOf) }
    var toDate: [Int] { calendar.months(ofFiscalYear: fiscalYear).filter { $0 <= asOf } }
    /// The fiscal year's months after as-of: what the projected fiscal year adds (forecast
    /// even when the horizon ends sooner).
    public var remaining: [Int] { calendar.months(ofFiscalYear: fiscalYear).filter { $0 > asOf } }
    /// Every month a line's forecast must cover: the horizon and the rest of the fiscal year.
    public var forecastMonths: [Int] { Array(Set(horizon).union(remaining)).sorted() }

    /// The projected fiscal year of a line: booked year to date plus the forecast rest.
    public func projectedFY(_ line: Line) -> Projection {
        Projection(amount: toDate.reduce(0) { $0 + (line.actual[$1] ?? 0) }) + Projection.sum(remaining.map { line.forecast[$0] ?? .zero })
    }

    func flagged(_ line: VarianceLine) -> String { line.flag(percent: flagPercent, amount: flagAmount) }

    /// A line's rows: booked months, forecast months, quarters, then year to date.
    public func rows(_ l: Line) -> [VarianceRow] {
        let months = Frequency.month
        // A variable line's month without the actual volume its department reports in others
        // is not flexed (`MonthsWithoutVolume`); a volume of 0 is a volume, and flexes to 0.
        func booked(_ month: Int) -> VarianceLine {
            let line = VarianceLine(department: l.department, account: l.account, period: months.label(month), budget: l.budget[month] ?? 0,
                                    actual: l.actual[month] ?? 0, budgetVolume: l.budgetVolume[month], actualVolume: l.actualVolume[month],
                                    accountType: l.accountType, behavior: l.behavior)
            return l.behavior == .variable && l.actualVolume[month] == nil && !l.actualVolume.isEmpty ? line.withoutActualVolume() : line
        }
        // Driver-based months flex the budget by forecast volume, as booked months do by actual.
        func projected(_ month: Int) -> VarianceLine {
            let volume = l.forecastVolume[month]
            return VarianceLine(department: l.department, account: l.account, period: months.label(month), budget: l.budget[month] ?? 0,
                                actual: l.forecast[month]?.amount ?? 0, budgetVolume: volume == nil ? nil : l.budgetVolume[month],
                                actualVolume: volume, accountType: l.accountType, behavior: l.behavior)
        }
        // A fixed line's flexed budget is its budget whatever the volume: its split is known
        // without a volume forecast (left out, the department's TOTAL rows lost theirs).
        let driven = !l.forecastVolume.isEmpty || l.behavior == .fixed
        let actualLines = toDate.map(booked)
        var rows = zip(toDate, actualLines).map { VarianceRow(line: $1, flag: flagged($1, over: [$0])) }
        for month in horizon {
            let line = projected(month)
            let known = budgetKnown(of: l, in: month)
            var row = VarianceRow(line: line, basis: .forecast, forecast: l.forecast[month] ?? .zero, flag: known ? flagged(line) : "")
            row.volumeForecast = driven
            row.budgeted = known
            rows.append(row)
        }
        // Quarters in order, each once: booked, or forecast when any of its months is ahead.
        var quarters: [String] = [], members: [String: [Int]] = [:]
        for month in toDate + horizon {
            let label = calendar.quarterLabel(ofMonth: month)
            if members[label] == nil { quarters.append(label) }
            members[label, default: []].append(month)
        }
        for label in quarters {
            let inQuarter = members[label] ?? []
            let ahead = inQuarter.filter { $0 > asOf }, past = inQuarter.filter { $0 <= asOf }
            if ahead.isEmpty {
                let line = VarianceLine.total(past.map(booked), department: l.department, account: l.account, period: label)
                rows.append(VarianceRow(line: line, flag: flagged(line, over: past)))
            } else {
                let line = VarianceLine.total(past.map(booked) + ahead.map(projected), department: l.department, account: l.account, period: label)
                let forecast = Projection(amount: past.reduce(0) { $0 + (l.actual[$1] ?? 0) }) + Projection.sum(ahead.map { l.forecast[$0] ?? .zero })
                // A quarter with any month whose budget is unknown is unknown as a whole: set
                // against the months budgeted only, cases/01's FY2027-Q1 (budget for July and
                // August) set $166,000 against three months' forecast, $252,661, and read ICU
                // 52.2% over where July and August alone are $2,394.94 (1.4%).
                let missing = unbudgeted(l, ahead)
                var row = VarianceRow(line: line, basis: .forecast, forecast: forecast, flag: missing.isEmpty ? flagged(line, over: past) : "")
                row.volumeForecast = driven
                row.budgeted = missing.isEmpty
                row.partlyBudgeted = !missing.isEmpty && missing.count < inQuarter.count
                rows.append(row)
            }
        }
        let ytd = VarianceLine.total(actualLines, department: l.department, account: l.account, period: calendar.ytdLabel(ofMonth: asOf))
        let fy = projectedFY(l)
        let annual = l.budget(of: calendar.months(ofFiscalYear: fiscalYear))
        var ytdRow = VarianceRow(line: ytd, forecast: fy, ytdBudget: ytd.budget, ytdActual: ytd.actual, forecastRemaining: fy.amount - ytd.actual,
                                 projectedFY: fy.amount, projectedVariance: fy.amount - annual, flag: flagged(ytd, over: toDate))
        // The whole year's split: booked and forecast months, plus the budget of months neither covers.
        let year = VarianceLine.total(actualLines + remaining.map(projected), department: l.department, account: l.account, period: "")
        ytdRow.projectedVolumeVariance = year.volumeVariance
        // (Months without a volume are neither: their variance is left out of both.)
        ytdRow.projectedRateVariance = (fy.amount - annual) - year.volumeVariance - (year.withoutVolume?.variance ?? 0)
        rows.append(ytdRow)
        return rows
    }

    /// Department `TOTAL` rows over the expense lines among `rows`, period by period in the
    /// order the lines list them, with every column summed (year to date and projection too).
    public func departmentTotals(_ rows: [VarianceRow]) -> [VarianceRow] {
        var periods: [String: [String]] = [:], byPeriod: [String: [String: [VarianceRow]]] = [:]
        for row in rows where row.line.accountType == .expense && row.line.account != "TOTAL" {
            let d = row.line.department, p = row.line.period
            if byPeriod[d]?[p] == nil { periods[d, default: []].append(p) }
            byPeriod[d, default: [:]][p, default: []].append(row)
        }
        func sum(_ parts: [Double?]) -> Double? { parts.contains { $0 != nil } ? parts.reduce(0) { $0 + ($1 ?? 0) } : nil }
        var totals: [VarianceRow] = []
        for department in byPeriod.keys.sorted() {
            for period in periods[department] ?? [] {
                let members = byPeriod[department]?[period] ?? []
                var line = VarianceLine.total(members.map(\.line), department: department, account: "TOTAL", period: period)
                line.budgetVolume = nil
                line.actualVolume = nil
                let forecasts = members.compactMap(\.forecast)
                var total = VarianceRow(line: line, basis: members.first?.basis ?? .actual,
                                        forecast: forecasts.isEmpty ? nil : Projection.acrossLines(forecasts),
                                        ytdBudget: sum(members.map(\.ytdBudget)), ytdActual: sum(members.map(\.ytdActual)),
                                        forecastRemaining: sum(members.map(\.forecastRemaining)), projectedFY: sum(members.map(\.projectedFY)),
                                        projectedVariance: sum(members.map(\.projectedVariance)),
                                        // Forecast rows whose budget is unknown are not flagged, nor is their total.
                                        flag: !members.allSatisfy(\.budgeted) || members.allSatisfy { $0.basis == .forecast && $0.flag.isEmpty } && line.budget == 0 ? ""
                                            : members.contains { $0.flag == Self.partial } ? Self.partial : flagged(line))
                total.volumeForecast = members.allSatisfy(\.volumeForecast)
                // Unknown when any line's budget for the period is: summed over the lines
                // budgeted only, cases/03's ICU FY2027-Q1 set salaries' $185,400 against every
                // expense line's forecast and read 36.3% over.
                total.budgeted = members.allSatisfy(\.budgeted)
                total.partlyBudgeted = !total.budgeted && members.contains { $0.budgeted || $0.partlyBudgeted }
                total.projectedVolumeVariance = sum(members.map(\.projectedVolumeVariance))
                total.projectedRateVariance = sum(members.map(\.projectedRateVariance))
                totals.append(total)
            }
        }
        return totals
    }
}
