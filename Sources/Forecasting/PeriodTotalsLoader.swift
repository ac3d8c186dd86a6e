import Tabular

/// Fills `PeriodTotals` from an import's rows, holding up to `batchSize` rows back so their
/// key lookups run together.
///
/// On a large export the lookups are bound by memory latency (the key table and the totals
/// grid are bigger than the cache); made one per row, between parsing a date and a number,
/// each waits for its own miss. Rows are still added in file order, so ids and every sum are
/// the same as adding them one at a time. Keys longer than 16 bytes flush the batch and are
/// added directly.
public struct PeriodTotalsLoader {
    private var totals: PeriodTotals
    private let batch = Batch()
    private var pending = 0
    private var cachedDay = CalendarDay(daysSinceEpoch: .min)
    private var cachedPeriod = 0
    private var cachedSpill: Int8 = 0
    private var days = RowDays()
    private var finer = false
    /// The tags rows were added with (`add(key:day:value:tag:)`), by series.
    public private(set) var tags = SeriesTags()
    private var tagged = false
    static let batchSize = 256

    public init(frequency: Frequency, gaps: GapPolicy = .zero) {
        totals = PeriodTotals(frequency: frequency, gaps: gaps)
    }

    /// The held rows' columns; a class so that they are freed however the import ends.
    private final class Batch {
        let keys = UnsafeMutablePointer<ByteKeyTable.InlineKey>.allocate(capacity: batchSize)
        let periods = UnsafeMutablePointer<Int>.allocate(capacity: batchSize)
        let days = UnsafeMutablePointer<Int32>.allocate(capacity: batchSize)
        let values = UnsafeMutablePointer<Double>.allocate(capacity: batchSize)
        let spills = UnsafeMutablePointer<Int8>.allocate(capacity: batchSize)
        let ids = UnsafeMutablePointer<Int>.allocate(capacity: batchSize)
        let tags = UnsafeMutablePointer<Int32>.allocate(capacity: batchSize)

        deinit {
            keys.deallocate(); periods.deallocate(); days.deallocate(); values.deallocate(); spills.deallocate(); ids.deallocate()
            tags.deallocate()
        }
    }

    /// Adds `value` to the total of `key` in the period holding `day`.
    @inline(__always)
    public mutating func add(key: UnsafeBufferPointer<UInt8>, day: CalendarDay, value: Double) {
        add(key: key, day: day, value: value, tag: -1)
    }

    /// Adds the row as `add(key:day:value:)` does, remembering `tag` (a small number the caller
    /// gives a value of another column, such as the unit of measure; negative for none) for the
    /// key's series in `tags`. The series' id comes from the batch's lookups, so a tag costs no
    /// lookup of its own.
    @inline(__always)
    public mutating func add(key: UnsafeBufferPointer<UInt8>, day: CalendarDay, value: Double, tag: Int32) {
        guard let inline = ByteKeyTable.InlineKey(key) else {
            flush()
            let id = totals.id(adding: key, day: day, value: value)
            if tag >= 0 { tags.see(series: id, tag: tag) }
            return
        }
        if tag >= 0 { tagged = true }
        if day != cachedDay {
            cachedDay = day
            cachedPeriod = totals.frequency.period(of: day)
            cachedSpill = totals.spills(of: day, period: cachedPeriod)
            see(day: day, period: cachedPeriod)
        }
        (batch.keys + pending).initialize(to: inline)
        batch.periods[pending] = cachedPeriod
        batch.days[pending] = day.daysSinceEpoch
        batch.values[pending] = value
        batch.spills[pending] = cachedSpill
        batch.tags[pending] = tag
        pending += 1
        if pending == Self.batchSize { flush() }
    }

    /// A row of the file that is not added (another shard's): its day still counts for the
    /// calendar (see `PeriodTotals.cover`).
    public mutating func see(day: CalendarDay) {
        see(day: day, period: totals.frequency.period(of: day))
    }

    private mutating func see(day: CalendarDay, period: Int) {
        if !finer && day != totals.frequency.firstDay(of: period) {
            // The rows held so far are added as rows on their periods' first days, before the
            // first that is not (`PeriodTotals.becomeFinerThanPeriods`), whatever the batch.
            flush()
            finer = true
        }
        days.see(day)
    }

    private mutating func flush() {
        guard pending > 0 else { return }
        totals.cover(days, finer: finer)
        totals.add(batch: UnsafeBufferPointer(start: batch.keys, count: pending), periods: UnsafeBufferPointer(start: batch.periods, count: pending),
                   days: UnsafeBufferPointer(start: batch.days, count: pending),
                   values: UnsafeBufferPointer(start: batch.values, count: pending),
                   spills: UnsafeBufferPointer(start: batch.spills, count: pending), ids: batch.ids)
        if tagged {
            for i in 0..<pending where batch.tags[i] >= 0 { tags.see(series: batch.ids[i], tag: batch.tags[i]) }
        }
        pending = 0
    }

    /// The totals of every row added so far.
    public mutating func finish() -> PeriodTotals {
        flush()
        totals.cover(days, finer: finer)
        return totals
    }
}
