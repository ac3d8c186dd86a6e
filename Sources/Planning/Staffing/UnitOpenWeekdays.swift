import Forecasting
import Tabular

/// The weekdays each unit's census records patients on: a day surgery's Monday to Friday
/// beside an inpatient unit's seven days.
///
/// The census as a whole is open every day once one unit is, so a weekday unit measured by
/// the whole census's weekdays missed its weekends: its last week, ending on a Friday, read as
/// a week its timekeeping did not cover. Days of 0 patients do not count (a census that writes
/// 0 for the unit's closed weekends).
public enum UnitOpenWeekdays {
    /// By unit (as `name` gives it), the weekdays with patients; nil for a unit with too few
    /// days to tell (`OpenWeekdays(recordedOn:)`).
    public static func of(units: [String], days: [CalendarDay], patientDays: [Double], name: (String) -> String) -> [String: OpenWeekdays] {
        var open: [String: [CalendarDay]] = [:]
        var previous: String?, current = ""
        for r in 0..<min(units.count, days.count, patientDays.count) where patientDays[r] > 0 {
            if units[r] != previous {
                previous = units[r]
                current = name(units[r])
            }
            open[current, default: []].append(days[r])
        }
        return open.compactMapValues { OpenWeekdays(recordedOn: $0) }
    }
}
