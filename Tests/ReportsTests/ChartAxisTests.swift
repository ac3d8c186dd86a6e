import Testing
@testable import Reports

@Suite("ChartAxis nice ticks")
struct ChartAxisTests {
    @Test func roundsOutwardToOneTwoFiveSteps() {
        let axis = ChartAxis(covering: 0, 9_876)
        #expect(axis.step == 2_000)
        #expect(axis.ticks == [0, 2_000, 4_000, 6_000, 8_000, 10_000])
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(ChartAxis.niceStep(atLeast: 0.13) == 0.2)
        #expect(ChartAxis.niceStep(atLeast: 3) == 5)
        #expect(ChartAxis.niceStep(atLeast: 5) == 5)
        #expect(ChartAxis.niceStep(atLeast: 7) == 10)
        #expect(ChartAxis.niceStep(atLeast: 1_000) == 1_000)
        #expect(ChartAxis.niceStep(atLeast: 1_001) == 2_000)
        #expect(ChartAxis.niceStep(atLeast: 0) == 1)
        #expect(ChartAxis.niceStep(atLeast: .nan) == 1)
    }

    @Test func negativeRanges() {
        let axis = ChartAxis(covering: -43_000, -1_200, includingZero: true)
        #expect(axis.ticks == [-50_000, -40_000, -30_000, -20_000, -10_000, 0])
        let mixed = ChartAxis(covering: -40_000, 250_000, includingZero: true)
        #expect(mixed.ticks == [-50_000, 0, 50_000, 100_000, 150_000, 200_000, 250_000])
        #expect(mixed.ticks.contains(0))
    }

    @Test func zeroIsIncludedOnlyWhenAsked() {
        #expect(ChartAxis(covering: 80, 120).ticks == [80, 90, 100, 110, 120])
        #expect(ChartAxis(covering: 80, 120, includingZero: true).lower == 0)
    }

    @Test func zeroSpanGetsRoomAroundItsValue() {
        let zero = ChartAxis(covering: 0, 0)
        #expect(zero.ticks.first == 0 && zero.ticks.last == 1)
        let flat = ChartAxis(covering: 50, 50)
        #expect(flat.lower < 50 && flat.upper > 50)
        #expect(flat.ticks.count >= 2)
        let bar = ChartAxis(covering: 50, 50, includingZero: true)
        #expect(bar.ticks == [0, 10, 20, 30, 40, 50])
    }

    @Test func decimalStepsLandOnExactTicks() {
        let axis = ChartAxis(covering: 0.1, 0.7)
        #expect(axis.step == 0.2 || axis.step == 0.1)
        #expect(axis.ticks.count <= 7)
        #expect(ChartValueFormat.percent.tickLabels(for: ChartAxis(covering: 0, 0.3)) == ["0%", "0.05%", "0.1%", "0.15%", "0.2%", "0.25%", "0.3%"])
    }

    @Test(arguments: [false, true])
    func nonFiniteTinyAndHugeBoundsStillGiveAnAxis(includingZero: Bool) {
        let bounds: [(Double, Double)] = [(.nan, .nan), (-.infinity, .infinity), (1e300, -1e300), (1e-300, 2e-300),
                                          (5, .nan), (.leastNormalMagnitude / 1e3, .leastNormalMagnitude / 1e2), (-.leastNonzeroMagnitude, 0), (1e15, 1e15)]
        for (low, high) in bounds {
            let axis = ChartAxis(covering: low, high, includingZero: includingZero)
            #expect(axis.ticks.count >= 2 && axis.ticks.count <= 12, "\(low)...\(high): \(axis.ticks)")
            #expect(axis.upper > axis.lower)
            #expect(axis.ticks.allSatisfy { $0.isFinite })
        }
    }

    @Test func positionsAreClampedToTheAxis() {
        let axis = ChartAxis(covering: 0, 100)
        #expect(axis.position(of: 50, from: 0, to: 200) == 100)
        #expect(axis.position(of: 1e9, from: 0, to: 200) == 200)
        #expect(axis.position(of: -1e9, from: 0, to: 200) == 0)
        #expect(axis.position(of: .infinity, from: 0, to: 200) == 200)
    }

    @Test func minimumStepKeepsFlatMoneyAxesInCents() {
        let axis = ChartAxis(covering: 0, 0.000001, includingZero: true, minimumStep: 0.01)
        #expect(axis.step >= 0.01)
    }
}
