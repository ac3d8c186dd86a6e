/// Writes `staffing_targets.csv`: per unit and job code the target hours per workload unit,
/// the FY2026 budgeted FTEs (target hours on the budgeted volume over 2,080 x 0.9
/// productive hours per FTE), pay rates and the ratio limit.
struct StaffingTargetsExport {
    let system: HealthSystem
    let calendar: DemoCalendar
    let census: CensusData
    let labor: LaborResult

    static let header = ["Cost Center", "Job Code", "Target HPPD", "Budgeted FTE", "Hourly Rate", "OT Multiplier", "Agency Rate",
                         "Max Patients per Staff", "Workload Statistic"]

    static let productiveHoursPerFTE = 2080.0 * 0.9

    func budgetedFTE(_ target: StaffingTarget) -> Double {
        var volume = 0.0
        let first = DemoCalendar.index(2025, 7, 1)
        for d in first..<calendar.dayCount { volume += census.budgeted[target.department][d] }
        return target.hoursPerUnit * volume / StaffingTargetsExport.productiveHoursPerFTE
    }

    func write(path: String) throws -> (rows: Int, bytes: Int) {
        let writer = try ExportWriter(path: path, header: StaffingTargetsExport.header)
        for target in labor.targets {
            let department = system.departments[target.department]
            writer.text(department.label)
            writer.text(target.jobCode)
            writer.fixed(target.hoursPerUnit, decimals: 2)
            writer.fixed((budgetedFTE(target) * 10).rounded() / 10, decimals: 1)
            writer.dollars(target.hourlyCents)
            writer.fixed(target.overtimeMultiplier, decimals: 2)
            writer.dollars(target.agencyCents)
            if let ratio = target.maxPatients { writer.int(ratio) } else { writer.empty() }
            writer.text(department.kind.isInpatient ? "Patient Days" : "Visits")
            writer.endRow()
        }
        try writer.commit()
        return (writer.rowsWritten, writer.bytesWritten)
    }
}
