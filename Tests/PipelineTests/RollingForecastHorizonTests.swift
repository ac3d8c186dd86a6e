import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Tabular

/// The current fiscal year's projection does not depend on `--horizon-quarters` (a finance
/// analyst's review, defect 4): as of 2026-12 on the same ledger, ICU's January 2027 forecast
/// was 243,812.14 at 2 quarters, 243,776.71 at 4 and 244,204.74 at 8, and the projected FY2027
/// expense moved by $7,040, because the backtest weighing each line's candidates forecast as far
/// as the horizon. It now forecasts to the fiscal year end whatever the horizon.
@Suite struct RollingForecastHorizonTests {
    /// Two departments with patient days, July 2024 to December 2026, seasonal with a trend and
    /// a fixed pseudo-random noise (a linear congruential generator, so the figures never change):
    /// a variable supplies line (driver-based), a revenue line and a fixed line whose amounts
    /// wander (forecast from its amounts). FY2027 budgeted.
    static func tables() -> (budget: Table, actuals: Table) {
        var seed: UInt64 = 42
        func noise() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 33) / Double(1 << 31) - 0.5
        }
        func label(_ month: Int) -> String { "\(month / 12)-\(month % 12 < 9 ? "0" : "")\(month % 12 + 1)" }
        let history = (2024 * 12 + 6)...(2026 * 12 + 11), fy2027 = (2026 * 12 + 6)...(2027 * 12 + 5)
        let lines: [(department: String, account: String, type: String, behavior: String, level: Double)] = [
            ("6010 ICU", "5010 Salaries", "expense", "variable", 190_000), ("6010 ICU", "6100 Supplies", "expense", "variable", 37_000),
            ("6010 ICU", "4010 Revenue", "revenue", "variable", 800_000), ("6010 ICU", "7300 Utilities", "expense", "fixed", 12_000),
            ("6050 Surgery", "5010 Salaries", "expense", "variable", 340_000), ("6050 Surgery", "7300 Utilities", "expense", "fixed", 9_000),
        ]
        var days: [String: [Int: Double]] = [:]
        for department in Set(lines.map(\.department)).sorted() {
            for month in history {
                let t = Double(month - history.lowerBound)
                days[department, default: [:]][month] = (300 + 2 * t + 40 * sin(2 * .pi * Double(month % 12) / 12) + 30 * noise()).rounded()
            }
        }
        var b: (d: [String], a: [String], p: [String], t: [String], k: [String], x: [Double], v: [Double]) = ([], [], [], [], [], [], [])
        var a: (d: [String], a: [String], p: [String], x: [Double], v: [Double]) = ([], [], [], [], [])
        for line in lines {
            for month in fy2027 {
                b.d.append(line.department); b.a.append(line.account); b.p.append(label(month)); b.t.append(line.type); b.k.append(line.behavior)
                b.x.append(line.level); b.v.append(320)
            }
            for month in history {
                let volume = days[line.department]![month]!
                let rate = line.level / 320 * (1 + 0.002 * Double(month - history.lowerBound) + 0.04 * noise())
                a.d.append(line.department); a.a.append(line.account); a.p.append(label(month))
                a.x.append(line.behavior == "fixed" ? line.level * (1 + 0.3 * cos(Double(month)) + 0.1 * noise()) : (rate * volume * 100).rounded() / 100)
                a.v.append(volume)
            }
        }
        let budget = Table([("department", .text(b.d)), ("account", .text(b.a)), ("period", .text(b.p)), ("account_type", .text(b.t)),
                            ("behavior", .text(b.k)), ("amount", .number(b.x)), ("volume", .number(b.v))])
        let actuals = Table([("department", .text(a.d)), ("account", .text(a.a)), ("period", .text(a.p)), ("amount", .number(a.x)), ("volume", .number(a.v))])
        return (budget, actuals)
    }

    /// Every row of FY2027 (its months, quarters and year to date), as budget_variance.csv
    /// writes it, by department, account and period.
    static func currentYear(quarters: Int?) throws -> [String: [String]] {
        var job = VarianceJob()
        job.asOf = 2026 * 12 + 11
        job.horizonQuarters = quarters
        let (budget, actuals) = tables()
        let rows = CSVTextRows.parse(VarianceJob.table(try job.run(budget: budget, actuals: actuals, volumes: nil)))
        let period = rows[0].firstIndex(of: "period")!
        let fy2027 = Set((7...12).map { String(format: "2026-%02d", $0) } + (1...6).map { String(format: "2027-%02d", $0) })
        var byKey: [String: [String]] = [:]
        for row in rows.dropFirst() where fy2027.contains(row[period]) || row[period].hasPrefix("FY2027") { byKey[row[0] + "|" + row[1] + "|" + row[period]] = row }
        return byKey
    }

    /// Before: 2 quarters (to the year end) and the default agreed, 4 and 8 did not (ICU's
    /// salaries, supplies and revenue projected differently in every month ahead).
    @Test func theCurrentYearIsTheSameWhateverTheHorizon() throws {
        let base = try Self.currentYear(quarters: 2)
        #expect(base.count == 6 * 17 + 2 * 17 && base.keys.contains("6010 ICU|TOTAL|2027-01"), "\(base.count)")
        #expect(try Self.currentYear(quarters: nil) == base)
        for quarters in [4, 8] {
            let other = try Self.currentYear(quarters: quarters)
            #expect(other.keys.sorted() == base.keys.sorted())
            for key in base.keys.sorted() where other[key] != base[key] {
                Issue.record("horizon \(quarters) quarters, \(key): \(other[key] ?? []) against \(base[key] ?? [])")
            }
        }
    }
}
