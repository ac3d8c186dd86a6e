import Foundation
import Testing
@testable import DatasetGenerator

@Suite("Seeded samplers and deterministic math")
struct SamplerTests {
    @Test func deterministicFunctionsMatchTheCLibrary() {
        for x in stride(from: -30.0, through: 30.0, by: 0.37) {
            #expect(abs(DetMath.exp(x) - Foundation.exp(x)) <= 1e-14 * Foundation.exp(x))
            #expect(abs(DetMath.cos(x) - Foundation.cos(x)) <= 1e-13)
        }
        for x in [1e-300, 1e-8, 0.01, 0.5, 1, 2, 3.75, 100, 1e12, 1e300] {
            #expect(abs(DetMath.log(x) - Foundation.log(x)) <= 1e-14 * max(1, abs(Foundation.log(x))))
        }
        for k in [0, 1, 5, 20, 127, 128, 500, 10_000] {
            #expect(abs(DetMath.logFactorial(k) - Foundation.lgamma(Double(k) + 1)) <= 1e-10 * max(1, Foundation.lgamma(Double(k) + 1)))
        }
    }

    @Test func theSameStreamGivesTheSameNumbers() {
        var a = RandomSource(seed: 2026, stream: "census/6010 ICU"), b = RandomSource(seed: 2026, stream: "census/6010 ICU")
        var c = RandomSource(seed: 2026, stream: "census/6020 Med-Surg 3W")
        let x = (0..<5).map { _ in a.nextUInt64() }
        #expect(x == (0..<5).map { _ in b.nextUInt64() })
        #expect(x != (0..<5).map { _ in c.nextUInt64() })
    }

    @Test func samplersHaveTheirTextbookMoments() {
        var rng = RandomSource(seed: 1, stream: "moments")
        func moments(_ n: Int, _ draw: () -> Double) -> (mean: Double, variance: Double) {
            var sum = 0.0, squares = 0.0
            for _ in 0..<n { let x = draw(); sum += x; squares += x * x }
            let mean = sum / Double(n)
            return (mean, squares / Double(n) - mean * mean)
        }
        let normal = moments(20_000) { rng.normal() }
        #expect(abs(normal.mean) < 0.03 && abs(normal.variance - 1) < 0.05)
        for lambda in [0.3, 4.2, 35.0, 400.0] {
            let poisson = moments(20_000) { Double(rng.poisson(lambda)) }
            #expect(abs(poisson.mean - lambda) < 0.05 * lambda + 0.02, "Poisson(\(lambda)) mean \(poisson.mean)")
            #expect(abs(poisson.variance - lambda) < 0.1 * lambda + 0.02, "Poisson(\(lambda)) variance \(poisson.variance)")
        }
        let gamma = moments(20_000) { rng.gamma(shape: 2.5, scale: 3) }
        #expect(abs(gamma.mean - 7.5) < 0.2 && abs(gamma.variance - 22.5) < 2)
        let small = moments(20_000) { rng.gamma(shape: 0.4, scale: 1) }
        #expect(abs(small.mean - 0.4) < 0.03)
        let nb = moments(20_000) { Double(rng.negativeBinomial(mean: 12, size: 4)) }
        #expect(abs(nb.mean - 12) < 0.4 && abs(nb.variance - (12 + 144.0 / 4)) < 5)
    }
}
