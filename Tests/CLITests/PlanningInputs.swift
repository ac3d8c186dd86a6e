import Foundation
import Testing

/// A canned planning command with small valid inputs, written plainly (ISO dates, decimal
/// points, commas) or the way a European export would write them, for running each command
/// under each input flag.
struct PlanningInputs: Sendable, CustomTestStringConvertible {
    var command: String
    /// File name -> header and rows.
    var files: [String: [[String]]]
    /// The command line without `--out`.
    var arguments: [String]
    /// The main CSV the command writes into its folder.
    var output: String
    /// The columns of `output` that name a shard's key.
    var key: [String]

    var testDescription: String { command }

    static let all = [reorder, variance, staffing]

    /// ISO dates from 2025-01-06 (a Monday), `count` of them.
    static func days(_ count: Int) -> [String] { CSVInput.days(count) }

    static let reorder: PlanningInputs = {
        let items = (1...8).map { "I0\($0)" }
        var usage = [["date", "item", "quantity"]]
        for (k, day) in days(84).enumerated() {
            for (i, item) in items.enumerated() { usage.append([day, item, "\((k * 3 + i * 5) % 7 + i).5"]) }
        }
        let master = [["item", "description", "vendor", "unit_cost", "pack_size", "lead_time_days", "review_period_days", "service_level"]]
            + items.enumerated().map { i, item in [item, "Item \(i)", i % 2 == 0 ? "Acme" : "Harbor", "\(1 + i).25", "\(5 * (1 + i % 3))", "\(2 + i % 4)", "7", "0.95"] }
        let inventory = [["item", "on_hand", "on_order", "location", "as_of"]]
            + items.enumerated().map { i, item in [item, "\(10 * i).5", "\(i % 2 * 1250)", "Central", "2025-03-30"] }
        return PlanningInputs(command: "reorder", files: ["usage.csv": usage, "items.csv": master, "inventory.csv": inventory],
                              arguments: ["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--quiet"],
                              output: "reorder.csv", key: ["item"])
    }()

    static let variance: PlanningInputs = {
        let lines = ["ICU", "ED", "OR", "Lab"].flatMap { d in ["Supplies", "Salaries"].map { (d, $0) } }
        let months = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
        var budget = [["department", "account", "period", "amount", "volume", "account_type", "behavior"]]
        var actuals = [["department", "account", "period", "amount", "volume"]]
        for (n, (department, account)) in lines.enumerated() {
            for (m, month) in months.enumerated() {
                budget.append([department, account, month, "\(1000 + 250 * n).50", "100", "expense", account == "Supplies" ? "variable" : "fixed"])
                if m < 3 { actuals.append([department, account, month, "\(1100 + 240 * n + 35 * m).25", "\(104 + m)"]) }
            }
        }
        return PlanningInputs(command: "variance", files: ["budget.csv": budget, "actuals.csv": actuals],
                              arguments: ["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--quiet"],
                              output: "budget_variance.csv", key: ["department", "account"])
    }()

    static let staffing: PlanningInputs = {
        let units = ["ICU", "4E", "5W", "ED", "NICU", "PACU"]
        var census = [["date", "unit", "patient_days"]]
        var punches = [["date", "unit", "hours", "job_code", "pay_type", "employee"]]
        for (k, day) in days(84).enumerated() {
            for (u, unit) in units.enumerated() {
                census.append([day, unit, "\(10 + (k + u) % 5).5"])
                punches.append([day, unit, "\(80 + u).25", "RN", k % 6 == 0 ? "overtime" : "regular", "E\(100 + u)"])
            }
        }
        let targets = [["unit", "job_code", "target_hppd", "budgeted_fte", "hourly_rate"]]
            + units.enumerated().map { u, unit in [unit, "RN", "\(6 + u).5", "\(20 + u).5", "52.75"] }
        return PlanningInputs(command: "staffing", files: ["census.csv": census, "timekeeping.csv": punches, "targets.csv": targets],
                              arguments: ["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                          "--horizon", "4", "--quiet"],
                              output: "staffing_plan.csv", key: ["unit"])
    }()

    /// Writes the inputs into `directory`, each cell passed through `cell`, fields joined by `delimiter`.
    func write(to directory: URL, delimiter: String = ",", cell: (String) -> String = { $0 }) throws {
        for (name, rows) in files {
            let text = rows.enumerated().map { k, row in (k == 0 ? row : row.map(cell)).joined(separator: delimiter) }.joined(separator: "\n") + "\n"
            try text.write(to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
    }

    /// `2025-01-13` -> `13/01/2025`, a month `2025-07` -> `01/07/2025`; other cells as they are.
    static func dayFirst(_ cell: String) -> String {
        let parts = cell.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), parts.first?.count == 4, (2...3).contains(parts.count) else { return cell }
        return (parts.count == 3 ? parts[2] : "01") + "/" + parts[1] + "/" + parts[0]
    }

    /// `1234.5` -> `1.234,5`, `1250` -> `1.250`; other cells as they are.
    static func decimalComma(_ cell: String) -> String {
        let parts = cell.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return cell }
        var whole = String(parts[0]), grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        return whole + grouped + (parts.count == 2 ? "," + parts[1] : "")
    }

    /// The data rows of a CSV the command wrote, as header name -> value.
    static func records(_ url: URL) throws -> [[String: String]] {
        let rows = CSVText.parse(try String(contentsOf: url, encoding: .utf8))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
