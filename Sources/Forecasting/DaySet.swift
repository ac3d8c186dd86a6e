import Tabular

/// The days on which something has a row, one bit a day.
///
/// Counting rows would count a day twice when its rows are apart (a day shift listed before
/// the night shift of every day); a set of days does not depend on the rows' order. Words
/// cover 64 days from `base`, which is a multiple of 64, and grow on either side.
public struct DaySet: Sendable, Equatable {
    /// The same days, however the words were laid out.
    public static func == (a: DaySet, b: DaySet) -> Bool {
        guard !a.words.isEmpty, !b.words.isEmpty else { return a.firstDay == nil && b.firstDay == nil }
        let low = min(a.base, b.base), high = max(a.base + Int32(a.words.count * 64), b.base + Int32(b.words.count * 64))
        func word(_ set: DaySet, _ start: Int32) -> UInt64 {
            let k = Int((start - set.base) / 64)
            return start >= set.base && k < set.words.count ? set.words[k] : 0
        }
        return stride(from: low, to: high, by: 64).allSatisfy { word(a, $0) == word(b, $0) }
    }

    private var base: Int32 = 0
    private var words: [UInt64] = []

    public init() {}

    public mutating func insert(_ day: Int32) {
        reserve(day)
        let offset = Int(day - base)
        words[offset >> 6] |= 1 << UInt64(offset & 63)
    }

    /// Grows the words to hold `day`, without adding it.
    private mutating func reserve(_ day: Int32) {
        let start = day & ~63
        if words.isEmpty {
            base = start
            words = [0]
        } else if start < base {
            let grow = max(Int((base - start) / 64), words.count)
            words.insert(contentsOf: repeatElement(0, count: grow), at: 0)
            base -= Int32(grow * 64)
        } else if Int((start - base) / 64) >= words.count {
            let needed = Int((start - base) / 64) + 1
            words.append(contentsOf: repeatElement(0, count: max(needed, 2 * words.count) - words.count))
        }
    }

    public func contains(_ day: Int32) -> Bool {
        guard !words.isEmpty, day >= base else { return false }
        let offset = Int(day - base)
        return offset >> 6 < words.count && words[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// Every day of the ISO weeks (Monday to Sunday) that hold a day of the set: the days
    /// weekly rows cover.
    public var isoWeeks: DaySet { isoWeeks(each: 1) }

    /// Every day of the `weeks` ISO weeks ending with each one that holds a day of the set: the
    /// days rows of `weeks` weeks' totals cover (`RowDays.weeksPerRow`).
    public func isoWeeks(each weeks: Int) -> DaySet {
        var out = DaySet()
        forEachDay { day in
            let monday = CalendarDay(daysSinceEpoch: day).startOfISOWeek.daysSinceEpoch - Int32(7 * (weeks - 1))
            for k in 0..<(7 * weeks) { out.insert(monday + Int32(k)) }
        }
        return out
    }

    /// Calls `body` with each day, in order.
    public func forEachDay(_ body: (Int32) -> Void) {
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                body(base + Int32(w * 64 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
    }

    /// Days in the set from `first` through `last` that fall on `weekdays` (all when nil).
    public func count(from first: Int32, through last: Int32, on weekdays: WeekdayBits? = nil) -> Int {
        guard !words.isEmpty, last >= first else { return 0 }
        let low = max(Int(first - base), 0), high = min(Int(last - base), words.count * 64 - 1)
        guard low <= high else { return 0 }
        var total = 0
        for w in (low >> 6)...(high >> 6) {
            var word = words[w]
            if w == low >> 6 { word &= ~UInt64(0) << UInt64(low & 63) }
            if w == high >> 6 && high & 63 < 63 { word &= (1 << UInt64((high & 63) + 1)) - 1 }
            if word == 0 { continue }
            if let weekdays { word &= weekdays.mask(forWordStarting: base + Int32(w * 64)) }
            total += word.nonzeroBitCount
        }
        return total
    }

    /// Days in the set on each ISO weekday (index 0 is Monday).
    public var countByWeekday: [Int] {
        (1...7).map { count(from: base, through: base + Int32(words.count * 64 - 1), on: WeekdayBits(OpenWeekdays(mask: 1 << UInt8($0 - 1)))) }
    }

    /// The bits of any 64-day word that fall on some weekdays, worked out once: a word's days
    /// repeat the weekdays with the word's first day as the only difference.
    public struct WeekdayBits: Sendable {
        private let masks: [UInt64]

        public init(_ weekdays: OpenWeekdays) {
            masks = (1...7).map { first in
                var mask: UInt64 = 0
                for k in 0..<7 where weekdays.mask & (1 << UInt8((first - 1 + k) % 7)) != 0 {
                    var bit = k
                    while bit < 64 { mask |= 1 << UInt64(bit); bit += 7 }
                }
                return mask
            }
        }

        @inline(__always)
        func mask(forWordStarting day: Int32) -> UInt64 { masks[CalendarDay(daysSinceEpoch: day).isoWeekday - 1] }
    }

    /// The weekdays on which the set has days in at least half as many weeks as on its most
    /// frequent weekday, once its days span four weeks and that weekday has days in half the
    /// weeks with days, and four at least; nil otherwise (too few weeks, or days too sparse, to
    /// tell: an item used once a month would close the weekdays it happened to miss, and four
    /// rows on a Wednesday, two Saturdays and a Tuesday would close the rest; a clinic's export
    /// with a few months missing still shows its weekends closed). One row posted on a
    /// Saturday does not open a clinic's weekends.
    public var openWeekdays: OpenWeekdays? {
        guard let first = firstDay, let last = lastDay, last - first >= 27 else { return nil }
        let counts = countByWeekday
        let most = counts.max() ?? 0
        guard most >= 4, 2 * most >= weeksWithDays else { return nil }
        var mask: UInt8 = 0
        for (k, n) in counts.enumerated() where n > 0 && 2 * n >= most { mask |= 1 << UInt8(k) }
        return OpenWeekdays(mask: mask)
    }

    /// The ISO weeks holding a day of the set.
    var weeksWithDays: Int {
        var weeks = 0, previous = Int.min
        forEachDay { day in
            let week = Frequency.week.period(of: CalendarDay(daysSinceEpoch: day))
            if week != previous { weeks += 1; previous = week }
        }
        return weeks
    }

    public var firstDay: Int32? {
        guard let w = words.firstIndex(where: { $0 != 0 }) else { return nil }
        return base + Int32(w * 64 + words[w].trailingZeroBitCount)
    }

    public var lastDay: Int32? {
        guard let w = words.lastIndex(where: { $0 != 0 }) else { return nil }
        return base + Int32(w * 64 + 63 - words[w].leadingZeroBitCount)
    }
}
