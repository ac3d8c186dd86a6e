/// The series whose use stopped: their last periods hold none, a longer spell than any gap
/// they had before, yet their forecast is still above zero.
///
/// An intermittent item's models weigh its whole history, so a catheter used 210 a month for
/// a year and a half and then not at all for six months was forecast at 52 a month, with no
/// word: 620 phantom units a year for reorder. Whether it was discontinued or is only quiet,
/// the user should see it. A spell no longer than the series' own earlier gaps is its usual
/// rhythm and is not named, nor is a spell shorter than `minimum` periods, except after a
/// history never empty before, where `Frequency.shortestStop` periods are a stop
/// beyond chance (`LevelShift.stop`): a canister used every month for 26 months, then 44, 0, 0 was forecast
/// 82.5 a month with no word, the note waiting for a third empty month.
public struct SeriesGoneQuiet: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var examples: [String] = []
    let frequency: Frequency
    let minimum: Int

    /// `minimum`: the shortest spell named (three months, four weeks, 28 days).
    public init(frequency: Frequency, minimum: Int) {
        self.frequency = frequency
        self.minimum = minimum
    }

    /// Looks at one series' history (whose last period is `lastPeriod`) and its forecast.
    public mutating func see(_ key: String, history: [Double], lastPeriod: Int, forecast: [Double]) {
        guard forecast.contains(where: { $0 > 0 }) else { return }
        var trailing = 0
        while trailing < history.count, history[history.count - 1 - trailing] == 0 { trailing += 1 }
        guard trailing >= min(minimum, frequency.shortestStop), trailing < history.count else { return }
        var longest = 0, run = 0
        for value in history.dropLast(trailing) {
            run = value == 0 ? run + 1 : 0
            longest = max(longest, run)
        }
        guard trailing > longest else { return }
        // Below `minimum`, only a stop as `LevelShift.stop` reads one.
        guard trailing >= minimum || (longest == 0 && LevelShift.beyondChance(empty: trailing, after: history.count - trailing)) else { return }
        count += 1
        if examples.count < 3 { examples.append("\(key) since \(frequency.label(lastPeriod - trailing + 1))") }
    }

    /// "2 series have had no use since ...", or nil when none has.
    public var note: String? {
        guard count > 0 else { return nil }
        let one = count == 1
        return "\(one ? "1 series has" : "\(count) series have") had no use for longer than any gap before (" + examples.listed(of: count)
            + "), yet \(one ? "is" : "are") forecast above zero from \(one ? "its" : "their") earlier use: if discontinued, leave \(one ? "it" : "them") out"
    }
}
