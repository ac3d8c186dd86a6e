import Forecasting

extension Frequency {
    /// An SQLite GLOB matching this frequency's period labels and no other's (`2026-07`
    /// against `2026-W27`, `2026-Q3`, `2026-07-01`, `2026`).
    var labelPattern: String {
        let year = "[0-9][0-9][0-9][0-9]"
        switch self {
        case .day: return year + "-[0-9][0-9]-[0-9][0-9]"
        case .week: return year + "-W[0-9][0-9]"
        case .month: return year + "-[0-9][0-9]"
        case .quarter: return year + "-Q[1-4]"
        case .year: return year
        }
    }

    /// The frequency whose labels have the shape of `label` (`2026`, `2026-Q3`, `2026-07`,
    /// `2026-W27`, `2026-07-01`), told by length and letter alone: what `labelPattern`
    /// matches, for a label read from the history.
    static func ofLabel(_ label: UnsafeBufferPointer<UInt8>) -> Frequency? {
        switch label.count {
        case 4: return .year
        case 7: return label[5] == UInt8(ascii: "Q") ? .quarter : .month
        case 8: return .week
        case 10: return .day
        default: return nil
        }
    }
}
