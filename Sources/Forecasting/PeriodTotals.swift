import Tabular

/// Sums long-format rows (series key, date, value) into one total per series and period.
///
/// DESIGN.md's rule for usage: gaps are zero demand, not missing data. A series runs from
/// its first period with a row to the last period anywhere in the input, zero-filled, and
/// has nothing before its first use — so an item unused for months shows as dead stock.
///
/// Totals live in one grid, series x period, so adding a row touches one cell; the period
/// span grows geometrically when a row falls outside it, which is rare after the first
/// rows of an export.
public struct PeriodTotals {
    public let frequency: Frequency
    public private(set) var keys = ByteKeyTable(capacity: 4096)
    private var firstPeriods: [Int] = []
    private var grid: [Double] = []
    /// Period of grid column 0, and the number of columns per series.
    private var base = 0
    private var stride = 0
    /// Last period with a row in any series.
    public private(set) var lastPeriod = Int.min
    public private(set) var rowsAdded = 0

    public init(frequency: Frequency) { self.frequency = frequency }

    public var seriesCount: Int { keys.count }

    /// Adds `value` to the total of `key` in the period holding `day`.
    public mutating func add(key: UnsafeBufferPointer<UInt8>, day: CalendarDay, value: Double) {
        add(series: keys.intern(key), period: frequency.period(of: day), value: value)
    }

    /// Adds `value` to series `id` (ids are dense: a new series is the next id) in `period`.
    public mutating func add(series id: Int, period: Int, value: Double) {
        rowsAdded += 1
        if stride == 0 {
            base = period
            stride = 1
        }
        if period < base || period >= base + stride { widen(toInclude: period) }
        if period > lastPeriod { lastPeriod = period }
        if id == firstPeriods.count {
            firstPeriods.append(period)
            grid.append(contentsOf: repeatElement(0.0, count: stride))
        } else if period < firstPeriods[id] {
            firstPeriods[id] = period
        }
        grid[id * stride + period - base] += value
    }

    private mutating func widen(toInclude period: Int) {
        let low = min(base, period)
        let high = max(base + stride - 1, period)
        var newStride = max(stride, 1)
        while newStride < high - low + 1 { newStride *= 2 }
        // Leave the room on the side the span is growing towards.
        let newBase = period < base ? high - newStride + 1 : low
        var fresh = [Double](repeating: 0, count: firstPeriods.count * newStride)
        for id in firstPeriods.indices {
            for k in 0..<stride where grid[id * stride + k] != 0 {
                fresh[id * newStride + base + k - newBase] = grid[id * stride + k]
            }
        }
        grid = fresh
        base = newBase
        stride = newStride
    }

    /// Number of (series, period) cells after zero-filling to the last period.
    public var cellCount: Int {
        firstPeriods.reduce(0) { $0 + lastPeriod - $1 + 1 }
    }

    /// Visits each series in key order with its first period and its zero-filled totals.
    public func forEachSeries(_ body: (_ id: Int, _ firstPeriod: Int, _ values: ArraySlice<Double>) throws -> Void) rethrows {
        for id in keys.idsSortedByKey() {
            let first = firstPeriods[id]
            let row = id * stride - base
            try body(id, first, grid[(row + first)...(row + lastPeriod)])
        }
    }

    /// The values of one series, zero-filled to the last period.
    public func values(of id: Int) -> (firstPeriod: Int, values: [Double]) {
        let first = firstPeriods[id]
        let row = id * stride - base
        return (first, Array(grid[(row + first)...(row + lastPeriod)]))
    }
}
