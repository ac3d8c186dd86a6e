import Forecasting
import Tabular

/// The series the rest of the fiscal year is forecast from, line by line, and each line's
/// projected months once they are forecast.
///
/// A variable line whose department has an actual volume in every month it booked is
/// projected driver-based: the department's volume and the line's amount per unit of volume
/// (`rates`) are each forecast, and multiplied. Other lines are forecast from their amounts;
/// a line booked below zero (contractual allowances, revenue as credits) as its mirror image,
/// turned back, since the engine's count-model spread has no meaning below zero and its range
/// came out empty. A line whose budget says when it spends (an annual invoice budgeted in
/// one month and booked there: `BudgetShapedLine`) is projected at its budget instead. A line's history starts with its first posting, one-off postings are held
/// out (`OneOffPosting`), a line opened part-way through its first month is forecast without
/// that month (`OpeningMonth`), and a line read as renamed is not forecast at all. A closed
/// department's (`ClosedDepartment`) volume ahead is 0, and its rates are forecast in a batch
/// of their own, so that its projection does not depend on how far the other departments'
/// volumes reach.
///
/// Series are named by kind and index: `v` a department's volume, `r` a line's rate, `a` its
/// amounts and `n` its mirrored amounts, each followed by the department's or the line's index.
public struct LineForecasts {
    /// Series forecast alike, with the settings to forecast them by.
    public struct Batch {
        /// `volumes`, `rates` or `lines`, for a progress line.
        public var name: String
        public var series: PeriodTotals
        public var settings: ForecastSettings
    }

    /// The ledger's lines, and the months after as-of each is projected for.
    let lines: [LedgerLine]
    let ahead: [Int]
    let asOf: Int
    /// How many of `ahead` are the fiscal year's (all of them without a calendar): the months
    /// the backtest weighs the candidates on (`batches`).
    let yearAhead: Int
    let departmentIndex: [String: Int]
    /// Lines projected driver-based (volume x rate), and lines projected at $0 (one-off) or at
    /// their budget (`BudgetShapedLine`) whose budget still flexes by the department's forecast
    /// volume, by index.
    var driven = Set<Int>(), heldAtZero = Set<Int>()
    /// Volumes (patient days, visits: a department's driver, seasonal), driven lines' rates and
    /// the other lines' amounts are forecast in batches of their own (`batches`).
    ///
    /// A rate is amount per unit of volume, and a month without volume (no patients, no
    /// spending) has none: its gap is missing, not a rate of 0. Read as 0, a cardiology unit
    /// closed two months for renovation and reopened at $950 a patient day (its history
    /// $925-$990) was forecast at $735 a day, its rest of the year $1.68M short.
    var volumeTotals = PeriodTotals(frequency: .month), rateTotals = PeriodTotals(frequency: .month, gaps: .missing), lineTotals = PeriodTotals(frequency: .month)
    /// Closed departments' rates (`ClosedDepartment`), in a batch of their own.
    var closedRateTotals = PeriodTotals(frequency: .month, gaps: .missing)
    /// Each series' forecast of the months ahead, by name.
    var series: [String: [Int: Projection]] = [:]
    /// Lines opened part-way through their first month, and one-off postings: named in notes.
    public private(set) var notes: [String] = []

