import Tabular

/// Sums long-format rows (series key, date, value) into one total per series and period.
///
/// DESIGN.md's rule for usage: gaps are zero demand, not missing data. A series runs from
/// its first period with a row to the last period anywhere in the input, zero-filled, and
/// has nothing before its first use — so an item unused for months shows as dead stock.
///
/// Totals live in one grid laid out period by period (all series of one period side by
/// side), so an export sorted by date — as most are — keeps adding into a few kilobytes
/// that stay in cache. Both dimensions grow geometrically when a row falls outside them,
/// which is rare after the first rows.
///
/// With `GapPolicy.missing` (census and other levels) a period without rows is NaN instead
/// of zero. `leaveOutPartialPeriods()` drops a first or last period the rows' dates cover
/// only in part.
///
/// Weekly rows (one date a week, nearly all on one weekday) summed into months, quarters or
/// years are spread over the seven days of their ISO week, the week `--frequency week` puts
/// them in: a week from Monday 29 September goes 2/7 to September and 5/7 to October, and so
/// does one dated Sunday 5 October (a "week ending" export). Counted whole in the month of its
/// date, a steady 70 a week made months of 280 and 350 by how many of their Mondays fell in
/// them; spread from its date, a week ending on a Sunday fell six days late. Whether the rows
/// are weekly is known only once all are read, so the part of each week past either end of
/// its period is kept aside (`carry`, one signed amount between each period and the next)
/// and moved when the totals are read.
public struct PeriodTotals {
    public let frequency: Frequency
    public let gaps: GapPolicy
    public private(set) var keys = ByteKeyTable(capacity: 4096)
    private var firstPeriods: [Int] = []
    /// Each series' first day of use in its first period (`Int32.max` when it has none) and its
    /// rows of use there: a series begun within a period and used on most days since has that
    /// period in part (`leaveOutNewSeriesFirstPeriods`). Use is a positive quantity: an export
    /// listing 0 on each day a catheter was not used (101 days of use in 715) made every day
    /// since its first a row of it, and its first month was left out as "used on most days
    /// since".
    private var firstUseDays: [Int32] = []
    private var firstPeriodUses: [Int32] = []
    /// Series whose first period is left out as begun within it.
    private var startsInPart: [Bool] = []
    /// Of those, the open days from the first use to the period's end (or the file's) and the
    /// open days the period holds: a series with no whole period yet is read at that rate over
    /// the whole period (`fitValues`).
    private var partFirstDays: [Int: (covered: Int, days: Int)] = [:]
    /// With missing gaps, the days each series has rows on: a census unit that did not report
    /// for three days of a week has a partial week, not a low one.
    private var seriesDays: [DaySet] = []
    private var grid: [Double] = []
    /// With periods longer than a week, the weekdays each cell's rows of use fall on (bit
    /// `w - 1` for ISO weekday `w`), laid out as `grid`: a series' own weekdays are told from
    /// them (`weekdaysSummed(by:)`), where its daily history is gone. Only rows of a positive
    /// quantity mark their weekday: a 0 is a row but no use (an export listing 0 on a clinic
    /// pad's weekends opened them, and July 2025 at 8 a weekday was forecast at 177.02 for
    /// 184), and neither is a return, which comes back on whatever day stock is counted.
    private var weekdays: [UInt8] = []
    private let tracksWeekdays: Bool
    /// Series whose own weekdays an aggregate stage upstream told (`markWeekdays`).
    private var weekdaysGiven: [Int: OpenWeekdays] = [:]
    /// Period of grid row 0, rows allocated, and series slots per row.
    private var base = 0
    private var periods = 0
    private var capacity = 0
    /// Last period with a row in any series (or reached by the last weekly row's seven days),
    /// and the last one kept after a partial one is left out.
    public var lastPeriod: Int {
        guard spreadsWeeks || spreadsFortnights else { return min(lastKept, rowsLastPeriod) }
        return min(lastKept, max(rowsLastPeriod, frequency.period(of: rowDays.last.endOfISOWeek)))
    }
    private var rowsLastPeriod = Int.min
    private var lastKept = Int.max
    /// What moves from each cell to the same series' next period, laid out as `grid`: the part
    /// of its weekly rows that falls in the next period, less the part of the next period's
    /// weekly rows whose week began in this one. One signed amount, so a file of monthly rows
    /// dated on the 1st (each ISO week of which began in the month before) costs one array as a
    /// file dated on the last day always did; empty until a row's week crosses a period's
    /// bound, and again once the rows' dates show they are not weekly.
    private var carry: [Double] = []
    /// What moves from each cell's next period back into it through the week before its
    /// weekly rows' own (`weekBefore(of:period:)`), laid out as `grid`: the part of a row every
    /// other week (`RowDays.weeksPerRow`) that falls before its period, at seven days' rate
    /// (half of it is the row's share). Kept while the rows may be weekly, as `carry` is.
    private var carryBack: [Double] = []
    /// Cells of the grids kept aside for weekly rows (`carry`, `carryBack`), for tests of when
    /// they are made.
    var cellsKeptAside: Int { carry.count + carryBack.count }
    /// Days of the cached day's week that fall after its period, and of the week before it
    /// that fall before its period.
    private var cachedSpill = 0, cachedBefore = 0
    public private(set) var rowsAdded = 0
    /// Consecutive rows usually share a date; converting a day to a month costs divisions.
    private var cachedDay = CalendarDay(daysSinceEpoch: .min)
    private var cachedPeriod = 0
    /// The days of every row added by date: what the file covers, and what each row stands
    /// for (a day, or a whole month of a monthly export).
    public private(set) var rowDays = RowDays()
    /// False once a row's day is not the first day of its period: the rows are finer than
    /// the periods (days summed into months), so a period can be covered in part. Rows that
    /// are periods already (`2026-06`, `JUN26`, read as first days) never make one partial.
    public private(set) var finerThanPeriods = false
    /// Whether the totals are sums of daily rows (not rows that are periods already), so each
    /// period's total grows with its number of days.
    public var sumsOfDays: Bool { finerThanPeriods && (rowDays.span == .day || spreadsWeeks) }
    /// Rows that are periods already, summed from daily rows on these weekdays upstream (a
    /// pipeline's aggregate stage): their periods' totals grow with their days all the same.
    public var summedFromDays: OpenWeekdays?
    /// The weekdays the periods' totals sum, when they are sums of days here or upstream.
    public var daysSummed: OpenWeekdays? { sumsOfDays ? rowDays.openWeekdays : summedFromDays }
    /// Whether the rows are weekly and the periods longer: each row's value is spread over its
    /// seven days.
    public var spreadsWeeks: Bool { frequency.rank > Frequency.week.rank && rowDays.span == .week }
    /// Periods before this one were left out as partial.
    private var firstKept = Int.min
    /// Set by `leaveOutPartialPeriods()`: partial periods are left out (`partial: drop`).
    private var leavesOutPartialPeriods = false
    /// A cell no row has touched: zero, or NaN when gaps are missing.
    private let emptyCell: Double

    public init(frequency: Frequency, gaps: GapPolicy = .zero) {
        self.frequency = frequency
        self.gaps = gaps
        emptyCell = gaps == .missing ? .nan : 0
        tracksWeekdays = frequency.rank > Frequency.week.rank
    }

    public var seriesCount: Int { keys.count }

    /// Adds `value` to the total of `key` in the period holding `day`.
    public mutating func add(key: UnsafeBufferPointer<UInt8>, day: CalendarDay, value: Double) {
        _ = id(adding: key, day: day, value: value)
    }

    /// Adds as `add(key:day:value:)` does and returns the key's id.
    public mutating func id(adding key: UnsafeBufferPointer<UInt8>, day: CalendarDay, value: Double) -> Int {
        if day != cachedDay {
            cachedDay = day
            cachedPeriod = frequency.period(of: day)
            cachedSpill = spill(of: day, period: cachedPeriod)
            cachedBefore = weekBefore(of: day, period: cachedPeriod)
            cover(day, period: cachedPeriod)
        }
        let id = keys.intern(key)
        add(series: id, period: cachedPeriod, day: day.daysSinceEpoch, value: value, spill: cachedSpill, before: cachedBefore)
        if tracksWeekdays && value > 0 { weekdays[(cachedPeriod - base) * capacity + id] |= day.weekdayBit }
        return id
    }

