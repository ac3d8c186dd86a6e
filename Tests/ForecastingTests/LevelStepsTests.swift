import Testing
@testable import Forecasting

/// The note naming series forecast from a new level (`LevelSteps`): the weekly census of a unit
/// that closed 10 of its 30 beds (`MeanChangeTests`), 38 weeks near 179, a week of 155, then 15
/// near 119, is forecast near 119 with the history before the step moved to it; the note says
/// so, with how many weeks ago the step was (15). A flat series and a stopped one are not named
/// here (stops are `SeriesGoneQuiet`'s).
@Suite struct LevelStepsTests {
    static let closure: [Double] = (0..<38).map { 179 + Double([-3, 1, 4, -2, 0, 2, -4, 3][$0 % 8]) } + [155]
        + (0..<15).map { 119 + Double([-2, 1, 3, -1, 0, 2, -3][$0 % 7]) }

    @Test func aStepIsNamedWithHowLongAgoItWas() throws {
        let forecaster = DemandForecaster(settings: ForecastSettings(horizon: 4, season: 52))
        let moved = try forecaster.forecast(Self.closure)
        let step = try #require(moved.step)
        #expect(step.periodsAgo == 15)
        #expect(!step.stopped)
        #expect(abs(moved.mean[0] - 119.3) < 2)
        let flat = try forecaster.forecast((0..<54).map { 150 + Double([-3, 1, 4, -2, 0, 2, -4, 3][$0 % 8]) })
        #expect(flat.step == nil)
        var steps = LevelSteps(frequency: .week)
        steps.see("6N-ORTHO", moved)
        steps.see("FLAT", flat)
        #expect(steps.count == 1)
        #expect(steps.note == "1 series changed level and is forecast from the new one: the history before the step was moved to the new level for the fits and intervals (step how many weeks ago: 6N-ORTHO: 15); if the change did not last, plan on the history as recorded")
    }
}
