import Foundation
import Testing

/// The golden charts must come out byte for byte as committed in Fixtures/. After an intended
/// change, regenerate with `QM_UPDATE_GOLDEN=1 swift test --filter ReportsTests.GoldenChartTests`
/// (see Fixtures/README.md) and review the diff.
@Suite("Golden charts")
struct GoldenChartTests {
    static let updating = ProcessInfo.processInfo.environment["QM_UPDATE_GOLDEN"] == "1"

    @Test func fanChart() throws { try compare(ChartSamples.goldenFan.svg(), with: "fan_chart.svg") }

    @Test func varianceBars() throws { try compare(ChartSamples.goldenVariance.svg(), with: "variance_bars.svg") }

    private func compare(_ svg: String, with name: String) throws {
        if Self.updating {
            // The source tree's copy, not the one bundled into the build.
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
            try Data(svg.utf8).write(to: source)
            print("wrote golden \(source.path)")
            return
        }
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
                               "golden \(name) is missing; create it with QM_UPDATE_GOLDEN=1")
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        guard svg != expected else { return }
        let got = svg.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        Issue.record("""
            \(name) differs from the golden file at line \(line + 1):
              expected: \(line < want.count ? String(want[line]) : "<end of file>")
              got:      \(line < got.count ? String(got[line]) : "<end of file>")
            Regenerate with QM_UPDATE_GOLDEN=1 if the change is intended.
            """)
    }
}