    /// How many days of the ISO week of `day` fall after the end of `period` (its period), the
    /// part of a weekly row that belongs to the next one; or, negative, how many fall before
    /// the period's start (a week ending on Sunday 2 March began in February). Zero at a week's
    /// frequency or shorter.
    @inline(__always)
    public func spill(of day: CalendarDay, period: Int) -> Int {
        guard frequency.rank > Frequency.week.rank else { return 0 }
        let monday = day.startOfISOWeek.daysSinceEpoch
        let start = frequency.firstDay(of: period).daysSinceEpoch
        if monday < start { return -Int(start - monday) }
        let next = frequency.firstDay(of: period + 1).daysSinceEpoch
        return max(0, Int(monday + 7 - next))
    }

    /// How many days of the ISO week before the one of `day` fall before the start of `period`
    /// (its period), 0 to 7: the part of a row two weeks long (`RowDays.weeksPerRow`) that
    /// belongs to the period before. Zero at a week's frequency or shorter, where the week
    /// before is always the period before (`values(of:)`).
    @inline(__always)
    public func weekBefore(of day: CalendarDay, period: Int) -> Int {
        guard frequency.rank > Frequency.week.rank else { return 0 }
        let monday = day.startOfISOWeek.daysSinceEpoch
        let start = frequency.firstDay(of: period).daysSinceEpoch
        return max(0, min(7, Int(start - (monday - 7))))
    }

    /// `spill(of:period:)` (-6 to 6) and `weekBefore(of:period:)` (0 to 7) in one byte, for
    /// `PeriodTotalsLoader`'s batches.
    @inline(__always)
    public func spills(of day: CalendarDay, period: Int) -> Int8 {
        Int8(spill(of: day, period: period) + 13 * weekBefore(of: day, period: period))
    }

    /// Adds a batch of rows whose keys are short (see `PeriodTotalsLoader`): the same totals
    /// as adding them one by one, in order, with the key lookups done back to back.
    /// Widens the days the rows cover by one row's day.
    public mutating func cover(_ day: CalendarDay) {
        cover(day, period: frequency.period(of: day))
    }

    private mutating func cover(_ day: CalendarDay, period: Int) {
        if day != frequency.firstDay(of: period) { becomeFinerThanPeriods() }
        if rowDays.isEmpty || day > rowDays.last { rowsLastPeriod = max(rowsLastPeriod, period) }
        rowDays.see(day)
        forgetWeeksUnlessWeekly()
    }

    /// Marks every row as labelled with a whole `span` (`RowDays.labelled`), once the importer
    /// has read the labels.
    public mutating func markRowsLabelled(_ span: Frequency) {
        rowDays.labelled = span
        if span.rank < frequency.rank { becomeFinerThanPeriods() }
    }

    /// Marks the rows finer than the periods, and lays out what the rows added so far keep
    /// aside for weekly rows (`carry`, `carryBack`). Until a row falls after its period's first
    /// day, every row's week crosses into the period before by the same days as every other
    /// row of its period, so what it keeps aside is its cell's total times those days: nothing
    /// is kept while it stays so. A monthly file dated on the 1st (a `2026-06` column) never
    /// gets a row off it and never needs either grid; made row by row, they took 100,000
    /// series of 72 months from 398 MB to 526 MB though no row of such a file is a week.
    /// Called at the first such row, before it is added (`PeriodTotalsLoader` adds its held
    /// rows first), so the rows summed here are the same in every shard and batch.
    private mutating func becomeFinerThanPeriods() {
        guard !finerThanPeriods else { return }
        finerThanPeriods = true
        guard frequency.rank > Frequency.week.rank, rowDays.mayBeWeekly, periods > 0 else { return }
        let seriesCount = min(capacity, firstPeriods.count)
        // A week that began in the period before the grid's first needs a row of the grid.
        let firstDay = frequency.firstDay(of: base)
        if spill(of: firstDay, period: base) < 0 || weekBefore(of: firstDay, period: base) > 0,
           (0..<seriesCount).contains(where: { firstPeriods[$0] == base && !grid[$0].isNaN }) {
            reshape(including: base - 1, capacity: capacity)
        }
        for row in 0..<periods {
            let period = base + row, day = frequency.firstDay(of: period)
            let spill = spill(of: day, period: period), before = weekBefore(of: day, period: period)
            guard spill != 0 || before != 0 else { continue }
            for id in 0..<seriesCount where period >= firstPeriods[id] {
                let total = grid[row * capacity + id]
                guard !total.isNaN else { continue }
                keepAside(series: id, period: period, value: total, spill: spill, before: before)
            }
        }
    }

    /// Drops what was kept aside for weekly rows once two rows fall in one ISO week.
    private mutating func forgetWeeksUnlessWeekly() {
        if !carry.isEmpty && !rowDays.mayBeWeekly { carry = [] }
        if !carryBack.isEmpty && !rowDays.mayBeWeekly { carryBack = [] }
    }

    /// Widens the days the rows cover. A shard passes the days of the rows it leaves to
    /// other shards too: partial periods and the last period are the file's, so every
    /// shard sees the same calendar as the whole run.
    public mutating func cover(_ days: RowDays, finer: Bool) {
        guard !days.isEmpty else { return }
        if rowDays.isEmpty || days.last > rowDays.last { rowsLastPeriod = max(rowsLastPeriod, frequency.period(of: days.last)) }
        rowDays.merge(days)
        if finer { becomeFinerThanPeriods() }
        forgetWeeksUnlessWeekly()
    }

    /// Why the rows cannot be summed into this run's periods, or nil: they are whole months,
    /// quarters or years (`RowDays.span`), longer than the periods,
    /// and a month's total is not four weeks of it. Rows on one weekday are left to pass: a
    /// clinic open on Mondays alone has daily rows like that. `option` names the setting to
    /// change (`--frequency`).
    public func periodsShorterThanRows(option: String) -> String? {
        let span = rowDays.span
        // Rows on one weekday may be days; rows labelled `2025-W40` are weeks.
        guard span.rank > frequency.rank, span != .week || rowDays.labelled == .week else { return nil }
        let longer = Frequency.allCases.filter { $0.rank >= span.rank }.map(\.rawValue)
        let choices = longer.dropLast().joined(separator: ", ") + (longer.count > 1 ? " or " : "") + (longer.last ?? "")
        return "the rows are \(span.rawValue)ly totals (\(rowDays.spanShape)), which cannot be split into \(frequency.rawValue)s; use \(option) \(choices)"
    }

    /// "every month the dates reach is covered only in part (2025-12 covers 22 of 31 days, ...)",
    /// or nil when some period is complete.
    private var everyPeriodPartial: String? {
        guard !partialPeriodsKept.isEmpty else { return nil }
        return "every \(frequency.rawValue) the dates reach is covered only in part (\(partialPeriodsKept.map(\.coverage).joined(separator: ", ")))"
    }

