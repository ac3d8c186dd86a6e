/// Seeded random draws with the textbook samplers the generator needs.
///
/// Each named stream (`"census"`, `"supply/104210"`, ...) gets its own generator derived
/// from the run's seed and the stream's name, so adding an item or a unit does not shift
/// the numbers drawn for the others.
struct RandomSource {
    private var core: Xoshiro256StarStar

    init(seed: UInt64) { core = Xoshiro256StarStar(seed: seed) }

    /// The generator for one named stream of a run.
    init(seed: UInt64, stream: String) {
        self.init(seed: RandomSource.mix(seed, stream))
    }

    /// 64-bit FNV-1a of the stream name folded into the seed through SplitMix64.
    static func mix(_ seed: UInt64, _ stream: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(seed: seed ^ hash)
        return mixer.next()
    }

    mutating func nextUInt64() -> UInt64 { core.next() }

    /// Uniform on [0, 1) with 53 random bits.
    @inline(__always)
    mutating func uniform() -> Double {
        Double(core.next() >> 11) * 0x1.0p-53
    }

    /// Uniform on (0, 1], safe to take the logarithm of.
    @inline(__always)
    mutating func uniformPositive() -> Double { 1 - uniform() }

    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * uniform() }

    /// An integer in `range`, by Lemire's multiply-shift with rejection (no modulo bias).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        var product = core.next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold { product = core.next().multipliedFullWidth(by: span) }
        }
        return range.lowerBound + Int(product.high)
    }

    mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Standard normal by Marsaglia's polar method.
    mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * DetMath.log(s) / s).squareRoot()
            }
        }
    }

    mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

    /// Exponential with the given mean, by inversion.
    mutating func exponential(mean: Double) -> Double { -mean * DetMath.log(uniformPositive()) }

    /// Poisson: Knuth's multiplication method for small means, Hörmann's transformed
    /// rejection with squeeze (PTRS, 1993) for means of 10 and more.
    mutating func poisson(_ mean: Double) -> Int {
        if !(mean > 0) { return 0 }
        if mean < 10 {
            let limit = DetMath.exp(-mean)
            var k = 0
            var product = uniform()
            while product > limit {
                k += 1
                product *= uniform()
            }
            return k
        }
        let slam = mean.squareRoot()
        let logLam = DetMath.log(mean)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - abs(u)
            if us <= 0 || v <= 0 { continue }
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let lhs = DetMath.log(v) + DetMath.log(invAlpha) - DetMath.log(a / (us * us) + b)
            let rhs = -mean + k * logLam - DetMath.logFactorial(Int(k))
            if lhs <= rhs { return Int(k) }
        }
    }

    /// Gamma(shape, scale) by Marsaglia and Tsang (2000); shapes below 1 use the
    /// Gamma(shape + 1) * U^(1/shape) boost.
    mutating func gamma(shape: Double, scale: Double) -> Double {
        if shape < 1 {
            let g = gamma(shape: shape + 1, scale: scale)
            return g * DetMath.pow(uniformPositive(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniformPositive()
            if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
            if DetMath.log(u) < 0.5 * x * x + d * (1 - v + DetMath.log(v)) { return d * v * scale }
        }
    }

    /// Negative binomial with the given mean and size (dispersion) k, as a gamma-Poisson
    /// mixture: variance = mean + mean^2 / k. Infinite size is plain Poisson.
    mutating func negativeBinomial(mean: Double, size: Double) -> Int {
        if !(mean > 0) { return 0 }
        if !size.isFinite { return poisson(mean) }
        return poisson(gamma(shape: size, scale: mean / size))
    }

    /// Fisher-Yates shuffle.
    mutating func shuffle<T>(_ array: inout [T]) {
        var i = array.count - 1
        while i > 0 {
            let j = int(in: 0...i)
            array.swapAt(i, j)
            i -= 1
        }
    }
}
