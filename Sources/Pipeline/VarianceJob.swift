import Forecasting
import Planning
import Reports
import Tabular

/// Budget vs actual vs projected, per department x account: months, fiscal quarters and year
/// to date, flexed by volume, with the rest of the fiscal year forecast from each line's own
/// history. Shared by `quartermaster variance` and the `variance` stage.
public struct VarianceJob: Sendable {
    public var calendar = FiscalCalendar()
    /// Last month with actuals to report (month period); nil = the last month in the actuals.
    public var asOf: Int?
    /// Flag lines whose |variance| is at least this share of budget and this amount.
    public var flagPercent = 5.0
    public var flagAmount = 5_000.0
    public var threads = 2
    public var quiet = true

    public init() {}

    public struct Result: Sendable {
        public var rows: [Row]
        public var asOf: Int
        public var fiscalYear: Int
        public var annualBudget: Double
        public var projectedLow: Double
        public var projectedHigh: Double
    }

    public struct Row: Sendable {
        public var line: VarianceLine
        public var ytdBudget: Double?
        public var ytdActual: Double?
        public var forecastRemaining: Double?
        public var projectedFY: Double?
        public var projectedVariance: Double?
        public var flag: String
    }

    struct Key: Hashable, Comparable {
        var department: String
        var account: String
        static func < (a: Key, b: Key) -> Bool { (a.department, a.account) < (b.department, b.account) }
    }