    /// The series of `ledger`'s lines through `asOf`, to be projected over `ahead`; `ledgerStart`
    /// is the ledger's first month, `renamed` the lines projected at $0 (`LinePostings`), and
    /// `calendar` the fiscal calendar (none: no line is read as shaped by its budget).
    /// `partial` months (a ledger extracted from the 14th: its first month,
    /// `LedgerDays.partialFirstMonth`) are left out of every line's history: fitted, October's
    /// 18 days pulled each line's nine remaining months down by a third of a month's fall.
    public init(_ ledger: BudgetLedger, renamed: Set<LedgerLine>, ledgerStart given: Int, asOf: Int, ahead: [Int], partial: Set<Int> = [],
                calendar: FiscalCalendar? = nil) {
        var ledgerStart = given
        while partial.contains(ledgerStart) && ledgerStart < asOf { ledgerStart += 1 }
        self.ahead = ahead
        self.asOf = asOf
        let yearEnd = calendar.flatMap { $0.months(ofFiscalYear: $0.fiscalYear(ofMonth: asOf)).last }
        yearAhead = yearEnd.map { end in ahead.filter { $0 <= end }.count } ?? ahead.count
        lines = ledger.lines
        let departments = Array(Set(lines.map(\.department))).sorted()
        departmentIndex = Dictionary(uniqueKeysWithValues: departments.enumerated().map { ($1, $0) })
        var drivenDepartments = Set<Int>()
        var opened: [(index: Int, month: Int)] = [], oneOffs: [(index: Int, oneOff: OneOffPosting)] = []
        var shaped: [(line: String, shape: BudgetShapedLine)] = []
        let fiscalYear = calendar.map { $0.months(ofFiscalYear: $0.fiscalYear(ofMonth: asOf)) } ?? []
        // Whether each department's budget covers every month of the year: a department's
        // lines are all in one shard, so the answer does not depend on the shards.
        let coversYear = BudgetShapedLine.departmentsCovering(fiscalYear, budget: ledger.budget)
        let closed = ClosedDepartment.all(in: ledger, asOf: asOf, ledgerStart: given)
        for (i, line) in lines.enumerated() {
            if renamed.contains(line) { continue }
            // No posting yet and budgeted only ahead (a unit opening after as-of): at its budget.
            if let planned = BudgetedAhead.projection(budget: ledger.budget[line] ?? [:], actual: ledger.actual[line] ?? [:], yearStart: fiscalYear.first,
                                                      asOf: asOf, ahead: ahead) {
                series["a\(i)"] = planned
                continue
            }
            var booked = (ledger.actual[line] ?? [:]).filter { $0.key <= asOf && !partial.contains($0.key) }
            // A line's history starts with its first posting: 0.00 rows before it (a ledger
            // that prints every line every month) made the same one invoice project at $5,831
            // a month with them and $31,250 without.
            let posted = LedgerMonths.postedMonths(booked)
            if let first = posted.min() { booked = booked.filter { $0.key >= first } }
            let volume = ledger.actualVolume[line.department] ?? [:]
            // A variable line with a volume in every month it booked: its rate is forecast and
            // priced on the department's volume.
            let flexesBy = { (months: [Int: Double]) in
                ledger.behavior(of: line) == .variable && !months.isEmpty && months.keys.allSatisfy { (volume[$0] ?? 0) > 0 }
            }
            if let shape = BudgetShapedLine.find(budget: ledger.budget[line] ?? [:], booked: booked, fiscalYear: fiscalYear, budgetCoversYear: !fiscalYear.isEmpty && coversYear.contains(line.department),
                                                 asOf: asOf, ahead: ahead) {
                series["a\(i)"] = shape.projection
                shaped.append((line.label, shape))
                // A variable line keeps its flexed budget, as one held at $0 does (`heldAtZero`):
                // without it its department's TOTAL forecast rows lost their volume / rate split.
                if flexesBy(booked) {
                    heldAtZero.insert(i)
                    drivenDepartments.insert(departmentIndex[line.department]!)
                }
                continue
            }
            if let oneOff = OneOffPosting.find(booked, posted: posted, ledgerStart: ledgerStart, asOf: asOf, budget: ledger.budget[line] ?? [:]) {
                oneOffs.append((i, oneOff))
                guard let history = oneOff.history(booked) else {
                    // Projected at $0, a variable line still has a flexed budget: its budget
                    // flexed by the department's forecast volume, as its booked months are by
                    // the actual one. Without it the line's forecast rows, and so its
                    // department's TOTAL rows, had no volume / rate split.
                    if flexesBy(booked) {
                        heldAtZero.insert(i)
                        drivenDepartments.insert(departmentIndex[line.department]!)
                    }
                    continue
                }
                booked = history
            }
            if flexesBy(booked) {
                driven.insert(i)
                drivenDepartments.insert(departmentIndex[line.department]!)
                // A closed department's rates in a batch of their own too: in the others' they
                // were padded with zeros to the others' last month, a rate of $0 a patient day
                // in months without patients, which moved its projection with the other
                // departments' volumes ($45 or $30 for the same unit).
                let closedLine = closed[line.department] != nil
                for (month, rate) in Self.rates(booked, volume: volume) {
                    if closedLine { closedRateTotals.add("r\(i)", month: month, rate) } else { rateTotals.add("r\(i)", month: month, rate) }
                }
            } else if booked.values.allSatisfy({ $0 <= 0 }) && booked.values.contains(where: { $0 < 0 }) {
                for (month, amount) in booked { lineTotals.add("n\(i)", month: month, -amount) }
            } else {
                for (month, amount) in booked { lineTotals.add("a\(i)", month: month, amount) }
                if let first = booked.keys.min(), OpeningMonth.isPart((first...asOf).map { booked[$0] ?? 0 }) { opened.append((i, first)) }
            }
        }
        // Lines opened within their first month: that month is left out of their forecast.
        lineTotals.markStartingInPart(Set(opened.map { "a\($0.index)" }))
        if !opened.isEmpty {
            let named = opened.prefix(5).map { "\(lines[$0.index].department) \(lines[$0.index].account) (\(Frequency.month.label($0.month)))" }
            notes.append("\(named.listed(of: opened.count)): first booked for half the line's usual month or less, read as the month it opened in, and left out of its forecast")
        }
        if let note = OneOffPosting.note(oneOffs.map { (lines[$0.index].label, $0.oneOff) }) { notes.append(note) }
        if let calendar, let note = BudgetShapedLine.note(shaped, fiscalYear: calendar.yearLabel(calendar.fiscalYear(ofMonth: asOf)), remainingMonths: fiscalYear.filter { $0 > asOf }) {
            notes.append(note)
        }
        // A closed department's volume is 0 ahead, not forecast with the other departments':
        // there it ran only to their last month, which a statistics feed a month behind the
        // ledger leaves short of as-of (`ClosedDepartment`).
        var volumesRead: [ClosedDepartment] = []
        for d in drivenDepartments.sorted() {
            let given = ledger.actualVolume[departments[d]] ?? [:]
            if let stop = closed[departments[d]] {
                // Closed, its volume ahead is 0, not a forecast: its three months of zeros
                // after years of patients were forecast at a fraction of its census, $51,503
                // expense and $189,096 revenue for the rest of the year (January's salaries
                // $6,158, 80% low -$18,883) beside a note saying "near $0" and a proposal of $0.
                volumesRead.append(stop)
                series["v\(d)"] = Dictionary(uniqueKeysWithValues: ahead.map { ($0, Projection.zero) })
            } else {
                for (month, volume) in given where month <= asOf { volumeTotals.add("v\(d)", month: month, volume) }
            }
        }
        if let note = ClosedDepartment.forecastNote(volumesRead, asOf: asOf) { notes.append(note) }
    }

