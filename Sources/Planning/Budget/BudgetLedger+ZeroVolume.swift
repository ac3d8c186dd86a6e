import Forecasting
import Tabular

extension BudgetLedger {
    /// A line books its usual month in a month when it books at least this share of its
    /// median month with a volume; a 0 volume is read as missing when this many of the
    /// department's variable lines (two or more with a usual month) do.
    static let usualMonthShare = 0.5, usualLinesShare = 0.75

    /// Reads an actual volume of 0 as missing in a month (through `asOf`) where three quarters
    /// of the department's variable lines (revenue with them) booked at least half their usual
    /// month, the median of their months with a volume. Such a month is no month without patients
    /// but a statistics feed that exported 0.00 for a month not loaded; the month is then not
    /// flexed (its rows leave the volume / rate split blank, as any month without a volume), and
    /// the note says so. Nil when none is so.
    ///
    /// Read as 0 patient days, an ICU's February with $559,000 of revenue flexed its budget to
    /// $0: volume -$525,000 and rate +$559,000, the year to date's revenue split -$500,000 /
    /// +$661,000 where +$37,500 / +$123,500 is right, presented as "mostly rate" without a word
    /// (a finance review). A 0 in a month the department booked little on its variable lines
    /// (a unit closed, its rent and salaries still posting, no supplies or revenue) stays a
    /// volume, and flexes to 0; so does one of a department with fewer than two variable lines.
    public mutating func readZeroVolumes(through asOf: Int) -> String? {
        var variable: [String: [LedgerLine]] = [:]
        for line in lines where behavior(of: line) == .variable { variable[line.department, default: []].append(line) }
        var found: [(department: String, months: [Int])] = []
        for (department, volumes) in actualVolume.sorted(by: { $0.key < $1.key }) {
            let withVolume = volumes.filter { $0.value > 0 && $0.key <= asOf }.keys
            let usual = (variable[department] ?? []).compactMap { line -> (line: LedgerLine, month: Double)? in
                let month = Median.of(sorted: withVolume.map { abs(actual[line]?[$0] ?? 0) }.sorted())
                return month > 0 ? (line, month) : nil
            }
            guard usual.count >= 2 else { continue }
            let missing = volumes.filter { entry in
                entry.value == 0 && entry.key <= asOf
                    && Double(usual.filter { abs(actual[$0.line]?[entry.key] ?? 0) >= Self.usualMonthShare * $0.month }.count) >= Self.usualLinesShare * Double(usual.count)
            }.keys.sorted()
            guard !missing.isEmpty else { continue }
            for month in missing { actualVolume[department]?[month] = nil }
            zeroVolumesMissing[department, default: []].formUnion(missing)
            found.append((department, missing))
        }
        guard !found.isEmpty else { return nil }
        let named = found.map { "\($0.department) \($0.months.map { Frequency.month.label($0) }.listed(upTo: 3))" }
        let one = found.count == 1 && found[0].months.count == 1
        return "an actual volume of 0 in \(one ? "a month" : "months") whose variable and revenue lines booked about their usual month (\(named.listed(upTo: 5, of: named.count))) is read as a statistic not loaded, not as a month without patients: \(one ? "that month is" : "those months are") not flexed, so \(one ? "its" : "their") rows leave flexed_budget, volume_variance and rate_variance blank, and the quarter and year-to-date rows split only the months with a volume; give the month's volume (a unit truly closed books little on its variable lines, and its 0 is read as written)"
    }
}