    public func run(budget: Table, actuals: Table, volumes: Table?) throws -> Result {
        let months = Frequency.month
        func monthColumn(_ table: Table, _ name: String, _ what: String) throws -> [Int] {
            guard let texts = table.texts(name) else { throw PipelineError(location: nil, "variance: the \(what) table has no '\(name)' column") }
            let parser = DateParser()
            return try texts.map { text in
                guard let day = parser.parse(text) else { throw PipelineError(location: nil, "variance: '\(text)' in \(what) is not a month") }
                return months.period(of: day)
            }
        }
        func required(_ table: Table, _ name: String, _ what: String) throws -> [String] {
            guard let v = table.texts(name) else { throw PipelineError(location: nil, "variance: the \(what) table has no '\(name)' column") }
            return v
        }
        let bDept = try required(budget, "department", "budget"), bAcct = try required(budget, "account", "budget")
        let bMonth = try monthColumn(budget, "period", "budget")
        guard let bAmount = budget.numbers("amount") else { throw PipelineError(location: nil, "variance: the budget needs a numeric amount column") }
        let aDept = try required(actuals, "department", "actuals"), aAcct = try required(actuals, "account", "actuals")
        let aMonth = try monthColumn(actuals, "period", "actuals")
        guard let aAmount = actuals.numbers("amount") else { throw PipelineError(location: nil, "variance: the actuals need a numeric amount column") }
        guard let lastActual = aMonth.max() else { throw PipelineError(location: nil, "variance: the actuals are empty") }
        let asOf = self.asOf ?? lastActual
        let fy = calendar.fiscalYear(ofMonth: asOf)
        let fyMonths = calendar.months(ofFiscalYear: fy)
        let toDate = fyMonths.filter { $0 <= asOf }

        // Amounts by line and month; volumes by department and month.
        var budgetBy: [Key: [Int: Double]] = [:], actualBy: [Key: [Int: Double]] = [:]
        var types: [Key: VarianceLine.AccountType] = [:], behaviors: [Key: VarianceLine.Behavior] = [:]
        var budgetVolume: [String: [Int: Double]] = [:], actualVolume: [String: [Int: Double]] = [:]
        let bType = budget.texts("account_type"), bBehavior = budget.texts("behavior"), bVolume = budget.numbers("volume")
        for r in 0..<bDept.count {
            let key = Key(department: bDept[r], account: bAcct[r])
            budgetBy[key, default: [:]][bMonth[r], default: 0] += bAmount[r]
            // The import refuses other spellings; a table built in Swift gets the same answer.
            if let t = bType?[r], !t.trimmed().isEmpty {
                guard let parsed = VarianceLine.AccountType(spelling: t) else {
                    throw PipelineError(location: nil, "variance: account_type '\(t)' of \(key.department) / \(key.account) is not one of \(VarianceLine.AccountType.spellings.map(\.0).joined(separator: ", "))")
                }
                types[key] = parsed
            }
            if let b = bBehavior?[r], !b.trimmed().isEmpty {
                guard let parsed = VarianceLine.Behavior(spelling: b) else {
                    throw PipelineError(location: nil, "variance: behavior '\(b)' of \(key.department) / \(key.account) is not one of \(VarianceLine.Behavior.spellings.map(\.0).joined(separator: ", "))")
                }
                behaviors[key] = parsed
            }
            if let v = bVolume?[r], v.isFinite { budgetVolume[bDept[r], default: [:]][bMonth[r]] = v }
        }
        let aVolume = actuals.numbers("volume")
        for r in 0..<aDept.count {
            let key = Key(department: aDept[r], account: aAcct[r])
            actualBy[key, default: [:]][aMonth[r], default: 0] += aAmount[r]
            if let v = aVolume?[r], v.isFinite { actualVolume[aDept[r], default: [:]][aMonth[r]] = v }
        }
        if let volumes, let vDept = volumes.texts("department") {
            let vMonth = try monthColumn(volumes, "period", "volumes")
            let vb = volumes.numbers("budget_volume"), va = volumes.numbers("actual_volume")
            for r in 0..<vDept.count {
                if let v = vb?[r], v.isFinite { budgetVolume[vDept[r], default: [:]][vMonth[r]] = v }
                if let v = va?[r], v.isFinite { actualVolume[vDept[r], default: [:]][vMonth[r]] = v }
            }
        }

        let keys = Set(budgetBy.keys).union(actualBy.keys).sorted()
        // Forecast the rest of the fiscal year from each line's actual history, in parallel.
        let remaining = fyMonths.filter { $0 > asOf }
        var totals = PeriodTotals(frequency: .month)
        for (i, key) in keys.enumerated() {
            for (month, amount) in actualBy[key] ?? [:] where month <= asOf {
                var id = String(i)
                id.withUTF8 { totals.add(key: $0, day: months.firstDay(of: month), value: amount) }
            }
        }
        var projections: [Int: (sum: Double, variance: Double)] = [:]
        if !remaining.isEmpty && totals.seriesCount > 0 {
            // Lines whose last actual is before as-of still forecast from as-of: pad with zeros.
            let steps = remaining.count + max(0, asOf - totals.lastPeriod)
            let forecaster = DemandForecaster(settings: ForecastSettings(horizon: steps, season: 12, levels: [80], backtestOrigins: 0, nonNegative: false))
            try ParallelForecast.each(totals, forecaster: forecaster, threads: threads, progress: Progress(label: "variance: forecast", total: totals.seriesCount, quiet: quiet)) { id, _, f in
                let tail = Array(f.mean.suffix(remaining.count)), spread = Array(f.spread.suffix(remaining.count))
                projections[Int(id) ?? -1] = (tail.reduce(0, +), spread.reduce(0) { $0 + $1 * $1 })
            }
        }

        var rows: [Row] = []
        var departmentLines: [String: [String: [VarianceLine]]] = [:]   // department -> period -> lines
        var annualBudget = 0.0, projectedSum = 0.0, projectedVariance = 0.0
        for (i, key) in keys.enumerated() {
            let type = types[key] ?? .expense, behavior = behaviors[key] ?? .variable
            func line(_ month: Int) -> VarianceLine {
                VarianceLine(department: key.department, account: key.account, period: months.label(month),
                             budget: budgetBy[key]?[month] ?? 0, actual: actualBy[key]?[month] ?? 0,
                             budgetVolume: budgetVolume[key.department]?[month], actualVolume: actualVolume[key.department]?[month],
                             accountType: type, behavior: behavior)
            }
            let monthly = toDate.map(line)
            var periodLines = monthly
            for quarter in 1...4 {
                let inQuarter = zip(toDate, monthly).filter { calendar.fiscalQuarter(ofMonth: $0.0) == quarter }.map(\.1)
                guard !inQuarter.isEmpty else { continue }
                periodLines.append(VarianceLine.total(inQuarter, department: key.department, account: key.account, period: "FY\(fy)-Q\(quarter)"))
            }
            let ytd = VarianceLine.total(monthly, department: key.department, account: key.account, period: "FY\(fy)-YTD")
            let annual = fyMonths.reduce(0) { $0 + (budgetBy[key]?[$1] ?? 0) }
            let projection = projections[i] ?? (0, 0)
            let projected = ytd.actual + projection.sum
            annualBudget += type == .expense ? annual : 0
            if type == .expense { projectedSum += projected; projectedVariance += projection.variance }
            for l in periodLines { rows.append(Row(line: l, flag: flag(l))) }
            rows.append(Row(line: ytd, ytdBudget: ytd.budget, ytdActual: ytd.actual, forecastRemaining: projection.sum,
                            projectedFY: projected, projectedVariance: projected - annual, flag: flag(ytd)))
            for l in periodLines + [ytd] where type == .expense {
                departmentLines[key.department, default: [:]][l.period, default: []].append(l)
            }
        }
        // Department totals over expense accounts.
        for (department, byPeriod) in departmentLines.sorted(by: { $0.key < $1.key }) {
            for (period, lines) in byPeriod.sorted(by: { $0.key < $1.key }) {
                var total = VarianceLine.total(lines, department: department, account: "TOTAL", period: period)
                total.budgetVolume = nil
                total.actualVolume = nil
                rows.append(Row(line: total, flag: flag(total)))
            }
        }
        let z = 1.2815515655446004 * projectedVariance.squareRoot()
        return Result(rows: rows, asOf: asOf, fiscalYear: fy, annualBudget: annualBudget,
                      projectedLow: projectedSum - z, projectedHigh: projectedSum + z)
    }

