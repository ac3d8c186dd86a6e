/// Count, mean and sample standard deviation of a stream of values (Welford's update), so
/// lead times are summarised in one pass without keeping them.
public struct RunningMoments: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var squares = 0.0

    public init() {}

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        squares += delta * (x - mean)
    }

    /// Sample standard deviation (n - 1 in the denominator); 0 for fewer than two values.
    public var standardDeviation: Double { count > 1 ? (squares / Double(count - 1)).squareRoot() : 0 }

    /// Combines two summaries (Chan et al.'s pairwise update).
    public mutating func merge(_ other: RunningMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let n = Double(count + other.count)
        let delta = other.mean - mean
        squares += other.squares + delta * delta * Double(count) * Double(other.count) / n
        mean += delta * Double(other.count) / n
        count += other.count
    }
}
