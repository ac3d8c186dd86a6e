import Forecasting
import Tabular

extension BudgetLedger {
    /// The note naming the departments and `months` (the fiscal year's booked months) whose
    /// variable lines booked or budgeted something while the department has no actual volume
    /// for the month, though it has one in others (`MonthsWithoutVolume`): those months are not
    /// flexed. Nil when none is so.
    ///
    /// A volume row left out is read as no volume, not as 0 patient days (DESIGN: levels and
    /// counts not recorded are missing, not zero): a statistics export a month behind the ledger
    /// leaves out every department's last month, and nothing in the file tells that month from
    /// one with no patients. A 0 written in the file is a volume, and flexes to 0, so a closed
    /// unit's saving is volume; the note says to give it so.
    public func withoutVolumeNote(months: [Int]) -> String? {
        var variable: [String: [LedgerLine]] = [:]
        for line in lines where behavior(of: line) == .variable { variable[line.department, default: []].append(line) }
        var departmentsByMonths: [[Int]: [String]] = [:]
        for (department, volumes) in actualVolume where !volumes.isEmpty {
            let own = variable[department] ?? []
            let missing = months.filter { month in
                volumes[month] == nil && !(zeroVolumesMissing[department]?.contains(month) ?? false) && own.contains { (budget[$0]?[month] ?? 0) != 0 || (actual[$0]?[month] ?? 0) != 0 }
            }
            if !missing.isEmpty { departmentsByMonths[missing, default: []].append(department) }
        }
        guard !departmentsByMonths.isEmpty else { return nil }
        let label = Frequency.month.label
        func span(_ months: [Int]) -> String {
            guard let first = months.first, let last = months.last else { return "" }
            if months.count == 1 { return label(first) }
            return last - first == months.count - 1 ? "\(label(first)) to \(label(last))" : months.map(label).listed(upTo: 4, of: months.count)
        }
        let groups = departmentsByMonths.map { (months: $0.key, departments: $0.value.sorted()) }.sorted { $0.departments[0] < $1.departments[0] }
        let named = groups.map { group in
            let departments = group.departments.count == 1 ? group.departments[0]
                : "\(group.departments.count) departments (\(group.departments.listed(upTo: 3, of: group.departments.count)))"
            return "\(span(group.months)) of \(departments)"
        }
        return "no actual volume is given for \(named.listed(upTo: 4, of: named.count)), though other months have one: those months' variable lines cannot be flexed, so their rows leave flexed_budget, volume_variance and rate_variance blank, and the quarter and year-to-date rows counting them split only the months with a volume (the volume and rate variances leave those months' variance out); export the volumes through as-of, and give a month with no patients as a volume of 0 to read its saving as volume"
    }
}