    /// How many rolling origins weigh the candidates of a line's amounts: the engine's default.
    ///
    /// Lines were forecast by a fixed lean list (Theta, seasonal naive, the moving average and
    /// Croston) with no backtest, so every candidate weighed a quarter whatever the line: the two
    /// means pulled every line to its yearly average. A winter-peaking utilities line exactly on
    /// plan projected March to June at 12,895 to 10,876 for 13,000 to 4,804 (the year +12,538
    /// over budget, flagged), drugs rising 2% a month 9,271 under, a rent stepped up from 8,000 to
    /// 12,000 at about 10,650, a quarterly premium at 7,625 in each month between its postings.
    /// Now amounts get the candidates of their demand class, as `forecast` and the volumes do
    /// (ETS, Theta, seasonal naive, the means, Croston, the trend-and-season regression and MSTL
    /// for regular lines by their length; Croston, TSB, ADIDA, IMAPA and the means for intermittent
    /// ones, with seasonal naive for postings on a calendar: `ForecastSettings.calendarPostings`),
    /// weighed by a three-origin backtest, and those four project on plan.
    ///
    /// On hospital.csv's 767 series as ledger lines (Benchmarks/planning/ledger_lines.py: as-of
    /// September, December and March of FY2004-FY2006, the rest of each year projected), MASE went
    /// from 0.7611 to 0.7437 (3 months ahead 0.7048 -> 0.6893, 6: 0.7899 -> 0.7722, 9: 0.7885 ->
    /// 0.7694), and on 3,000 spare parts' lumpy months (intermittent_automotive.csv, 15-21 months,
    /// as-of March, June and September) from 1.0161 to 0.9911. The backtest alone with the lean
    /// list scored 0.7588 and 1.0368; the smooth candidates for every line (ETS, Theta, seasonal
    /// naive, the means, Croston, the regression and MSTL, whatever its class) 0.7436 and 1.0278,
    /// the lumpy lines worse than before, for twice the time of the class's candidates.
    ///
    /// The cost is the ETS search and the backtest: on 27,777 lines of 30 months (the planning
    /// benchmark's ledger without volumes, as of 2025-12, 6 months ahead; release build, shared
    /// 2-core machine) line forecasting took about 12.3 s of CPU instead of 5.1 s (2.4x, 0.44 ms
    /// a line; 2.7x in an earlier run), the whole run 19.3 s of CPU against 12.1 s, 29.8 s of
    /// wall time against 19.1 s.
    ///
    /// Volumes are weighed by the same backtest. Their candidates had equal weights: a census
    /// climbing 100 to 114 by one a month was projected at 111.7 after 114 (the two means pulled
    /// it down; now 114), the fiscal year 3.5% low and the gap called volume variance. On hospital.csv's
    /// series as driven lines (`ledger_lines.py --driven`) MASE went from 0.7483 to 0.7439 (3, 6
    /// and 9 months ahead 0.6949 -> 0.6902, 0.7756 -> 0.7721, 0.7744 -> 0.7694), the spare parts
    /// 0.9912 either way; the demo's 4E, whose census rose 15%, projected its last quarter within
    /// 0.4% of the quarter booked (2.3% short before).
    static let backtestOrigins = 3

