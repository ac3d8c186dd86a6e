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
/// came out empty. A line's history starts with its first posting, one-off postings are held
/// out (`OneOffPosting`), a line opened part-way through its first month is forecast without
/// that month (`OpeningMonth`), and a line read as renamed is not forecast at all.
///
/// Series are named by kind and index: `v` a department's volume, `r` a line's rate, `a` its
/// amounts and `n` its mirrored amounts, each followed by the department's or the line's index.
public struct LineForecasts {
    /// Series forecast alike, with the settings to forecast them by.
    public struct Batch {
        /// `volumes` or `lines`, for a progress line.
        public var name: String
        public var series: PeriodTotals
        public var settings: ForecastSettings
    }

    /// The ledger's lines, and the months after as-of each is projected for.
    let lines: [LedgerLine]
    let ahead: [Int]
    let asOf: Int
    let departmentIndex: [String: Int]
    /// Lines projected driver-based (volume x rate), and one-off lines projected at $0 whose
    /// budget still flexes by the department's forecast volume, by index.
    var driven = Set<Int>(), heldAtZero = Set<Int>()
    /// Volumes (patient days, visits: a department's driver, seasonal) get the whole
    /// forecasting engine; the many line series (rates, amounts) a lean combination.
    var volumeTotals = PeriodTotals(frequency: .month), lineTotals = PeriodTotals(frequency: .month)
    /// Each series' forecast of the months ahead, by name.
    var series: [String: [Int: Projection]] = [:]
    /// Lines opened part-way through their first month, and one-off postings: named in notes.
    public private(set) var notes: [String] = []

    /// The series of `ledger`'s lines through `asOf`, to be projected over `ahead`; `ledgerStart`
    /// is the ledger's first month, and `renamed` the lines projected at $0 (`LinePostings`).
    public init(_ ledger: BudgetLedger, renamed: Set<LedgerLine>, ledgerStart: Int, asOf: Int, ahead: [Int]) {
        self.ahead = ahead
        self.asOf = asOf
        lines = ledger.lines
        let departments = Array(Set(lines.map(\.department))).sorted()
        departmentIndex = Dictionary(uniqueKeysWithValues: departments.enumerated().map { ($1, $0) })
        var drivenDepartments = Set<Int>()
        var opened: [(index: Int, month: Int)] = [], oneOffs: [(index: Int, oneOff: OneOffPosting)] = []
        for (i, line) in lines.enumerated() {
            if renamed.contains(line) { continue }
            var booked = (ledger.actual[line] ?? [:]).filter { $0.key <= asOf }
            // A line's history starts with its first posting: 0.00 rows before it (a ledger
            // that prints every line every month) made the same one invoice project at $5,831
            // a month with them and $31,250 without.
            let posted = LedgerMonths.postedMonths(booked)
            if let first = posted.min() { booked = booked.filter { $0.key >= first } }
            let volume = ledger.actualVolume[line.department] ?? [:]
            // A variable line with a volume in every month it booked: its rate is forecast and
            // priced on the department's volume.
            let flexesBy = { (months: [Int: Double]) in
                (ledger.behaviors[line] ?? .variable) == .variable && !months.isEmpty && months.keys.allSatisfy { (volume[$0] ?? 0) > 0 }
            }
            if let oneOff = OneOffPosting.find(booked, posted: posted, ledgerStart: ledgerStart, asOf: asOf) {
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
                for (month, rate) in Self.rates(booked, volume: volume) { lineTotals.add("r\(i)", month: month, rate) }
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
        for d in drivenDepartments.sorted() {
            for (month, volume) in ledger.actualVolume[departments[d]] ?? [:] where month <= asOf { volumeTotals.add("v\(d)", month: month, volume) }
        }
    }

    /// The candidates for ledger lines' own series (amount per unit of volume, or amounts):
    /// the smooth-demand candidates without the ETS search. Searching ETS forms costs about
    /// 1 ms per series, 30 s for a million-line ledger's 28,000 lines; without it the
    /// projection of 3 months ahead on the hospital set (767 monthly series, three cut-offs)
    /// scores MASE 0.711 instead of 0.702, so the search is kept for volumes, the drivers.
    static let lineModels: [any ForecastModel] = [ThetaModel(), SeasonalNaiveModel(), MovingAverageModel(), CrostonModel(.classic, alpha: nil)]

    /// What to forecast, volumes first: none when no month is ahead. Amounts and rates are
    /// money, not counts (volumes are); a series whose last value is before as-of still
    /// forecasts from as-of, padded with zeros.
    public var batches: [Batch] {
        guard !ahead.isEmpty && volumeTotals.seriesCount + lineTotals.seriesCount > 0 else { return [] }
        let kinds: [(name: String, series: PeriodTotals, models: [any ForecastModel]?)] = [("volumes", volumeTotals, nil), ("lines", lineTotals, Self.lineModels)]
        return kinds.filter { $0.series.seriesCount > 0 }.map { kind in
            let steps = ahead.count + max(0, asOf - kind.series.lastPeriod)
            return Batch(name: kind.name, series: kind.series, settings: ForecastSettings(horizon: steps, season: 12, levels: [80], backtestOrigins: 0,
                                                                                           models: kind.models, nonNegative: false, valuesAreCounts: kind.name == "volumes"))
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
            return ([:], volume.mapValues(\.amount))
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
