/// A value axis with "nice" ticks: steps of 1, 2 or 5 times a power of ten, running from a
/// multiple of the step at or below the data to one at or above it.
///
/// People read `0, 2,000, 4,000 … 10,000` instantly and `0, 1,975, 3,950 …` not at all, so
/// the axis rounds outward rather than fitting the data tightly. Every input gives a usable
/// axis: an empty or flat range is widened, non-finite bounds are ignored, and magnitudes
/// are kept within what a report can show, so drawing code never divides by zero.
struct ChartAxis: Sendable, Equatable {
    /// The first and last tick; the axis spans exactly this range.
    let lower: Double
    let upper: Double
    /// Distance between neighbouring ticks.
    let step: Double
    /// `lower`, `lower + step`, … `upper`; zero is exactly `0` when it is a tick.
    let ticks: [Double]

    /// Largest magnitude an axis covers; beyond it values are drawn at the edge.
    static let limit = 1e15

    /// An axis covering `low...high` (in either order) with about `targetTicks` intervals,
    /// zero included when `includingZero` (bars always start at zero).
    init(covering low: Double, _ high: Double, includingZero: Bool = false, targetTicks: Int = 5, minimumStep: Double = 0) {
        var low = low.isFinite ? Swift.min(Swift.max(low, -Self.limit), Self.limit) : 0
        var high = high.isFinite ? Swift.min(Swift.max(high, -Self.limit), Self.limit) : low
        if low > high { swap(&low, &high) }
        if includingZero {
            low = Swift.min(low, 0)
            high = Swift.max(high, 0)
        }
        // A flat range gets room around its value (or 0...1 for zero) so it sits on a tick.
        let magnitude = Swift.max(abs(low), abs(high))
        let smallest = Swift.max(magnitude * 1e-9, Swift.max(minimumStep, 1e-9))
        if high - low < smallest {
            if magnitude == 0 {
                high = 1
            } else if includingZero {
                // Only reachable when the value is tiny; the zero side stays put.
                if low < 0 { low -= smallest } else { high += smallest }
            } else {
                let pad = magnitude * 0.1
                low -= pad
                high += pad
            }
            // Values too small for the padding above to register still get a usable span.
            if !(high - low >= smallest) { high = low + smallest }
        }
        let (step, first, last) = Self.bestStep(low, high, targetTicks: Swift.max(1, targetTicks), minimumStep: minimumStep)
        let intervals = last - first
        let count = intervals.isFinite ? Int(Swift.max(1, Swift.min(intervals, 1000))) : 1
        var ticks: [Double] = []
        ticks.reserveCapacity(count + 1)
        for index in 0...count {
            let multiple = first + Double(index)
            ticks.append(multiple == 0 ? 0 : multiple * step)
        }
        self.lower = ticks[0]
        self.upper = ticks[ticks.count - 1]
        self.step = step
        self.ticks = ticks
    }

    /// Of the 1-2-5 steps near `(high - low) / targetTicks`, the one whose outward-rounded
    /// axis has the interval count closest to `targetTicks` (the finer one on a tie, so a
    /// range like -40k...250k is not stretched to -100k), with its first and last multiple.
    private static func bestStep(_ low: Double, _ high: Double, targetTicks: Int, minimumStep: Double)
        -> (step: Double, first: Double, last: Double) {
        let raw = (high - low) / Double(targetTicks)
        var power = 1.0
        if raw.isFinite && raw > 0 {
            while power * 10 <= raw { power *= 10 }
            while power > raw { power /= 10 }
        }
        var best: (step: Double, first: Double, last: Double)? = nil
        var bestDistance = Double.infinity
        for factor in [1.0, 2.0, 5.0, 10.0] {
            let step = factor * power
            guard step >= minimumStep * (1 - 1e-12) else { continue }
            // Tolerances keep 0.3 / 0.1 = 2.9999999999999996 from adding a tick.
            let first = (low / step + 1e-9).rounded(.down)
            let last = Swift.max(first + 1, (high / step - 1e-9).rounded(.up))
            let distance = abs(last - first - Double(targetTicks))
            if distance < bestDistance {
                best = (step, first, last)
                bestDistance = distance
            }
        }
        if let best { return best }
        let step = niceStep(atLeast: minimumStep)
        let first = (low / step + 1e-9).rounded(.down)
        return (step, first, Swift.max(first + 1, (high / step - 1e-9).rounded(.up)))
    }

    /// The smallest step of the form 1, 2 or 5 times a power of ten that is at least `raw`.
    /// Powers come from repeated multiplication, not `log10`, so every platform agrees.
    static func niceStep(atLeast raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for factor in [1.0, 2.0, 5.0] where factor * power >= raw * (1 - 1e-12) {
            return factor * power
        }
        return 10 * power
    }

    /// Where `value` falls on a screen span from `start` (at `lower`) to `end` (at `upper`),
    /// clamped to the span so nothing is drawn off the axis.
    func position(of value: Double, from start: Double, to end: Double) -> Double {
        guard value.isFinite else { return value < 0 || value.isNaN ? start : end }
        let share = (value - lower) / (upper - lower)
        return start + (end - start) * Swift.min(Swift.max(share, 0), 1)
    }
}
