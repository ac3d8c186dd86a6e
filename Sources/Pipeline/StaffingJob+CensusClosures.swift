import Planning
import Tabular

extension StaffingJob {
    /// The closures (`CensusClosure.runs`) and the zero days before opening
    /// (`CensusClosure.notYetOpen`) in the census of each unit of `among` (as the census spells
    /// it), by unit; empty when `among` is, which leaves the census's rows unread here. A census
    /// has few units with a week of zero days, and only their rows are gathered.
    static func censusClosures(units: [String], days: [CalendarDay], census: [Double], names: NameSpellings,
                               among candidates: Set<String>) -> (closures: [String: [ClosedRange<CalendarDay>]], notYetOpen: [String: ClosedRange<CalendarDay>]) {
        guard !candidates.isEmpty else { return ([:], [:]) }
        var rows: [String: (days: [CalendarDay], census: [Double])] = [:]
        for r in 0..<units.count {
            let unit = names.spelling(of: units[r]) ?? units[r]
            guard candidates.contains(unit) else { continue }
            rows[unit, default: ([], [])].days.append(days[r])
            rows[unit, default: ([], [])].census.append(census[r])
        }
        let closures = rows.compactMapValues { unit in
            let runs = CensusClosure.runs(days: unit.days, census: unit.census)
            return runs.isEmpty ? nil : runs
        }
        return (closures, rows.compactMapValues { CensusClosure.notYetOpen(days: $0.days, census: $0.census) })
    }
}
