/// How many staff are on duty at each moment, from worked spans, as a step function over
/// sorted times; answers "the fewest on duty at any time between a and b".
///
/// Ratio laws hold at all times, so a shift is checked at its thinnest moment, never on its
/// average: one nurse leaving at 03:00 makes the night one nurse short from then on. Spans
/// are half-open, [start, end): a nurse leaving at 07:00 and one arriving at 07:00 hand over
/// without a gap. Built in O(n log n) from two sorted arrays; each query is a binary search
/// plus the changes inside the window.
public struct StaffOnDuty: Sendable {
    /// Times (minutes) at which the count changes, ascending.
    public private(set) var times: [Int] = []
    /// Staff on duty from `times[k]` until `times[k + 1]`.
    public private(set) var counts: [Int32] = []

    /// - Parameters: starts and ends of the spans, in any order, as minutes; pairs with an
    ///   end at or before the start are not spans and must be left out by the caller.
    ///   `offStarts` and `offEnds` are spans of corrections (a row of -4 hours from 15:00 to
    ///   19:00: an RN of a 07:00-19:00 shift sent home): one fewer on duty over each, so two
    ///   RNs on 07:00-19:00 and one sent home at 15:00 are 1 from 15:00, not 2. The count
    ///   never reads below 0.
    public init(starts: [Int], ends: [Int], offStarts: [Int] = [], offEnds: [Int] = []) {
        // A correction's start ends someone's duty, its end starts it again.
        let starts = (starts + offEnds).sorted(), ends = (ends + offStarts).sorted()
        times.reserveCapacity(starts.count + ends.count)
        counts.reserveCapacity(starts.count + ends.count)
        var i = 0, j = 0
        var count: Int32 = 0
        while i < starts.count || j < ends.count {
            let t = j == ends.count || (i < starts.count && starts[i] < ends[j]) ? starts[i] : ends[j]
            // Every change at one moment is applied before the count is recorded.
            while i < starts.count, starts[i] == t { count += 1; i += 1 }
            while j < ends.count, ends[j] == t { count -= 1; j += 1 }
            times.append(t)
            counts.append(max(0, count))
        }
    }

    /// Staff on duty at minute `t`.
    public func count(at t: Int) -> Int {
        let k = lastIndex(atOrBefore: t)
        return k < 0 ? 0 : Int(counts[k])
    }

    /// The fewest staff on duty at any minute of [from, to).
    public func fewest(from start: Int, to end: Int) -> Int {
        var k = lastIndex(atOrBefore: start)
        var fewest = k < 0 ? 0 : counts[k]
        k += 1
        while k < times.count, times[k] < end {
            fewest = min(fewest, counts[k])
            k += 1
        }
        return Int(fewest)
    }

    /// The last k with times[k] <= t, or -1.
    private func lastIndex(atOrBefore t: Int) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }
}