    /// The dates look like one day of every month written day-first, read month-first
    /// (`RowDays.dayFirstLook`), which a partial-period message then blames on the periods.
    private var dayFirstHint: String {
        dayFirstSentence.map { ". " + $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
    }

    private var dayFirstSentence: String? {
        rowDays.dayFirstLook.sentence().map { $0 + ": if so, add --date-format dmy" }
    }

    /// The rows look like one day of each month written day-first, when no partial-period
    /// note says so already: read month-first, a two-year monthly export dated the 1st put
    /// each year in its January and left the last one out as partial.
    ///
    /// Or the mirror image (`DayFirstLook.firstsOfMonthsSentence`): twelve days of January
    /// written day-first read month-first as the 1st of twelve months, a monthly export to look
    /// at, which is read so with a word.
    public var dayFirstNote: String? {
        guard partialPeriodsKept.isEmpty else { return nil }
        return dayFirstSentence ?? rowDays.dayFirstLook.firstsOfMonthsSentence().map { $0 + ": if they are days, add --date-format dmy" }
    }

    /// Every period the rows reach is covered only in part: a note saying they were kept (a
    /// sum of what the file holds), or nil when some period is complete.
    public var partialPeriodsKeptNote: String? {
        everyPeriodPartial.map { $0 + ": kept, as leaving them out would leave nothing; a shorter frequency gives whole periods" + dayFirstHint }
    }

    /// The same as a reason not to fit a model to them: a forecast learnt from parts of periods
    /// understates whole ones. `keep` names the way to fit them anyway (`--partial keep`).
    public func nothingCompleteToLearnFrom(keep: String, frequencyOption: String = "--frequency") -> String? {
        everyPeriodPartial.map { $0 + ", so a forecast from them would understate whole \(frequency.rawValue)s; use a shorter \(frequencyOption), or \(keep) to fit them as they are" + dayFirstHint }
    }

    mutating func add(batch keys: UnsafeBufferPointer<ByteKeyTable.InlineKey>, periods: UnsafeBufferPointer<Int>, days: UnsafeBufferPointer<Int32>,
                      values: UnsafeBufferPointer<Double>, spills: UnsafeBufferPointer<Int8>, ids: UnsafeMutablePointer<Int>) {
        self.keys.intern(keys, ids: ids)
        for i in 0..<keys.count {
            let packed = Int(spills[i]), before = (packed + 6) / 13
            add(series: ids[i], period: periods[i], day: days[i], value: values[i], spill: packed - 13 * before, before: before)
        }
        // The rows' weekdays in a loop of their own, once the grid has its shape for the batch
        // (`id(adding:day:value:)` marks a single row's).
        guard tracksWeekdays else { return }
        let base = self.base, capacity = self.capacity
        weekdays.withUnsafeMutableBufferPointer { cells in
            for i in 0..<keys.count where values[i] > 0 {
                cells[(periods[i] - base) * capacity + ids[i]] |= CalendarDay(daysSinceEpoch: days[i]).weekdayBit
            }
        }
    }

    /// Adds `value` to series `id` (ids are dense: a new series is the next id) in `period`,
    /// from a row of `day`; `spill` days of its week (see `spill(of:period:)`) fall in the next
    /// period; `before` days of the week before it (`weekBefore(of:period:)`) in the one before.
    mutating func add(series id: Int, period: Int, day: Int32, value: Double, spill: Int, before: Int = 0) {
        rowsAdded += 1
        if periods == 0 {
            base = period
            periods = 1
            capacity = 1024
            grid = [Double](repeating: emptyCell, count: capacity)
            if tracksWeekdays { weekdays = [UInt8](repeating: 0, count: capacity) }
        }
        if period < base || period >= base + periods { reshape(including: period, capacity: capacity) }
        if id >= capacity { reshape(including: period, capacity: max(capacity * 2, id + 1)) }
        if period > rowsLastPeriod { rowsLastPeriod = period }
        let use = value > 0
        if id == firstPeriods.count {
            firstPeriods.append(period)
            firstUseDays.append(use ? day : .max)
            firstPeriodUses.append(use ? 1 : 0)
            if gaps == .missing { seriesDays.append(DaySet()) }
        } else if period < firstPeriods[id] {
            firstPeriods[id] = period
            firstUseDays[id] = use ? day : .max
            firstPeriodUses[id] = use ? 1 : 0
        } else if use && period == firstPeriods[id] {
            firstUseDays[id] = min(firstUseDays[id], day)
            firstPeriodUses[id] &+= 1
        }
        let cell = (period - base) * capacity + id
        if gaps == .missing {
            if grid[cell].isNaN { grid[cell] = value } else if !value.isNaN { grid[cell] += value }
            // An empty value is a day not recorded: a week of six census days and a blank one
            // was summed as a whole week, 136 for 161.
            if !value.isNaN { seriesDays[id].insert(day) }
        } else if value.isNaN {
            // A period recorded as missing (an empty value in aggregate's output): missing
            // unless a row of the same period records a value.
            if grid[cell] == 0 { grid[cell] = .nan }
        } else {
            let old = grid[cell]
            grid[cell] = old.isNaN ? value : old + value
        }
        // Rows on their periods' first days keep nothing aside (`becomeFinerThanPeriods`).
        if finerThanPeriods && (spill != 0 || before != 0) && rowDays.mayBeWeekly {
            keepAside(series: id, period: period, value: value, spill: spill, before: before)
        }
    }

    /// Keeps aside the parts of a weekly row (or of a cell's total) of `value` in `period` that
    /// fall in the periods on either side: `spill` days of its week, `before` days of the week
    /// before it (`add(series:period:day:value:spill:before:)`).
    private mutating func keepAside(series id: Int, period: Int, value: Double, spill: Int, before: Int) {
        if spill != 0 {
            // A week that began in the period before moves back through that period's amount.
            if spill < 0 && period - 1 < base { reshape(including: period - 1, capacity: capacity) }
            let target = spill > 0 ? (period - base) * capacity + id : (period - 1 - base) * capacity + id
            Self.add(value * Double(spill) / 7, to: &carry, at: target, cells: grid.count)
        }
        if before != 0 && !value.isNaN {
            if period - 1 < base { reshape(including: period - 1, capacity: capacity) }
            Self.add(value * Double(before) / 7, to: &carryBack, at: (period - 1 - base) * capacity + id, cells: grid.count)
        }
    }

    /// Adds `part` to `cell` of a grid kept aside for weekly rows (`carry`, `carryBack`), laid
    /// out as `grid` (`cells` long) and made on its first part, its cells empty (NaN) until one comes.
    @inline(__always)
    private static func add(_ part: Double, to aside: inout [Double], at cell: Int, cells: Int) {
        if aside.isEmpty { aside = [Double](repeating: .nan, count: cells) }
        aside[cell] = aside[cell].isNaN ? part : aside[cell] + part
    }

    @inline(__always)
    private func cell(_ id: Int, _ period: Int) -> Double {
        // The calendar can run past the grid (another shard's rows set the last period).
        period >= base && period < base + periods ? grid[(period - base) * capacity + id] : emptyCell
    }

    /// What moves from a cell to the same series' next period (`carry`), nil when no row's
    /// week crosses the bound between them (a zero a week carries is a zero).
    @inline(__always)
    private func carried(_ id: Int, _ period: Int) -> Double? {
        guard period >= base && period < base + periods, !carry.isEmpty else { return nil }
        let amount = carry[(period - base) * capacity + id]
        return amount.isNaN ? nil : amount
    }

    /// What the weeks on either side bring into a period with no row of its own: the days of
    /// the weeks before that run into it and of the weeks after that began in it; nil when no
    /// week reaches it.
    private func weeksReaching(_ id: Int, _ period: Int) -> Double? {
        switch (carried(id, period - 1), carried(id, period)) {
        case (nil, nil): return nil
        case let (before, after): return (before ?? 0) - (after ?? 0)
        }
    }

    private mutating func reshape(including period: Int, capacity newCapacity: Int) {
        let low = min(base, period)
        let high = max(base + periods - 1, period)
        var newPeriods = periods
        while newPeriods < high - low + 1 { newPeriods *= 2 }
        // Leave the room on the side the span is growing towards.
        let newBase = period < base ? high - newPeriods + 1 : low
        func moved<Cell>(_ old: [Cell], empty: Cell) -> [Cell] {
            var fresh = [Cell](repeating: empty, count: newPeriods * newCapacity)
            for row in 0..<periods {
                let target = (base + row - newBase) * newCapacity
                for id in 0..<min(capacity, firstPeriods.count) {
                    fresh[target + id] = old[row * capacity + id]
                }
            }
            return fresh
        }
        grid = moved(grid, empty: emptyCell)
        if tracksWeekdays { weekdays = moved(weekdays, empty: 0) }
        if !carry.isEmpty { carry = moved(carry, empty: .nan) }
        if !carryBack.isEmpty { carryBack = moved(carryBack, empty: .nan) }
        base = newBase
        periods = newPeriods
        capacity = newCapacity
    }

    /// Number of (series, period) cells after zero-filling to the last period.
    public var cellCount: Int {
        firstPeriods.reduce(0) { $0 + max(0, lastPeriod - max($1, firstKept) + 1) }
    }

    /// Visits each series in key order with its first period and its zero-filled totals
    /// (values[0] is the first period). Series left without periods (all their rows fell in
    /// partial periods that were left out) are skipped.
    /// With `leavingOutPartFirstPeriods`, the values are `aggregateValues(of:)`.
    public func forEachSeries(leavingOutPartFirstPeriods: Bool = false, _ body: (_ id: Int, _ firstPeriod: Int, _ values: [Double]) throws -> Void) rethrows {
        for id in keys.idsSortedByKey() {
            let (first, values) = leavingOutPartFirstPeriods ? aggregateValues(of: id) : self.values(of: id)
            if values.isEmpty { continue }
            try body(id, first, values)
        }
    }

    /// True when a series has no kept period (its rows were all in a left-out one).
    public func isEmpty(_ id: Int) -> Bool { max(firstPeriods[id], firstKept) > lastPeriod }

    /// The values a model fits: `values(of:)` without a first period the series began within
    /// (`leaveOutNewSeriesFirstPeriods`). The totals themselves keep it, as DESIGN.md has a
    /// series run from its first use.
    ///
    /// Whatever the number of periods after it: a site opened on Thursday 8 October, whose file
    /// ends in November (left out as partial), has October alone, 960 over 24 days; fitted as a
    /// whole month it was forecast 929 for November (23% low, 40 a day makes 1,200). A part
    /// period that is a series' only one is read at its days' rate over the whole period
    /// (960 x 31 / 24 = 1,240 for October), which the day-count adjustment makes 1,200 for
    /// November's 30 days.
    public func fitValues(of id: Int) -> (firstPeriod: Int, values: [Double]) {
        let (first, values) = self.values(of: id)
        guard id < startsInPart.count, startsInPart[id], first == firstPeriods[id], !values.isEmpty else { return (first, values) }
        if values.count > 1 { return (first + 1, Array(values.dropFirst())) }
        guard let part = partFirstDays[id], part.covered > 0, part.days > part.covered, !values[0].isNaN else { return (first, values) }
        return (first, [values[0] * Double(part.days) / Double(part.covered)])
    }

    /// The values `aggregate` writes: `values(of:)` without a first period the series began
    /// within (`leaveOutNewSeriesFirstPeriods`) when a period follows it, as DESIGN.md's
    /// Calendar leaves partial periods out of aggregates under `partial: drop`; so a forecast
    /// of the output fits what a forecast of the export fits. A series with that period alone
    /// keeps it (its sum, said in `seriesStartingInPartNote`).
    public func aggregateValues(of id: Int) -> (firstPeriod: Int, values: [Double]) {
        let (first, values) = self.values(of: id)
        guard id < startsInPart.count, startsInPart[id], first == firstPeriods[id], values.count > 1 else { return (first, values) }
        return (first + 1, Array(values.dropFirst()))
    }

    /// Whether series `id`'s fit reads its only period, begun within, at its days' rate
    /// (`fitValues`): one point, whose forecast gets the widest interval a short series has.
    public func readsOnlyPartPeriod(_ id: Int) -> Bool {
        id < startsInPart.count && startsInPart[id] && partFirstDays[id] != nil && values(of: id).values.count == 1
    }

    /// Marks the series of `keys` as begun within their first period (a forecast stage reading
    /// an aggregate stage's totals, which said so).
    public mutating func markStartingInPart(_ keys: Set<String>) {
        guard !keys.isEmpty else { return }
        startsInPart = (0..<firstPeriods.count).map { keys.contains(self.keys.key($0)) }
    }

    /// Series (gaps missing) with no recorded value in their last `periods` periods or more,
    /// and their last recorded period: a unit that closed, or stopped reporting, is otherwise
    /// forecast from what it last recorded as if still open.
    public func seriesSilentAtTheEnd(periods: Int) -> [(id: Int, lastRecorded: Int)] {
        (0..<seriesCount).compactMap { id in
            let (first, values) = self.values(of: id)
            guard let last = values.lastIndex(where: { !$0.isNaN }), values.count - 1 - last >= periods else { return nil }
            return (id, first + last)
        }
    }

    /// The weekdays whose days the periods of series `id` sum: those of the file (`daysSummed`)
    /// the series is used on (`SeriesWeekdays`, told from its rows' days, or as an aggregate
    /// stage upstream told it); nil when the totals are not sums of days.
    public func weekdaysSummed(by id: Int) -> OpenWeekdays? {
        guard let file = daysSummed else { return nil }
        if let given = weekdaysGiven[id] { return OpenWeekdays(mask: given.mask & file.mask) }
        guard sumsOfDays else { return file }
        return ownWeekdays(of: id, within: file)
    }

    /// The weekdays of `file` series `id` is used on, told from its daily rows' weekdays in its
    /// kept periods (`SeriesWeekdays`); `file` when the rows are not days.
    private func ownWeekdays(of id: Int, within file: OpenWeekdays) -> OpenWeekdays {
        guard !weekdays.isEmpty, rowDays.span == .day, file.count > 1, !isEmpty(id) else { return file }
        let first = max(firstPeriods[id], firstKept, base), last = min(lastPeriod, base + periods - 1)
        guard first <= last else { return file }
        return SeriesWeekdays(masks: (first...last).lazy.map { self.weekdays[($0 - self.base) * self.capacity + id] }).open(within: file)
    }

    /// The series whose own weekdays are fewer than the file's (`weekdaysSummed(by:)`), by key:
    /// what an aggregate stage hands to the forecast stage after it.
    public var keysOnFewerWeekdays: [String: OpenWeekdays] {
        guard let file = daysSummed, file.count > 1 else { return [:] }
        var found: [String: OpenWeekdays] = [:]
        for id in 0..<seriesCount {
            if let own = weekdaysSummed(by: id), own != file { found[keys.key(id)] = own }
        }
        return found
    }

    /// Gives series their own weekdays, by key (a forecast stage reading an aggregate stage's
    /// totals, which told them).
    public mutating func markWeekdays(_ bySeries: [String: OpenWeekdays]) {
        guard !bySeries.isEmpty else { return }
        for id in 0..<seriesCount {
            if let weekdays = bySeries[keys.key(id)] { weekdaysGiven[id] = weekdays }
        }
    }

    /// The series whose part first period is their only one (`readsOnlyPartPeriod`), by key,
    /// with its open days covered and held: what an aggregate stage, which keeps that period in
    /// its table, hands to the forecast stage after it to read it at its days' rate too (the
    /// stage forecast a site's 24 days of October, 960, as a whole month: 929 for November).
    public var keysReadAtTheirRate: [String: Days] {
        var found: [String: Days] = [:]
        for (id, part) in partFirstDays where readsOnlyPartPeriod(id) { found[keys.key(id)] = Days(covered: part.covered, held: part.days) }
        return found
    }

    /// Open days a part period covers and holds.
    public struct Days: Sendable, Equatable {
        public var covered: Int, held: Int
    }

    /// Marks the series of `bySeries` as read at their days' rate (a forecast stage reading an
    /// aggregate stage's totals, which found them).
    public mutating func markReadAtTheirRate(_ bySeries: [String: Days]) {
        guard !bySeries.isEmpty else { return }
        if startsInPart.count < seriesCount { startsInPart += [Bool](repeating: false, count: seriesCount - startsInPart.count) }
        for id in 0..<seriesCount {
            guard let part = bySeries[keys.key(id)] else { continue }
            startsInPart[id] = true
            partFirstDays[id] = (part.covered, part.held)
        }
    }

    /// The keys of the series begun within their first period.
    public var keysStartingInPart: Set<String> {
        Set(startsInPart.indices.filter { startsInPart[$0] }.map { keys.key($0) })
    }

    /// The values of one series, zero-filled (or NaN-filled when gaps are missing) to the
    /// last period; empty when none of its periods is kept.
    public func values(of id: Int) -> (firstPeriod: Int, values: [Double]) {
        var first = max(firstPeriods[id], firstKept)
        guard !isEmpty(id) else { return (first, []) }
        if spreadsFortnights { return fortnightValues(of: id) }
        guard spreadsWeeks, !carry.isEmpty else { return (first, (first...lastPeriod).map { cell(id, $0) }) }
        // A series' first week may have begun in the period before its first row's.
        if first > firstKept && carried(id, first - 1) != nil { first -= 1 }
        return (first, (first...lastPeriod).map { weekSpread(id, $0) })
    }

    /// Period `p` of series `id` with each weekly row spread over its ISO week. Each period
    /// gives its neighbours the days of its weeks that fall there. A period with no row of its
    /// own (missing, or before the series' first) that gets only such days is partial: kept as
    /// their sum unless partial periods are left out.
    private func weekSpread(_ id: Int, _ p: Int) -> Double {
        let own = cell(id, p)
        if own.isNaN || p < firstPeriods[id] {
            guard let weeks = weeksReaching(id, p) else { return own }
            return leavesOutPartialPeriods && own.isNaN ? .nan : weeks
        }
        return own - (carried(id, p) ?? 0) + (carried(id, p - 1) ?? 0)
    }

    /// Whether the rows fall every other week (`RowDays.weeksPerRow`) and the periods are
    /// weeks or longer: each row is spread over its ISO week and the week before, half to each.
    public var spreadsFortnights: Bool { frequency.rank >= Frequency.week.rank && rowDays.weeksPerRow == 2 }

    /// A note when the rows are two weeks' totals (`spreadsFortnights`), or nil: said, since a
    /// file of single days every other week reads the same. `dayOption` names how to read them
    /// as days (`--frequency day`).
    public func twoWeekTotalsNote(dayOption: String) -> String? {
        guard spreadsFortnights else { return nil }
        return "the rows fall on \(rowDays.spanShape) (\(rowDays.first) to \(rowDays.last)): read as two-week totals (a biweekly export or a pay period's), each spread evenly over its ISO week and the week before, half in each; if they are single days' values, \(dayOption) reads them as days"
    }

    /// What moves from period `p` of series `id` back into `p - 1` through the weeks before
    /// its rows' own (`carryBack`), at seven days' rate; nil when none does.
    @inline(__always)
    private func carriedBack(_ id: Int, _ p: Int) -> Double? {
        if frequency == .week {
            // The week before a row's is the period before, whole.
            guard p >= firstPeriods[id], p <= lastPeriod else { return nil }
            let own = cell(id, p)
            return own.isNaN ? nil : own
        }
        guard p - 1 >= base && p - 1 < base + periods, !carryBack.isEmpty else { return nil }
        let amount = carryBack[(p - 1 - base) * capacity + id]
        return amount.isNaN ? nil : amount
    }

    /// The values of a series whose rows are two weeks' totals (`spreadsFortnights`): the mean
    /// of each row spread over its own ISO week (`weekSpread`, as weekly rows are) and over the
    /// week before, so half of each row falls in each. A flat 100 a day dated every other
    /// Saturday (1,400 a row) is then 700 every week, and 3,100 in October.
    private func fortnightValues(of id: Int) -> (firstPeriod: Int, values: [Double]) {
        var first = max(firstPeriods[id], firstKept)
        // The week before a series' first row may lie in the period before.
        if first > firstKept && (carriedBack(id, first) != nil || carried(id, first - 1) != nil) { first -= 1 }
        // At a week's frequency, rows dated between two fortnights' weeks are moved to the week
        // their fortnight ends in (`RowDays.fortnightWeek(of:)`).
        let moved = frequency == .week ? rowDays.weeksBetweenFortnights : []
        var movedFrom = Set<Int>(), movedInto: [Int: [Int]] = [:]
        for (week, endsIn) in moved {
            movedFrom.insert(frequency.period(of: week))
            movedInto[frequency.period(of: endsIn), default: []].append(frequency.period(of: week))
        }
        // A series whose first row is moved to the week before starts there.
        let seriesFirst = min(firstPeriods[id], movedInto.filter { $0.value.contains(firstPeriods[id]) }.keys.min() ?? .max)
        if seriesFirst < firstPeriods[id] { first = max(firstKept, min(first, seriesFirst - 1)) }
        func weekCell(_ p: Int) -> Double {
            guard !moved.isEmpty else { return cell(id, p) }
            var total = movedFrom.contains(p) ? emptyCell : cell(id, p)
            for q in movedInto[p] ?? [] {
                let row = cell(id, q)
                if !row.isNaN { total = total.isNaN ? row : total + row }
            }
            return total
        }
        func back(_ p: Int) -> Double? {
            guard frequency == .week else { return carriedBack(id, p) }
            guard p >= seriesFirst, p <= lastPeriod else { return nil }
            let own = weekCell(p)
            return own.isNaN ? nil : own
        }
        return (first, (first...lastPeriod).map { p in
            let own = weekCell(p), rows = !own.isNaN && p >= seriesFirst
            // Over their own weeks (at a week's frequency, the period itself).
            let ownWeeks: Double? = frequency == .week ? (rows ? own : nil)
                : rows || weeksReaching(id, p) != nil ? weekSpread(id, p) : nil
            // Over the weeks before: the rows' amount less what goes back, plus what the next
            // period's rows bring back.
            let next = back(p + 1)
            let weeksBefore: Double? = rows ? own - (back(p) ?? 0) + (next ?? 0) : next
            if ownWeeks == nil && weeksBefore == nil { return own }
            return ((ownWeeks ?? 0) + (weeksBefore ?? 0)) / 2
        })
    }

    /// A period the rows' dates cover only in part.
    public struct PartialPeriod: Sendable, Equatable, CustomStringConvertible {
        public var period: Int
        public var label: String
        public var daysCovered: Int
        public var days: Int
        public var description: String { "\(label) covers \(daysCovered) of \(days) days: left out" }
        /// "2026-01 covers 20 of 31 days", for messages about periods that were not left out.
        public var coverage: String { "\(label) covers \(daysCovered) of \(days) days" }
    }

    /// Leaves out the period holding `day` when it ends after it, and returns its label: the
    /// data as it stood on `day` (an aggregate's `as_of`) had no total for it yet. Rows dated
    /// by the day stop at `day` and `leaveOutPartialPeriods()` finds the period partial; rows
    /// that are whole periods (`2025-01`, dated on the 1st) do not, and a replay as of 15
    /// January kept all of January, a month of data from after the day it replays. Nothing is
    /// left out when nothing would be left.
    public mutating func leaveOutPeriod(endingAfter day: CalendarDay) -> String? {
        let period = frequency.period(of: day)
        guard frequency.firstDay(of: period + 1).adding(days: -1) > day, lastPeriod >= period,
              max(firstKept, firstPeriods.min() ?? .max) < period else { return nil }
        lastKept = period - 1
        return frequency.label(period)
    }

    /// Partial periods kept by `leaveOutPartialPeriods()` because no complete period lies
    /// between them: callers that must not learn from them say so.
    public private(set) var partialPeriodsKept: [PartialPeriod] = []

    /// Leaves out the first and the last period when the rows' dates cover them only in part
    /// (DESIGN.md, Calendar: `partial: drop`), and returns them for the notes. Only the days
    /// the file records count (`RowDays.openWeekdays`): an export of a clinic closed at weekends
    /// through a Friday covers a month that ends on the Sunday. Days are never
    /// partial, nor are rows that are whole periods already (a monthly export's months, whether
    /// dated on the 1st or the last day, cover their quarters whole). When every period the
    /// rows reach is partial, they are all kept (there would be nothing left to learn from)
    /// and listed in `partialPeriodsKept`.
    public mutating func leaveOutPartialPeriods() -> [PartialPeriod] {
        // One date alone, not labelled as a period, is a day (`RowDays.span`), even on a
        // period's first day: one day's issues dated 2026-04-01 were read as April's total and
        // forecast at 900 a month, where two days were refused as a part of April.
        let oneDay = rowDays.first == rowDays.last && rowDays.span == .day
        guard frequency != .day, finerThanPeriods || oneDay, !rowDays.isEmpty else { return [] }
        // Weekly rows cover their ISO weeks (a file of Sundays from 1 June 2025 covers the 6 days
        // of May before it, and a file of Mondays 6 days of the month after its last row).
        // Rows every other week cover the week before theirs too (`RowDays.weeksPerRow`).
        let (firstDay, lastDay) = spreadsWeeks ? (rowDays.firstDayOfWeeklyRow(rowDays.first), rowDays.last.endOfISOWeek) : rowDays.covered
        leavesOutPartialPeriods = true
        let first = frequency.period(of: firstDay), last = frequency.period(of: lastDay)
        let open = rowDays.openWeekdays
        /// Whether the rows miss a day the file records between `from` and `through`, beyond the
        /// quiet days it shows elsewhere. A usage export pulled for a year whose first row is on
        /// 2 January (nothing is issued on New Year's Day) lost January as covering 30 of 31
        /// days, and December with it when the 31st was quiet too: where the file holds two
        /// spells at least as long without a row (the Christmas and New Year's Days inside
        /// it), the missing days at its edge are no sign that the export was cut, and the
        /// period counts as the whole ones beside it do. Under missing gaps (a census, with a
        /// row every day) any missing day is one; and a period missing half its days is always
        /// partial.
        func misses(from: CalendarDay, through: CalendarDay) -> Bool {
            let missing = open.count(from: from, through: through)
            guard missing > 0 else { return false }
            guard gaps == .zero, rowDays.span == .day else { return true }
            let period = frequency.period(of: from)
            return 2 * missing >= open.days(in: period, of: frequency) || rowDays.quietSpells(ofAtLeast: missing, open: open) < 2
        }
        // Whatever is left out of the file, then its series' own partial periods.
        defer {
            leaveOutPeriodsSeriesCoverInPart(open: open, from: firstDay, through: lastDay)
            leaveOutNewSeriesFirstPeriods(open: open, fileFirst: firstDay)
        }
        guard last > first else {
            let startOfFirst = frequency.firstDay(of: first), days = frequency.days(in: first)
            let covered = Int(lastDay.daysSinceEpoch - firstDay.daysSinceEpoch) + 1
            if misses(from: startOfFirst, through: firstDay.adding(days: -1)) || misses(from: lastDay.adding(days: 1), through: frequency.firstDay(of: first + 1).adding(days: -1)) {
                partialPeriodsKept = [PartialPeriod(period: first, label: frequency.label(first), daysCovered: covered, days: days)]
            }
            return []
        }
        var left: [PartialPeriod] = []
        let startOfFirst = frequency.firstDay(of: first)
        if misses(from: startOfFirst, through: firstDay.adding(days: -1)) {
            let days = frequency.days(in: first)
            left.append(PartialPeriod(period: first, label: frequency.label(first),
                                      daysCovered: days - Int(firstDay.daysSinceEpoch - startOfFirst.daysSinceEpoch), days: days))
            firstKept = first + 1
        }
        let endOfLast = frequency.firstDay(of: last + 1).adding(days: -1)
        if misses(from: lastDay.adding(days: 1), through: endOfLast), lastPeriod == last {
            let days = frequency.days(in: last)
            left.append(PartialPeriod(period: last, label: frequency.label(last),
                                      daysCovered: days - Int(endOfLast.daysSinceEpoch - lastDay.daysSinceEpoch), days: days))
            lastKept = last - 1
        }
        if firstKept > lastPeriod {
            // Two partial periods and nothing between: keep both rather than nothing.
            firstKept = .min
            lastKept = .max
            partialPeriodsKept = left
            return []
        }
        return left
    }

    /// Set before `leaveOutPartialPeriods()` to read a level's period that a series recorded on
    /// some of its days, all of them between its own first and last day, from those days: their
    /// total over the days recorded times the days the period holds (the daily average of the
    /// days recorded, over the whole period). Off, such a period is missing
    /// (`leaveOutPeriodsSeriesCoverInPart`). A staffing census missing one day in each of its
    /// last five weeks lost those weeks, read as a unit that stopped, and one day missing in
    /// each of February, June and July dropped them from a monthly fit, whose history then
    /// ended in May (531 patient days, against July's 61). A census is a level: a ward that
    /// did not report on Wednesday was still open, and its other six days say how full it
    /// was. A period with no day recorded stays missing, and so does one the series begins or
    /// ends within (a unit opened on the 16th, or closed on the 10th), whose days outside its
    /// span say nothing of its level; one it ends within is read all the same when its last row
    /// is too recent for it to have stopped (`seriesOpenIfRecordedSince`). Daily rows only: weekly rows spread over months keep the
    /// missing rule. Off by default: `forecast` and `aggregate` with `--gaps missing` keep
    /// leaving such periods out, as their notes say.
    public var readsPartlyRecordedPeriodsFromTheirDays = false

    /// With `readsPartlyRecordedPeriodsFromTheirDays`, series whose last row falls on or after
    /// this day have not stopped: the days after their last are missing days like any others,
    /// and the period they end within is read from the days recorded too. A staffing census
    /// sets it from its stop rule (`CensusStop`, 4 weeks before the census's last day): a unit
    /// whose census ends 3 weeks before the file's (an export that lags) is planned as open,
    /// and its last month was left out with no word while a few days missing anywhere else
    /// were read from the others. A series that stopped earlier keeps that period missing
    /// (closed on the 10th: its last 21 days say nothing of its level). Nil: every period a
    /// series ends within stays missing.
    public var seriesOpenIfRecordedSince: CalendarDay?

    /// With `readsPartlyRecordedPeriodsFromTheirDays`, each series' last recorded day (by key)
    /// where it falls after the rows added: a caller that adds only the rows of the periods it
    /// learns from (a staffing census leaves its partial last period out before adding) tells
    /// where each series really ends. A unit closed 12 January to 1 February and open again
    /// to 27 February ended its rows on 11 January, and its January (11 days of 20 patients)
    /// was left out as a month the unit ended within, where it is a month missing days between
    /// its first and last: 11 days' average times 31, 620.
    public var seriesLastDays: [String: CalendarDay] = [:]

    /// The periods read from the days recorded (`readsPartlyRecordedPeriodsFromTheirDays`): the
    /// series, the period, its days recorded and the days it holds.
    public private(set) var periodsReadFromRecordedDays: [(id: Int, period: Int, recorded: Int, days: Int)] = []

    /// With missing gaps, periods of summed-transaction series without a row of theirs, read
    /// as zero use because the file has rows in them (`leaveOutPeriodsSeriesCoverInPart`).
    public private(set) var transactionPeriodsReadAsZero = 0

    /// How many periods of single series were left out as recorded only in part, and the
    /// first few (`A 2025-W10: 2 of 7 days`).
    public private(set) var periodsSeriesCoverInPart = 0
    private var periodsSeriesCoverInPartExamples: [String] = []

    /// Periods between the first and the last kept in which no series has a row: a quarter a
    /// census export skipped, or a month a supply export lost. At day frequency only the days
    /// the file records count (a clinic's weekends are not gaps).
    public var periodsWithoutAnyRow: [Int] {
        guard !rowDays.isEmpty else { return [] }
        let weeks = spreadsWeeks || spreadsFortnights
        let dates = weeks ? rowDays.dates.isoWeeks(each: rowDays.weeksPerRow) : rowDays.dates
        let from = firstPeriodScannedForHoles
        guard from < lastPeriod else { return [] }
        let open = frequency == .day ? rowDays.openWeekdays : .all
        return (from...lastPeriod).filter { p in
            let start = frequency.firstDay(of: p)
            guard frequency != .day || open.contains(start) else { return false }
            return dates.count(from: start.daysSinceEpoch, through: frequency.firstDay(of: p + 1).daysSinceEpoch - 1) == 0
        }
    }

    /// The first period `periodsWithoutAnyRow` looks at: the first kept, or the file's first
    /// row's (its ISO week's first day for weekly rows).
    private var firstPeriodScannedForHoles: Int {
        let weeks = spreadsWeeks || spreadsFortnights
        return max(firstKept, frequency.period(of: weeks ? rowDays.firstDayOfWeeklyRow(rowDays.first) : rowDays.first))
    }

    /// A note naming `periodsWithoutAnyRow` and what they were read as, or nil. With zero gaps
    /// when the file's rows fall on nearly every period of their own frequency besides
    /// (`recordsNearlyEveryPeriod`): a slow item's month without use is no sign of a lost
    /// export, while a month without a row in a file that records every other one is. Two ED
    /// sites with a row on every day of two years but none in August 2026 (an extract that
    /// lost it) were forecast 11% low for November (4,262.5 for 4,807.8) from a zero August,
    /// with no word. The rule is the file's alone: it counted five series or more before, so a
    /// weekly file of 3 drug classes that lost 2026-W30 got zeros and an 80% band 4.5x too wide
    /// (169.9 to 223.3 around 196.6, where 88 recorded weeks have sd 4.6) with no word, and no
    /// `--shard` of the 5-class file (fewer than five series each) printed the note the
    /// unsharded run did; every shard sees the whole file's dates (`rowDays`). `option` is how
    /// the caller spells the gap setting (`--gaps`, `gaps:`).
    public func periodsWithoutAnyRowNote(option: String) -> String? {
        let holes = periodsWithoutAnyRow
        guard let firstHole = holes.first, gaps == .missing || recordsNearlyEveryPeriod(besides: holes) else { return nil }
        var runs: [ClosedRange<Int>] = [firstHole...firstHole]
        for p in holes.dropFirst() {
            if p == runs[runs.count - 1].upperBound + 1 { runs[runs.count - 1] = runs[runs.count - 1].lowerBound...p } else { runs.append(p...p) }
        }
        let named = runs.map { $0.count == 1 ? frequency.label($0.lowerBound) : "\(frequency.label($0.lowerBound)) to \(frequency.label($0.upperBound))" }
            .listed(upTo: 5)
        let what = "no series has a row in " + NumberFormat.count(holes.count, frequency.rawValue) + " inside the file's span (\(named))"
        switch gaps {
        case .zero: return what + ": read as zero use; if they were not recorded (an export that lost them, a census), \(option) missing reads them as not recorded, neither fitted nor written as zero"
        case .missing:
            let zeros = transactionPeriodsReadAsZero == 0 ? "" : "; " + NumberFormat.count(transactionPeriodsReadAsZero, frequency.rawValue)
                + " of single series issued on a few days a \(frequency.rawValue), without a row of theirs while the file has rows, are read as zero use"
            return what + ": missing, neither fitted nor written as zero" + zeros
        }
    }

    /// Whether the file's rows fall on nine in ten periods of their own frequency (`rowDays.span`)
    /// inside its span at least: daily rows on open days, `holes` aside (`recordsNearlyEveryDay`),
    /// weekly ones on ISO weeks, monthly ones on months, the holes counted (they are the only
    /// periods without a row, so leaving them out would make every file pass). Weekly doses of
    /// 3 drug classes with a row in 88 of the 89 weeks from 2025-W10 to 2026-W46 (2026-W30
    /// lost) are; one slow item with a row in 7 months of 12 is not. Rows finer than the
    /// periods count at the periods' frequency too, the holes counted as well: a supply
    /// export of 7 items with 3 to 8 issue rows a month each (rows on half the days) that
    /// lost March 2026 had a row in 45 of its 46 months, and March was read as zero use by
    /// every item with no word (80% bands 2.5 to 6 times as wide, a step change lost).
    func recordsNearlyEveryPeriod(besides holes: [Int]) -> Bool {
        guard !rowDays.isEmpty else { return false }
        let own = rowDays.span
        if own.rank < frequency.rank, rowsInNearlyEveryPeriod(besides: holes) { return true }
        if own == .day { return recordsNearlyEveryDay(besides: holes) }
        var periods = 0, recorded = 0
        for p in own.period(of: rowDays.first)...own.period(of: rowDays.last) {
            periods += 1
            let start = own.firstDay(of: p), end = own.firstDay(of: p + 1).adding(days: -1)
            if rowDays.dates.count(from: start.daysSinceEpoch, through: end.daysSinceEpoch) > 0 { recorded += 1 }
        }
        return periods > 0 && 10 * recorded >= 9 * periods
    }

    /// Whether nine in ten of the periods `periodsWithoutAnyRow` looks at hold a row, `holes`
    /// (the periods without any) counted against them.
    private func rowsInNearlyEveryPeriod(besides holes: [Int]) -> Bool {
        let from = firstPeriodScannedForHoles
        guard from < lastPeriod else { return false }
        let periods = lastPeriod - from + 1
        return 10 * (periods - holes.count) >= 9 * periods
    }

    /// Whether the rows are days and fall on nine in ten open days of the file's span at least,
    /// `holes` (periods without any row) aside: an export that records (nearly) every day, in
    /// which a period without a row is a lost extract rather than a quiet item. A slow item
    /// with rows on a day in four is not.
    func recordsNearlyEveryDay(besides holes: [Int]) -> Bool {
        guard rowDays.span == .day, !rowDays.isEmpty else { return false }
        let open = rowDays.openWeekdays
        let spanned = open.count(from: rowDays.first, through: rowDays.last)
        var days = spanned
        for p in holes {
            days -= open.count(from: max(rowDays.first, frequency.firstDay(of: p)), through: min(rowDays.last, frequency.firstDay(of: p + 1).adding(days: -1)))
        }
        let recorded = rowDays.dates.count(from: rowDays.first.daysSinceEpoch, through: rowDays.last.daysSinceEpoch)
        // The holes a fifth of the open days at most: an item with a row every third Monday
        // (its open days Mondays, 12 of its 19 weeks without a row) had every Monday outside
        // its holes recorded, and its quiet weeks were named as lost.
        return days > 0 && 10 * recorded >= 9 * days && 5 * (spanned - days) <= spanned
    }

    /// Open days inside the file's span on which no series has a row (`GapPolicy.missing`), and
    /// the first few.
    public private(set) var daysWithoutAnyRow = 0
    private var daysWithoutAnyRowExamples: [String] = []

    /// A note on the periods of single series left out as recorded in part, or nil; `option`
    /// is how the gap policy is set (`--gaps`, or `gaps:` in a pipeline).
    public func periodsSeriesCoverInPartNote(option: String) -> String? {
        guard periodsSeriesCoverInPart > 0 else { return nil }
        let count = periodsSeriesCoverInPart
        let which = count == 1 ? "\(frequency.rawValue) of one series is" : "\(frequency.rawValue)s of single series are"
        var note = "\(count) \(which) left out as missing, with rows on only some of the days the file records ("
            + periodsSeriesCoverInPartExamples.listed(of: count) + ")"
        if daysWithoutAnyRow > 0 {
            note += "; no series has a row on " + NumberFormat.count(daysWithoutAnyRow, "day") + " ("
                + daysWithoutAnyRowExamples.listed(of: daysWithoutAnyRow)
                + "): if nothing happened on them (a clinic's holidays), \(option) zero reads them as days of zero"
        }
        return note
    }

    /// Series begun within their first period after the file's first day (a drug added to the
    /// formulary on the 16th) and used on most of its open days since: that period holds only
    /// part of their use, and fitted whole it pulled their forecast down (4 a day from 16
    /// September forecast 108.5 for January, not 124). It is left out of their fit
    /// (`fitValues`) and of `aggregate`'s output (`aggregateValues`) whatever follows it, or read
    /// at its days' rate when nothing does; `values(of:)` keeps it. A series used
    /// now and then keeps it: its first use falling late in a period says nothing about the
    /// days before. Only rows of use count, from the first of them (`firstUseDays`): rows of 0
    /// before it or between uses, as an export listing unused days has, say nothing of use, and
    /// a series with none in its first period keeps it. Daily usage rows only (a census, with missing gaps, has its own per-series
    /// check).
    private mutating func leaveOutNewSeriesFirstPeriods(open: OpenWeekdays, fileFirst: CalendarDay) {
        guard gaps == .zero, rowDays.span == .day, !spreadsWeeks else { return }
        startsInPart = [Bool](repeating: false, count: firstPeriods.count)
        for id in firstPeriods.indices {
            guard firstUseDays[id] != .max else { continue }
            let period = firstPeriods[id], first = CalendarDay(daysSinceEpoch: firstUseDays[id])
            guard first > fileFirst, period >= firstKept, period <= lastPeriod else { continue }
            let start = frequency.firstDay(of: period), end = frequency.firstDay(of: period + 1).adding(days: -1)
            guard first > start else { continue }
            // A clinic's item in a file whose wards record weekends counts its own weekdays.
            let open = ownWeekdays(of: id, within: open)
            guard open.count(from: start, through: first.adding(days: -1)) > 0 else { continue }
            let since = open.count(from: first, through: min(end, rowDays.last))
            guard since > 0, Double(firstPeriodUses[id]) >= 0.8 * Double(since) else { continue }
            // Used on most days since means every whole period after the first holds use: an
            // antivenom issued on about 8% of days, whose first two issues fell on the last two
            // days of its first week, was read as begun within that week and lost it (2 vials),
            // though most of its weeks after had none.
            if cellsAfterFirstHoldAZero(id, first: period) { continue }
            startsInPart[id] = true
            seriesStartingInPart += 1
            let days = open.count(from: start, through: end)
            partFirstDays[id] = (since, days)
            if period == lastPeriod {
                seriesOnlyInPart += 1
                if seriesOnlyInPartExamples.count < 3 {
                    seriesOnlyInPartExamples.append("\(keys.key(id)) \(frequency.label(period)) from \(first): \(since) of \(days) days")
                }
            } else if seriesStartingInPartExamples.count < 3 {
                seriesStartingInPartExamples.append("\(keys.key(id)) \(frequency.label(period)) from \(first)")
            }
        }
    }

    /// Whether a period of the series after `first`, through the last, has no use.
    private func cellsAfterFirstHoldAZero(_ id: Int, first: Int) -> Bool {
        let last = min(lastPeriod, lastKept)
        guard first < last else { return false }
        for p in (first + 1)...last where !(cell(id, p) > 0) { return true }
        return false
    }

    /// How many series had their first period left out as begun within it, and the first few.
    public private(set) var seriesStartingInPart = 0
    private var seriesStartingInPartExamples: [String] = []

    /// Of `seriesStartingInPart`, those whose part first period is their only one (no whole
    /// period follows yet), and the first few.
    public private(set) var seriesOnlyInPart = 0
    private var seriesOnlyInPartExamples: [String] = []

    /// A note on the series whose first period was left out as begun within it, and one on those
    /// whose part first period is all they have (read at its days' rate), or nil. `aggregate`
    /// leaves the part period out of its output as it does the file's partial periods (DESIGN.md,
    /// Calendar: `partial: drop`): it wrote UC-EAST's 12 days of August (489) as an ordinary
    /// month while this note said forecasts left it out, and `aggregate | forecast` forecast
    /// November 991 where `forecast` said 1,222.
    public var seriesStartingInPartNote: String? { seriesStartingInPartNote(writtenAsTotals: false) }

    /// As `seriesStartingInPartNote`; `writtenAsTotals` for `aggregate`, whose CSV of totals
    /// cannot say that a value covers part of its period: a new site's only month, 24 days of
    /// October (960), was written as an ordinary month while the note said forecasts read it at
    /// its days' rate, and `aggregate | forecast` forecast November 960 where `forecast` on the
    /// file said 1,200. The note then says which route reads it how.
    public func seriesStartingInPartNote(writtenAsTotals: Bool) -> String? {
        var notes: [String] = []
        let leftOut = seriesStartingInPart - seriesOnlyInPart, f = frequency.rawValue
        if leftOut > 0 {
            let one = leftOut == 1
            let which = one ? "1 series begins within its first \(f) and is" : "\(leftOut) series begin within their first \(f) and are"
            notes.append("\(which) used on most days since: that \(f) holds part of \(one ? "its" : "their") use, so it is left out as partial (of the output and of the fit), and \(one ? "the series starts" : "they start") with \(one ? "its" : "their") first whole \(f) ("
                + seriesStartingInPartExamples.listed(of: leftOut) + ")")
        }
        if seriesOnlyInPart > 0 {
            let one = seriesOnlyInPart == 1
            let its = one ? "its" : "their", it = one ? "it" : "them"
            let how: String
            if writtenAsTotals {
                how = "\(its) sum over those days is written as the \(f)'s value, as leaving it out would leave nothing; a forecast of this output reads \(it) as a whole \(f), below \(its) days' rate, while forecast on the input file (or a pipeline's forecast stage) reads \(it) at \(its) days' rate over the whole \(f)"
            } else {
                how = "kept, as leaving it out would leave nothing; forecasts read it at its days' rate over the whole \(f), with the interval of a normal spread whose standard deviation is half the forecast, as one \(f) shows no spread of its own (80%: 0.36 to 1.64 times the forecast; 95%: 0.02 to 1.98)"
            }
            let which = one ? "1 series has" : "\(seriesOnlyInPart) series have"
            notes.append("\(which) no whole \(f) yet after \(its) part first one (" + seriesOnlyInPartExamples.listed(of: seriesOnlyInPart) + "): " + how)
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// Levels (`GapPolicy.missing`) summed from daily rows: a period in which a series has rows
    /// on fewer of its open days than the period holds (a ward that did not report for three
    /// days of a week) is partial for that series and becomes missing, as a sum of four days
    /// would read as a fall in census (a week of 30 a day summed to 120). That holds when no
    /// series has a row on those days either: a census that skipped days hospital-wide is
    /// short all the same, and the note names the days, so a clinic whose rows count visits
    /// and that closed on a holiday can say `--gaps zero`. A series counts its own open
    /// weekdays once they can be told (`DaySet.openWeekdays`: four weeks of rows, not too
    /// sparse; a weekday clinic among seven-day wards), else the file's. Usage needs no such
    /// rule: a day without a row is no use. Nor do series with rows on half their open days or
    /// fewer, in the periods they have rows in: those are summed transactions (issues of a
    /// supply item a few times a month), not a daily record, whatever the gap setting.
    /// Weekly rows count the seven days of their ISO weeks (a weekly census series whose first
    /// week begins on Monday 6 October misses the first five days of the month).
    private mutating func leaveOutPeriodsSeriesCoverInPart(open: OpenWeekdays, from firstDay: CalendarDay, through lastDay: CalendarDay) {
        guard gaps == .missing, rowDays.span == .day || spreadsWeeks, !seriesDays.isEmpty else { return }
        let from = max(firstKept, base), through = min(lastPeriod, base + periods - 1)
        guard from <= through else { return }
        let starts = (from...through + 1).map { frequency.firstDay(of: $0).daysSinceEpoch }
        let fileFirst = firstDay.daysSinceEpoch, fileLast = lastDay.daysSinceEpoch
        // Every open day of the file's span is a day a level should have been recorded on.
        let rowDates = spreadsWeeks ? rowDays.dates.isoWeeks(each: rowDays.weeksPerRow) : rowDays.dates
        for day in fileFirst...max(fileFirst, fileLast) where open.contains(CalendarDay(daysSinceEpoch: day)) && !rowDates.contains(day) {
            daysWithoutAnyRow += 1
            if daysWithoutAnyRowExamples.count < 5 { daysWithoutAnyRowExamples.append(CalendarDay(daysSinceEpoch: day).description) }
        }
        // The open days of the file's span per period, worked out once for each set of weekdays.
        var fileDays: [UInt8: (bits: DaySet.WeekdayBits, days: [Int])] = [:]
        let fileHoles = Set(periodsWithoutAnyRow)
        for id in 0..<firstPeriods.count where max(from, firstPeriods[id]) <= through {
            let days = spreadsWeeks ? seriesDays[id].isoWeeks(each: rowDays.weeksPerRow) : seriesDays[id]
            let weekdays = days.openWeekdays ?? open
            if fileDays[weekdays.mask] == nil {
                let bits = DaySet.WeekdayBits(weekdays)
                fileDays[weekdays.mask] = (bits, (from...through).map { p in
                    weekdays.count(from: CalendarDay(daysSinceEpoch: max(starts[p - from], fileFirst)),
                                   through: CalendarDay(daysSinceEpoch: min(starts[p - from + 1] - 1, fileLast)))
                })
            }
            let (bits, expected) = fileDays[weekdays.mask]!
            // A daily record has a row on most of its open days; summed transactions do not,
            // and their period with a few rows is a whole one. A supply export of 7 items with 3
            // to 8 issue rows a month each, read with --gaps missing to leave out the month it
            // lost, had every month of every item left out (231) and no series written.
            var recordedDays = 0, expectedDays = 0, recordedPeriods = 0
            for p in max(from, firstPeriods[id])...through where !grid[(p - base) * capacity + id].isNaN {
                recordedDays += days.count(from: starts[p - from], through: starts[p - from + 1] - 1, on: bits)
                expectedDays += expected[p - from]
                recordedPeriods += 1
            }
            guard 2 * recordedDays > expectedDays else {
                // Summed transactions (several days with rows in each period they have): a
                // period of theirs with no row, in which the file has rows, is a period of no
                // use, not one left unrecorded; only the file's own holes stay missing. Read as
                // missing, a supply export's slow item (1.35 a month) became "smooth" at 9.58 and
                // a stopped one was forecast 80.6 from its earlier use, when --gaps missing was
                // given to leave out the one month the export lost.
                guard !readsPartlyRecordedPeriodsFromTheirDays, recordedPeriods > 0, recordedDays >= 2 * recordedPeriods else { continue }
                for p in max(from, firstPeriods[id])...through where grid[(p - base) * capacity + id].isNaN && !fileHoles.contains(p) {
                    grid[(p - base) * capacity + id] = 0
                    transactionPeriodsReadAsZero += 1
                }
                continue
            }
            for p in max(from, firstPeriods[id])...through {
                let cell = (p - base) * capacity + id
                // A period with no row of its own that a week from the one before reaches is
                // partial too (its days are named; it stays missing).
                guard !grid[cell].isNaN || weeksReaching(id, p) != nil else { continue }
                let recorded = days.count(from: starts[p - from], through: starts[p - from + 1] - 1, on: bits)
                guard recorded < expected[p - from] else { continue }
                if readsPartlyRecordedPeriodsFromTheirDays, !spreadsWeeks, recorded > 0, !grid[cell].isNaN,
                   let seriesFirst = days.firstDay, let rowsLast = days.lastDay {
                    let seriesLast = max(rowsLast, seriesLastDays.isEmpty ? rowsLast : seriesLastDays[keys.key(id)]?.daysSinceEpoch ?? rowsLast)
                    // Only days missing inside the series' own span: none of the period's open days
                    // falls before its first day or after its last, unless its last is recent
                    // enough that it has not stopped (`seriesOpenIfRecordedSince`).
                    let periodFirst = max(starts[p - from], fileFirst), periodLast = min(starts[p - from + 1] - 1, fileLast)
                    let outside = weekdays.count(from: CalendarDay(daysSinceEpoch: periodFirst), through: CalendarDay(daysSinceEpoch: seriesFirst - 1))
                        + (seriesOpenIfRecordedSince.map { seriesLast >= $0.daysSinceEpoch } == true ? 0
                            : weekdays.count(from: CalendarDay(daysSinceEpoch: seriesLast + 1), through: CalendarDay(daysSinceEpoch: periodLast)))
                    if outside == 0 {
                        grid[cell] *= Double(expected[p - from]) / Double(recorded)
                        periodsReadFromRecordedDays.append((id, p, recorded, expected[p - from]))
                        continue
                    }
                }
                grid[cell] = .nan
                periodsSeriesCoverInPart += 1
                if periodsSeriesCoverInPartExamples.count < 5 {
                    periodsSeriesCoverInPartExamples.append("\(keys.key(id)) \(frequency.label(p)): \(recorded) of \(expected[p - from]) days")
                }
            }
        }
    }
}
