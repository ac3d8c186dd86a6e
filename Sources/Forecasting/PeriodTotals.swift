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
public struct PeriodTotals {
    public let frequency: Frequency
    public let gaps: GapPolicy
    public private(set) var keys = ByteKeyTable(capacity: 4096)
    private var firstPeriods: [Int] = []
    private var grid: [Double] = []
    /// Period of grid row 0, rows allocated, and series slots per row.
    private var base = 0
    private var periods = 0
    private var capacity = 0
    /// Last period with a row in any series.
    public private(set) var lastPeriod = Int.min
    public private(set) var rowsAdded = 0
    /// Consecutive rows usually share a date; converting a day to a month costs divisions.
    private var cachedDay = CalendarDay(daysSinceEpoch: .min)
    private var cachedPeriod = 0
    /// The first and last day of any row added by date: what the file covers.
    public private(set) var firstDay = CalendarDay(daysSinceEpoch: .max)
    public private(set) var lastDay = CalendarDay(daysSinceEpoch: .min)
    /// False once a row's day is not the first day of its period: the rows are finer than
    /// the periods (days summed into months), so a period can be covered in part. Rows that
    /// are periods already (`2026-06`, `JUN26`, read as first days) never make one partial.
    public private(set) var finerThanPeriods = false
    /// Periods before this one were left out as partial.
    private var firstKept = Int.min
    /// A cell no row has touched: zero, or NaN when gaps are missing.
    private let emptyCell: Double

    public init(frequency: Frequency, gaps: GapPolicy = .zero) {
        self.frequency = frequency
        self.gaps = gaps
        emptyCell = gaps == .missing ? .nan : 0
    }

    public var seriesCount: Int { keys.count }

    /// Adds `value` to the total of `key` in the period holding `day`.
    public mutating func add(key: UnsafeBufferPointer<UInt8>, day: CalendarDay, value: Double) {
        if day != cachedDay {
            cachedDay = day
            cachedPeriod = frequency.period(of: day)
            cover(day)
        }
        add(series: keys.intern(key), period: cachedPeriod, value: value)
    }

    /// Adds a batch of rows whose keys are short (see `PeriodTotalsLoader`): the same totals
    /// as adding them one by one, in order, with the key lookups done back to back.
    /// Widens the days the rows cover by one row's day.
    public mutating func cover(_ day: CalendarDay) {
        cover(day, day, finer: day != frequency.firstDay(of: frequency.period(of: day)))
    }

    /// Widens the days the rows cover. A shard passes the days of the rows it leaves to
    /// other shards too: partial periods and the last period are the file's, so every
    /// shard sees the same calendar as the whole run.
    public mutating func cover(_ first: CalendarDay, _ last: CalendarDay, finer: Bool) {
        if finer { finerThanPeriods = true }
        if first < firstDay { firstDay = first }
        if last > lastDay {
            lastDay = last
            lastPeriod = max(lastPeriod, frequency.period(of: last))
        }
    }

    mutating func add(batch keys: UnsafeBufferPointer<ByteKeyTable.InlineKey>, periods: UnsafeBufferPointer<Int>, values: UnsafeBufferPointer<Double>, ids: UnsafeMutablePointer<Int>) {
        self.keys.intern(keys, ids: ids)
        for i in 0..<keys.count { add(series: ids[i], period: periods[i], value: values[i]) }
    }

    /// Adds `value` to series `id` (ids are dense: a new series is the next id) in `period`.
    public mutating func add(series id: Int, period: Int, value: Double) {
        rowsAdded += 1
        if periods == 0 {
            base = period
            periods = 1
            capacity = 1024
            grid = [Double](repeating: emptyCell, count: capacity)
        }
        if period < base || period >= base + periods { reshape(including: period, capacity: capacity) }
        if id >= capacity { reshape(including: period, capacity: max(capacity * 2, id + 1)) }
        if period > lastPeriod { lastPeriod = period }
        if id == firstPeriods.count {
            firstPeriods.append(period)
        } else if period < firstPeriods[id] {
            firstPeriods[id] = period
        }
        let cell = (period - base) * capacity + id
        if gaps == .missing && grid[cell].isNaN { grid[cell] = value } else { grid[cell] += value }
    }