    /// A driven line's rate (amount per unit of volume) keeps the lean list with equal weights:
    /// Theta, seasonal naive, the moving average and Croston. The demo's ICU supplies, whose
    /// vendor raised its prices 12% three months before as-of (2026-01, as of 2026-03), show
    /// the rise as a rate variance of 5.8% of the flexed budget over the last quarter with it
    /// (the planted 6.3%); weighed by the backtest, the class's candidates put 55% on seasonal
    /// naive (last year's rates, before the rise), and showed 1.6%. Rates have not been measured
    /// on real data beyond that one line: this is the case that decided, not a benchmark.
    static let rateModels: [any ForecastModel] = [ThetaModel(), SeasonalNaiveModel(), MovingAverageModel(), CrostonModel(.classic, alpha: nil, alphas: AlphaRange.statsforecast)]

    /// What to forecast, volumes first: none when no month is ahead. Amounts and rates are
    /// money, not counts (volumes are); a series whose last value is before as-of still
    /// forecasts from as-of, padded with zeros.
    ///
    /// The backtest forecasts to the fiscal year end (`yearAhead`), however many quarters past
    /// it `--horizon-quarters` shows: backtested to the horizon, the candidates' weights and so
    /// the current year's months followed it (as of 2026-12, ICU's January 243,812.14 at 2
    /// quarters, 243,776.71 at 4, 244,204.74 at 8; the projected FY2027 expense 35,640,588.43,
    /// 35,644,808.08, 35,647,628.75). The horizon decides which rows are shown, not what the year
    /// is projected at. As of the year's last month, when no month of it is left, the horizon.
    public var batches: [Batch] {
        guard !ahead.isEmpty && volumeTotals.seriesCount + rateTotals.seriesCount + closedRateTotals.seriesCount + lineTotals.seriesCount > 0 else { return [] }
        let kinds: [(name: String, series: PeriodTotals, models: [any ForecastModel]?, origins: Int)] = [
            ("volumes", volumeTotals, nil, Self.backtestOrigins),
            ("rates", rateTotals, Self.rateModels, 0), ("closed departments' rates", closedRateTotals, Self.rateModels, 0), ("lines", lineTotals, nil, Self.backtestOrigins),
        ]
        return kinds.filter { $0.series.seriesCount > 0 }.map { kind in
            let lag = max(0, asOf - kind.series.lastPeriod), steps = ahead.count + lag
            return Batch(name: kind.name, series: kind.series, settings: ForecastSettings(horizon: steps, season: 12, levels: [80], backtestOrigins: kind.origins,
                                                                                           models: kind.models, nonNegative: false, valuesAreCounts: kind.name.hasSuffix("volumes"),
                                                                                           calendarPostings: kind.name == "lines",
                                                                                           backtestSteps: yearAhead > 0 ? yearAhead + lag : nil))
        }
    }