    func flag(_ l: VarianceLine) -> String {
        l.flag(percent: flagPercent, amount: flagAmount)
    }

    public static let header = ["department", "account", "period", "budget", "actual", "variance", "variance_pct", "favorable",
                                "flexed_budget", "volume_variance", "rate_variance", "ytd_budget", "ytd_actual", "forecast_remaining",
                                "projected_fy", "projected_variance", "flag"]

    /// budget_variance.csv, unfavorable flags first within each department, then by account and period.
    public static func table(_ result: Result) -> Table {
        let rows = result.rows
        func money(_ x: Double?) -> Double { x.map { ($0 * 100).rounded() / 100 } ?? .nan }
        return Table([
            ("department", .text(rows.map(\.line.department))), ("account", .text(rows.map(\.line.account))),
            ("period", .text(rows.map(\.line.period))), ("budget", .number(rows.map { money($0.line.budget) })),
            ("actual", .number(rows.map { money($0.line.actual) })), ("variance", .number(rows.map { money($0.line.variance) })),
            ("variance_pct", .number(rows.map { $0.line.variancePercent.map { ($0 * 10).rounded() / 10 } ?? .nan })),
            ("favorable", .text(rows.map { $0.line.favorable ? "true" : "false" })),
            ("flexed_budget", .number(rows.map { money($0.line.flexedBudget) })),
            ("volume_variance", .number(rows.map { money($0.line.volumeVariance) })),
            ("rate_variance", .number(rows.map { money($0.line.rateVariance) })),
            ("ytd_budget", .number(rows.map { money($0.ytdBudget) })), ("ytd_actual", .number(rows.map { money($0.ytdActual) })),
            ("forecast_remaining", .number(rows.map { money($0.forecastRemaining) })), ("projected_fy", .number(rows.map { money($0.projectedFY) })),
            ("projected_variance", .number(rows.map { money($0.projectedVariance) })), ("flag", .text(rows.map(\.flag))),
        ])
    }