    @inline(__always)
    private func cell(_ id: Int, _ period: Int) -> Double {
        // The calendar can run past the grid (another shard's rows set the last period).
        period >= base && period < base + periods ? grid[(period - base) * capacity + id] : emptyCell
    }

    private mutating func reshape(including period: Int, capacity newCapacity: Int) {
        let low = min(base, period)
        let high = max(base + periods - 1, period)
        var newPeriods = periods
        while newPeriods < high - low + 1 { newPeriods *= 2 }
        // Leave the room on the side the span is growing towards.
        let newBase = period < base ? high - newPeriods + 1 : low
        var fresh = [Double](repeating: emptyCell, count: newPeriods * newCapacity)
        for row in 0..<periods {
            let target = (base + row - newBase) * newCapacity
            for id in 0..<min(capacity, firstPeriods.count) {
                fresh[target + id] = grid[row * capacity + id]
            }
        }
        grid = fresh
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
    public func forEachSeries(_ body: (_ id: Int, _ firstPeriod: Int, _ values: [Double]) throws -> Void) rethrows {
        for id in keys.idsSortedByKey() {
            let (first, values) = self.values(of: id)
            if values.isEmpty { continue }
            try body(id, first, values)
        }
    }

    /// True when a series has no kept period (its rows were all in a left-out one).
    public func isEmpty(_ id: Int) -> Bool { max(firstPeriods[id], firstKept) > lastPeriod }

    /// The values of one series, zero-filled (or NaN-filled when gaps are missing) to the
    /// last period; empty when none of its periods is kept.
    public func values(of id: Int) -> (firstPeriod: Int, values: [Double]) {
        let first = max(firstPeriods[id], firstKept)
        guard !isEmpty(id) else { return (first, []) }
        return (first, (first...lastPeriod).map { cell(id, $0) })
    }

    /// A period left out because the rows' dates cover it only in part.
    public struct PartialPeriod: Sendable, Equatable, CustomStringConvertible {
        public var period: Int
        public var label: String
        public var daysCovered: Int
        public var days: Int
        public var description: String { "\(label) covers \(daysCovered) of \(days) days: left out" }
    }

    /// Leaves out the first and the last period when the rows' dates cover them only in part
    /// (DESIGN.md, Calendar: `partial: drop`), and returns them for the notes. Days are never
    /// partial, nor are rows that are whole periods already; a file whose rows all fall in one partial period keeps it (there would be
    /// nothing left to learn from).
    public mutating func leaveOutPartialPeriods() -> [PartialPeriod] {
        guard frequency != .day, finerThanPeriods, firstDay <= lastDay else { return [] }
        let first = frequency.period(of: firstDay), last = frequency.period(of: lastDay)
        guard last > first else { return [] }
        var left: [PartialPeriod] = []
        let startOfFirst = frequency.firstDay(of: first)
        if firstDay != startOfFirst {
            let days = frequency.days(in: first)
            left.append(PartialPeriod(period: first, label: frequency.label(first),
                                      daysCovered: days - Int(firstDay.daysSinceEpoch - startOfFirst.daysSinceEpoch), days: days))
            firstKept = first + 1
        }
        let endOfLast = frequency.firstDay(of: last + 1).adding(days: -1)
        if lastDay != endOfLast, lastPeriod == last {
            let days = frequency.days(in: last)
            left.append(PartialPeriod(period: last, label: frequency.label(last),
                                      daysCovered: days - Int(endOfLast.daysSinceEpoch - lastDay.daysSinceEpoch), days: days))
            lastPeriod = last - 1
        }
        if firstKept > lastPeriod {
            // Two partial periods and nothing between: keep both rather than nothing.
            firstKept = .min
            lastPeriod = last
            return []
        }
        return left
    }
}
