/// xoshiro256** 1.0 (Blackman and Vigna 2018), the generator behind every random draw.
///
/// Written out here rather than taken from the standard library so that a seed gives the
/// same numbers on every machine and Swift version; `SystemRandomNumberGenerator` and
/// `Hasher` are seeded per process and are never used by the generator.
struct Xoshiro256StarStar {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = Xoshiro256StarStar.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256StarStar.rotl(s3, 45)
        return result
    }
}