    /// budget_variance.md: the executive summary, variance by department, the lines that
    /// matter, then quarters by department.
    public static func report(_ result: Result, calendar: FiscalCalendar, numbers: NumberStyle = NumberStyle()) -> Report {
        let fy = "FY\(result.fiscalYear)"
        let ytdTotals = result.rows.filter { $0.line.account == "TOTAL" && $0.line.period == "\(fy)-YTD" }
        let ytdBudget = ytdTotals.reduce(0) { $0 + $1.line.budget }, ytdActual = ytdTotals.reduce(0) { $0 + $1.line.actual }
        let lineYTD = result.rows.filter { $0.line.account != "TOTAL" && $0.line.period == "\(fy)-YTD" }
        let projected = lineYTD.filter { $0.line.accountType == .expense }.reduce(0) { $0 + ($1.projectedFY ?? 0) }
        var doc = Report(title: "Budget variance \(fy), through \(Frequency.month.label(result.asOf))", summary: [
            "\(fy) expense budget \(numbers.money(result.annualBudget)); year to date budget \(numbers.money(ytdBudget)), actual \(numbers.money(ytdActual)) (\(numbers.money(ytdActual - ytdBudget)) \(ytdActual > ytdBudget ? "over" : "under")).",
            "Projected \(fy) expense \(numbers.money(projected)) (80% range \(numbers.money(result.projectedLow)) to \(numbers.money(result.projectedHigh))), \(numbers.money(projected - result.annualBudget)) \(projected > result.annualBudget ? "over" : "under") budget.",
        ])
        doc.keyFigure("\(fy) expense budget", result.annualBudget, style: .money)
        doc.keyFigure("Year-to-date budget", ytdBudget, style: .money)
        doc.keyFigure("Year-to-date actual", ytdActual, style: .money)
        doc.keyFigure("Year-to-date variance", ytdActual - ytdBudget, style: .money)
        doc.keyFigure("Projected \(fy) expense", projected, style: .money)
        doc.keyFigure("Projected variance", projected - result.annualBudget, style: .money)
        doc.keyFigure("Unfavorable flags", Double(result.rows.filter { $0.flag == "unfavorable" }.count))
        if !ytdTotals.isEmpty {
            let chart = VarianceBarChart(
                title: "\(fy) year-to-date variance by department",
                caption: "Actual minus budget through \(Frequency.month.label(result.asOf)); positive expense variance is unfavorable.",
                bars: ytdTotals.sorted { $0.line.variance > $1.line.variance }.map {
                    VarianceBarChart.Bar(label: $0.line.department, value: $0.line.variance, favorable: $0.line.favorable)
                }, format: .money)
            doc.figure(Report.Figure(name: "by_department", description: "Year-to-date variance by department", svg: chart.svg(),
                                     chart: chart.workbookChart(categoryHeader: "Department", seriesName: "Variance")))
        }
        let unfavorable = lineYTD.filter { $0.flag == "unfavorable" }.sorted { abs($0.line.variance) > abs($1.line.variance) }
        if !unfavorable.isEmpty {
            doc.heading("Largest unfavorable lines, year to date")
            doc.bullets(unfavorable.prefix(8).map { r in
                let l = r.line
                let cause = abs(l.rateVariance) >= abs(l.volumeVariance) ? "mostly rate (price or efficiency)" : "mostly volume"
                return "\(l.department) / \(l.account): \(numbers.money(l.variance)) (\(l.variancePercent.map { numbers.percent($0) } ?? "no budget")) — volume \(numbers.money(l.volumeVariance)), rate \(numbers.money(l.rateVariance)); \(cause)."
            })
        }
        let covered = lineYTD.filter { $0.line.volumeVariance > 0 && $0.line.rateVariance <= 0.01 * abs($0.line.budget) && $0.line.variance > 0 && $0.line.accountType == .expense }
        if !covered.isEmpty {
            doc.heading("Over budget but covered by volume")
            doc.bullets(covered.prefix(8).map { "\($0.line.department) / \($0.line.account): \(numbers.money($0.line.variance)) over, flexed budget \(numbers.money($0.line.flexedBudget)) covers it (volume variance \(numbers.money($0.line.volumeVariance)))." })
        }
        doc.heading("Quarters by department (expense)")
        let quarters = result.rows.filter { $0.line.account == "TOTAL" && $0.line.period.contains("-Q") }
        doc.table(["Department", "Quarter", "Budget", "Actual", "Variance", "Variance %", "Volume", "Rate"],
                  quarters.map { r in
                      [r.line.department, r.line.period, numbers.money(r.line.budget), numbers.money(r.line.actual), numbers.money(r.line.variance),
                       r.line.variancePercent.map { numbers.percent($0) } ?? "", numbers.money(r.line.volumeVariance), numbers.money(r.line.rateVariance)]
                  }, alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        return doc
    }

    /// Unfavorable rate variances on expense lines this year: paying more per unit of
    /// volume than budgeted (prices or efficiency), for the run's index.
    public static func costReductions(_ result: Result, report: String, numbers: NumberStyle = NumberStyle()) -> [CostReduction] {
        let fy = "FY\(result.fiscalYear)-YTD"
        let lines = result.rows.filter { $0.line.account != "TOTAL" && $0.line.period == fy && $0.line.accountType == .expense && $0.line.rateVariance > 0 }
            .sorted { $0.line.rateVariance > $1.line.rateVariance }
        guard !lines.isEmpty else { return [] }
        let largest = lines.prefix(3).map { "\($0.line.department) / \($0.line.account) \(numbers.money($0.line.rateVariance))" }.joined(separator: "; ")
        return [CostReduction(area: "Rate variances (price or efficiency)", detail: "\(lines.count) expense lines cost more per unit of volume than budgeted this year; largest: \(largest).",
                              amount: lines.reduce(0) { $0 + $1.line.rateVariance }, report: report)]
    }
}
