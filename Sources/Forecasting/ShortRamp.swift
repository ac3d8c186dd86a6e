/// Whether a short history of a level (a census) is ramping: it moves the same way every
/// period, up or down, over `fewest` (3) periods or more.
///
/// Short of `DemandClass.minimumHistory` periods a series gets the mean of its history
/// (`MovingAverageModel(window: 12)`), which for a unit opened five weeks ago and still
/// filling (56, 84, 112, 133 and 140 patient days) planned 105 a week: 210 RN hours a week
/// below the 140 it runs at now, a 2.5 FTE surplus where it is 3.3 FTE short. A level moving
/// one way every period has left its earlier periods behind, and the last is the best word on
/// where it stands; it is not carried on as a trend (the ramp is slowing: +28, +28, +21, +7),
/// which a history this short cannot tell from a step. A history that turns back even once
/// keeps its mean. Only callers forecasting levels ask (`ForecastSettings.shortRampsAtLastLevel`):
/// a new item's first months of use are no level.
public enum ShortRamp {
    /// The fewest periods that show a ramp.
    public static let fewest = 3

    public static func isShown(in y: UnsafeBufferPointer<Double>) -> Bool {
        guard y.count >= fewest, let first = y.first, let last = y.last, last != first, y.allSatisfy(\.isFinite) else { return false }
        let rising = last > first
        for t in 1..<y.count where rising ? y[t] < y[t - 1] : y[t] > y[t - 1] { return false }
        return true
    }
}
