/// Daily workload of every department: what happened (`actual`), what the model expected
/// (`expected`), and what the budget assumed (`budgeted`: a typical flu season and no
/// growth on Med-Surg 4E).
struct CensusData: Sendable {
    /// Patient days (midnight census), visits or surgical cases per day; pharmacy rows stay 0.
    var actual: [[Int]]
    var admissions: [[Int]]
    var expected: [[Double]]
    var budgeted: [[Double]]

    /// Sum of `actual` over month `m`.
    func monthTotal(_ department: Int, _ m: Int, _ calendar: DemoCalendar) -> Int {
        var total = 0
        for d in calendar.monthStart[m]..<(calendar.monthStart[m] + calendar.monthLength[m]) { total += actual[department][d] }
        return total
    }

    func monthBudget(_ department: Int, _ m: Int, _ calendar: DemoCalendar) -> Double {
        var total = 0.0
        for d in calendar.monthStart[m]..<(calendar.monthStart[m] + calendar.monthLength[m]) { total += budgeted[department][d] }
        return total
    }
}
