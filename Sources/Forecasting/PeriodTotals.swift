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
public struct PeriodTotals {
    public let frequency: Frequency
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

    public init(frequency: Frequency) { self.frequency = frequency }

    public var seriesCount: Int { keys.count }

    /// Adds `value` to the total of `key` in the period holding `day`.
    public mutating func add(key: UnsafeBufferPointer<UInt8>, day: CalendarDay, value: Double) {
        if day != cachedDay {
            cachedDay = day
            cachedPeriod = frequency.period(of: day)
        }
        add(series: keys.intern(key), period: cachedPeriod, value: value)
    }

    /// Adds a batch of rows whose keys are short (see `PeriodTotalsLoader`): the same totals
    /// as adding them one by one, in order, with the key lookups done back to back.
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
            grid = [Double](repeating: 0, count: capacity)
        }
        if period < base || period >= base + periods { reshape(including: period, capacity: capacity) }
        if id >= capacity { reshape(including: period, capacity: max(capacity * 2, id + 1)) }
        if period > lastPeriod { lastPeriod = period }
        if id == firstPeriods.count {
            firstPeriods.append(period)
        } else if period < firstPeriods[id] {
            firstPeriods[id] = period
        }
        grid[(period - base) * capacity + id] += value
    }

    @inline(__always)
    private func cell(_ id: Int, _ period: Int) -> Double { grid[(period - base) * capacity + id] }

    private mutating func reshape(including period: Int, capacity newCapacity: Int) {
        let low = min(base, period)
        let high = max(base + periods - 1, period)
        var newPeriods = periods
        while newPeriods < high - low + 1 { newPeriods *= 2 }
        // Leave the room on the side the span is growing towards.
        let newBase = period < base ? high - newPeriods + 1 : low
        var fresh = [Double](repeating: 0, count: newPeriods * newCapacity)
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
        firstPeriods.reduce(0) { $0 + lastPeriod - $1 + 1 }
    }

    /// Visits each series in key order with its first period and its zero-filled totals
    /// (values[0] is the first period).
    public func forEachSeries(_ body: (_ id: Int, _ firstPeriod: Int, _ values: [Double]) throws -> Void) rethrows {
        for id in keys.idsSortedByKey() {
            let (first, values) = self.values(of: id)
            try body(id, first, values)
        }
    }

    /// The values of one series, zero-filled to the last period.
    public func values(of id: Int) -> (firstPeriod: Int, values: [Double]) {
        let first = firstPeriods[id]
        guard lastPeriod >= first else { return (first, []) }
        return (first, (first...lastPeriod).map { cell(id, $0) })
    }
}
