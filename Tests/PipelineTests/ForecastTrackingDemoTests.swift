import Foundation
import Testing
@testable import Pipeline
import TestScratch

/// Must show 4: Pipelines/forecast-tracking.yml on the demo usage as it stood at the end of
/// December 2025 and of June 2026, into one history, then a `track` stage scores the December
/// forecasts against the six months the June run saw.
@Suite struct ForecastTrackingDemoTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theDemoPipelineRunTwiceIsTrackedAtLagsOneToSix() throws {
        let folder = TestScratch.path("qm-tracking").path
        var runner = PipelineRunner(quiet: true)
        runner.history = folder + "/history.sqlite"
        let pipeline = ForecastTrackingDemoTests.root.appendingPathComponent("Pipelines/forecast-tracking.yml").path
        // No backtest: the models' choice is not what this test is about, and it halves the time.
        for asOf in ["2025-12-31", "2026-06-30"] {
            let result = try runner.run(pipeline, output: folder + "/" + asOf, overrides: ["monthly.as_of=\(asOf)", "demand.backtest=0"])
            #expect(result.notes.contains { $0.hasPrefix("history: run") })
        }
        let tracked = try PipelineRunner(quiet: true).run([.init("track", TrackStage(history: folder + "/history.sqlite"))], output: folder + "/report")
        #expect(tracked.manifest.outputs.contains("forecast_tracking.csv"))
        let csv = try String(contentsOfFile: folder + "/report/forecast_tracking.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        let lags = Set(rows.map { $0.split(separator: ",")[2] })
        #expect(lags == ["1", "2", "3", "4", "5", "6"])
        // Every scored forecast is run 1's (December's), for January to June 2026.
        #expect(rows.allSatisfy { $0.split(separator: ",")[3] == "1" })
        #expect(Set(rows.map { String($0.split(separator: ",")[1]) }) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
        let report = try String(contentsOfFile: folder + "/report/forecast_tracking.md", encoding: .utf8)
        #expect(report.contains("## Accuracy by lag"))
        #expect(report.contains("run 1 (2025-12)"))
    }
}
