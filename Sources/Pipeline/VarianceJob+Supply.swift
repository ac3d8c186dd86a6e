import Forecasting
import Planning
import Reports
import Tabular

extension VarianceJob {
    public static let supplyHeader = ["department", "account", "fiscal_year", "months", "items", "units", "bottom_up", "ledger_trend",
                                      "difference", "difference_pct"]

    /// budget_supply.csv: the rest of the fiscal year's supply and pharmacy spend, bottom-up
    /// from the items beside the ledger line's own projection.
    static func supplyTable(_ result: Result) -> Table {
        let lines = result.supply ?? []
        func money(_ x: Double?) -> Double { x.map { ($0 * 100).rounded() / 100 } ?? .nan }
        let months = result.supplyMonths.isEmpty ? ""
            : Frequency.month.label(result.supplyMonths.min()!) + ".." + Frequency.month.label(result.supplyMonths.max()!)
        return Table([
            ("department", .text(lines.map(\.department))), ("account", .text(lines.map(\.account))),
            ("fiscal_year", .text(lines.map { _ in "FY\(result.fiscalYear)" })), ("months", .text(lines.map { _ in months })),
            ("items", .number(lines.map { Double($0.items) })), ("units", .number(lines.map { ($0.units * 10).rounded() / 10 })),
            ("bottom_up", .number(lines.map { money($0.bottomUp) })), ("ledger_trend", .number(lines.map { money($0.ledgerTrend) })),
            ("difference", .number(lines.map { money($0.difference) })),
            ("difference_pct", .number(lines.map { $0.differencePercent.map { ($0 * 10).rounded() / 10 } ?? .nan })),
        ])
    }

    /// The report's section: each department's bottom-up figure beside the ledger trend, and
    /// what the difference means.
    static func supplySection(_ doc: inout Report, _ result: Result, numbers: NumberStyle) {
        guard let lines = result.supply, let first = result.supplyMonths.min(), let last = result.supplyMonths.max() else { return }
        let span = Frequency.month.label(first) + " to " + Frequency.month.label(last)
        doc.heading("Supply and pharmacy spend, \(span): items bottom-up beside the ledger trend")
        var left: [String] = []
        if result.supplyUnpriced > 0 { left.append("\(result.supplyUnpriced) items without a unit cost") }
        if result.supplyUncategorized > 0 { left.append("\(result.supplyUncategorized) items whose category supply_accounts does not map") }
        doc.paragraph("Bottom-up: each item's monthly use in the department, forecast from its history through "
                      + Frequency.month.label(result.asOf) + ", times its unit cost in the item master (today's price, so increases already in effect are in; "
                      + "the latest price paid where the master has none). Ledger trend: the account's own projection in the table above. "
                      + "Bottom-up above the trend points at price increases or growing items the ledger has not caught up with; below it, at spend "
                      + "outside the item master (non-stock buys, freight) or items used less." + (left.isEmpty ? "" : " Left out: " + left.joined(separator: ", ") + "."))
        if lines.isEmpty {
            doc.paragraph("No item's category maps to an account in supply_accounts.")
            return
        }
        doc.table(["Department", "Account", "Items", "Bottom-up", "Ledger trend", "Difference", "Difference %"], lines.map { l in
            [l.department, l.account, NumberFormat.fixed(Double(l.items), decimals: 0), numbers.money(l.bottomUp),
             l.ledgerTrend.map { numbers.money($0) } ?? "no ledger line", l.difference.map { numbers.money($0) } ?? "",
             l.differencePercent.map { numbers.percent($0) } ?? ""]
        }, alignments: [.left, .left, .right, .right, .right, .right, .right])
    }
}