    /// Takes the forecast of the series named `id` (of a batch), for its months ahead.
    public mutating func take(_ id: String, _ forecast: SeriesForecast) {
        let mirrored = id.hasPrefix("n"), sign = mirrored ? -1.0 : 1
        let mean = Array(forecast.mean.suffix(ahead.count)), spread = Array(forecast.spread.suffix(ahead.count))
        series[mirrored ? "a" + id.dropFirst() : id] = Dictionary(uniqueKeysWithValues: ahead.indices.map {
            (ahead[$0], Projection(amount: sign * mean[$0], spread: spread[$0]))
        })
    }

    /// Whether the line of index `i` is projected driver-based (forecast volume x rate).
    public func isDriverBased(_ i: Int) -> Bool { driven.contains(i) }

    /// The projected months of the ledger's line of index `i`, and its department's forecast
    /// volume when the line is flexed by it.
    public func projection(ofLine i: Int) -> (amount: [Int: Projection], volume: [Int: Double]) {
        let line = lines[i]
        if heldAtZero.contains(i), let d = departmentIndex[line.department], let volume = series["v\(d)"] {
            return (series["a\(i)"] ?? [:], volume.mapValues(\.amount))
        }
        guard driven.contains(i), let d = departmentIndex[line.department], let volume = series["v\(d)"], let rate = series["r\(i)"] else {
            return (series["a\(i)"] ?? [:], [:])
        }
        var amount: [Int: Projection] = [:]
        for month in ahead { amount[month] = Projection.product(volume[month] ?? .zero, rate[month] ?? .zero) }
        return (amount, volume.mapValues(\.amount))
    }

    /// A driven line's amount per unit of volume by month. A month whose volume is under half
    /// the line's median (a unit closed for renovation, 30 patient days instead of 300) says
    /// little about the cost per unit: its fixed costs spread over few units made it $1,333 a
    /// day against $333, and that one month lifted the forecast rate and the projection above
    /// every month booked. It takes the line's rate over all its months (total amount over
    /// total volume) instead.
    public static func rates(_ booked: [Int: Double], volume: [Int: Double]) -> [Int: Double] {
        let volumes = booked.keys.map { volume[$0] ?? 0 }.sorted()
        let median = Median.of(sorted: volumes)
        let totalVolume = booked.keys.reduce(0) { $0 + (volume[$1] ?? 0) }
        let overall = totalVolume > 0 ? booked.values.reduce(0, +) / totalVolume : 0
        return booked.reduce(into: [:]) { rates, entry in
            let v = volume[entry.key] ?? 0
            rates[entry.key] = v > 0 && v >= median / 2 ? entry.value / v : overall
        }
    }
}

extension PeriodTotals {
    /// Adds `value` to the month of the series named `id`.
    mutating func add(_ id: String, month: Int, _ value: Double) {
        var id = id
        id.withUTF8 { add(key: $0, day: Frequency.month.firstDay(of: month), value: value) }
    }
}
