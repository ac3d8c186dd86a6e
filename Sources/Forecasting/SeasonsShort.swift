import Tabular

/// The series whose history holds fewer than two seasons, so that the automatic candidates
/// left the season's fitted models out (`DemandForecaster.candidates`), counted with the first
/// few named, for the run's note.
///
/// Without it the season was dropped without a word: two weekly ED series of 95 weeks (a
/// yearly swing of +-15%) were forecast flat at 925 through an autumn that rose from 941 to
/// 1,079, and seven quarters of the same file put the next Q1 at 13,494 where both Q1s on
/// record held 15,147 and 15,144. The note says how many series are short, and in how many
/// seasonal naive (which needs one season before each backtest origin) still carries the
/// season with a share weighed by its backtest.
public struct SeasonsShort: Sendable, Equatable {
    public private(set) var count = 0
    /// Of `count`, those whose forecast gives seasonal naive a share.
    public private(set) var carried = 0
    public private(set) var examples: [String] = []
    let season: Int
    let frequency: Frequency

    public init(season: Int, frequency: Frequency) {
        self.season = season
        self.frequency = frequency
    }

    public mutating func see(_ key: String, _ forecast: SeriesForecast) {
        guard let periods = forecast.shortOfTwoSeasons else { return }
        count += 1
        if forecast.candidates.contains(where: { $0.model == SeasonalNaiveModel().name && $0.weight > 0 }) { carried += 1 }
        if examples.count < 3 { examples.append("\(key): \(periods)") }
    }

    /// "2 series hold fewer than two seasons of history (two seasons are 104 weeks; history held:
    /// ED-MAIN: 95, ...)", or nil when none does. The threshold is said as such: "(104 weeks;
    /// ANTICOAG: 78, ...)" read as a count of 104 weeks.
    public var note: String? {
        guard count > 0 else { return nil }
        let one = count == 1
        let units = frequency.rawValue + "s"
        let head = "\(one ? "1 series holds" : "\(count) series hold") fewer than two seasons of history (two seasons are \(2 * season) \(units); history held: "
            + examples.listed(of: count) + " \(units)): "
        let fitted = "the seasonal models need two seasons"
        if carried == 0 {
            return head + "\(one ? "its" : "their") season of \(season) \(units) is not modelled (\(fitted), and seasonal naive a whole season before each backtest origin)"
        }
        if carried == count {
            return head + "\(one ? "its" : "their") season of \(season) \(units) is carried only by seasonal naive's share, repeating the last season as weighed by the backtest (\(fitted))"
        }
        return head + "their season of \(season) \(units) is carried by seasonal naive's share, as weighed by the backtest, in \(carried) of them and not modelled in the other \(count - carried) (\(fitted))"
    }
}
