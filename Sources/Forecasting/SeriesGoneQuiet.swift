import Foundation

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
///
/// Series whose forecast was cut to their recent level (`LevelShift.stop`: under a tenth of
/// their level before the spell, where an intermittent model's average of the whole history
/// keeps a quarter or more) are named apart, with both figures: a canister used ~108 a month,
/// then 0, 0 during a backorder, was forecast 0, 0, 1.56 under a note that said it was
/// "forecast above zero from its earlier use", so a buyer read it as still planned at ~108
/// and 325 units went missing from the plan with no word that the figure had been cut.
public struct SeriesGoneQuiet: Sendable, Equatable {
    /// Series still forecast from their earlier use, and the first few.
    public private(set) var count = 0
    public private(set) var examples: [String] = []
    /// Series whose forecast was cut to their recent level, and the first few with their
    /// forecast and earlier level.
    public private(set) var cutCount = 0
    public private(set) var cutExamples: [String] = []
    let frequency: Frequency
    let minimum: Int

    /// `minimum`: the shortest spell named (three months, four weeks, 28 days).
    public init(frequency: Frequency, minimum: Int) {
        self.frequency = frequency
        self.minimum = minimum
    }

    /// Looks at one series' history (whose last period is `lastPeriod`) and its forecast.
    /// A forecast cut to 0 is named too: the stop read on an intermittent-looking history (an
    /// implant screw used 33-35 a week for 38 weeks, then not for 13) went from 0.32 a week, named,
    /// to 0 with no word, and a backorder's silence read as no demand.
    public mutating func see(_ key: String, history: [Double], lastPeriod: Int, forecast: [Double]) {
        guard !forecast.isEmpty else { return }
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
        let since = "\(key) since \(frequency.label(lastPeriod - trailing + 1))"
        // The level before the spell, over its last twelve periods at most (as `LevelShift.stop`).
        let before = history.dropLast(trailing).suffix(12)
        let earlier = before.reduce(0, +) / Double(before.count)
        let forecastLevel = forecast.reduce(0, +) / Double(forecast.count)
        if forecastLevel < 0.1 * earlier {
            cutCount += 1
            // The use since as measured (none), then the forecast: the forecast's mean in the
            // place of the recent use read as use continuing at it.
            if cutExamples.count < 3 {
                cutExamples.append(since + ": 0 a \(frequency.rawValue), from \(Self.figure(earlier)) before, forecast "
                    + (forecastLevel == 0 ? "0" : Self.figure(forecastLevel)))
            }
            return
        }
        count += 1
        if examples.count < 3 { examples.append(since) }
    }

    /// "1 series has had no use ...", one sentence for the series cut to their recent level
    /// and one for those still forecast from their earlier use, or nil when none has.
    public var note: String? {
        var sentences: [String] = []
        if cutCount > 0 {
            let one = cutCount == 1
            sentences.append("\(one ? "1 series has" : "\(cutCount) series have") had no use for longer than any gap before ("
                + cutExamples.listed(of: cutCount) + "): \(one ? "its forecast is" : "their forecasts are") cut to \(one ? "its" : "their") recent level;"
                + " if use resumes (a backorder filled, an export posted late), \(one ? "it is" : "they are") too low, and the earlier level is the one to plan on")
        }
        if count > 0 {
            let one = count == 1
            sentences.append("\(one ? "1 series has" : "\(count) series have") had no use for longer than any gap before (" + examples.listed(of: count)
                + "), yet \(one ? "is" : "are") forecast above zero from \(one ? "its" : "their") earlier use: if discontinued, leave \(one ? "it" : "them") out")
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: "; ")
    }

    /// A level for a note: whole units from 10 up, two decimals below.
    private static func figure(_ value: Double) -> String {
        value >= 10 ? String(Int(value.rounded())) : String(format: "%.2f", value)
    }
}
