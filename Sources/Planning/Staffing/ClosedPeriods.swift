/// The periods a unit was closed: no census recorded (a closure exported as zero census is
/// read as days not recorded, `CensusClosure`) and no hours worked.
///
/// Overtime and agency at trend learned such periods as periods of no premium pay: 5E Tele,
/// 168 overtime and 84 agency hours in every open week, closed 3 whole weeks for renovation,
/// was forecast 1,648 and 824 hours over 13 weeks for 2,184 and 1,092 (about $64k low), while
/// the census of the same run left those weeks out and the overtime share stayed 37.5%. They
/// are left out of the trend as periods not recorded, as the census leaves them out.
public enum ClosedPeriods {
    /// The periods of `periods` in which the unit has no census (its values from period `first`
    /// NaN, or none) and no hours worked (`hoursWorked` by period, 0 or absent).
    public static func of(censusFrom first: Int, _ census: [Double], hoursWorked: [Int: Double]?, in periods: ClosedRange<Int>) -> [Int] {
        periods.filter { p in
            let recorded = p >= first && p - first < census.count && !census[p - first].isNaN
            return !recorded && (hoursWorked?[p] ?? 0) == 0
        }
    }
}
