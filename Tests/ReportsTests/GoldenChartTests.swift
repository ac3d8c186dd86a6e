import Foundation
import Testing

/// The golden charts must come out byte for byte as committed in Fixtures/. After an intended
/// change, regenerate with `QM_UPDATE_GOLDEN=1 swift test --filter ReportsTests.GoldenChartTests`
/// (see Fixtures/README.md) and review the diff; the run records each rewritten file as a
/// known issue rather than passing.
@Suite("Golden charts")
struct GoldenChartTests {
    @Test func fanChart() throws { try GoldenFile("fan_chart.svg").check(ChartSamples.goldenFan.svg()) }

    @Test func varianceBars() throws { try GoldenFile("variance_bars.svg").check(ChartSamples.goldenVariance.svg()) }
}
