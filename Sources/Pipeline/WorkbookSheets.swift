import Planning
import Reports

/// How each planning CSV looks as a workbook sheet: which columns are money, prices,
/// percentages or days, and which flags are coloured. One place, so reorder.xlsx,
/// budget_variance.xlsx and staffing_plan.xlsx format the same kind of column alike.
enum WorkbookSheets {
    static let quantity = ReportSheet.Style.number(decimals: 0)
    static let tenths = ReportSheet.Style.number(decimals: 1)
    static let hundredths = ReportSheet.Style.number(decimals: 2)

    /// reorder.csv: stockout risk in red; stock below safety level, expiring or in excess in amber.
    static func reorder(_ table: Table) -> ReportSheet {
        table.reportSheet("Reorder", styles: [
            "on_hand": quantity, "on_order": quantity, "inventory_position": quantity, "order_qty": quantity, "packs": quantity,
            "demand_forecast": tenths, "safety_stock": tenths, "reorder_point": tenths, "order_up_to": tenths, "days_of_supply": tenths,
            "unit_cost": .price, "order_cost": .money, "service_level": .percent,
        ], highlights: [
            .init("flags", .contains("stockout_risk")),
            .init("flags", .contains("below_safety_stock"), tone: .caution),
            .init("flags", .contains("expiry_risk"), tone: .caution),
            // Stock expected to expire before use ("60 units expected to expire before use ($600)"):
            // the money README's "expiry risk in amber" is about; left out, both of a two-item
            // fixture's lines ($800 of expected waste) and the demo's gloves ($784.45) stayed white.
            .init("flags", .contains("expiry_waste"), tone: .caution),
            .init("flags", .contains("dead_stock"), tone: .caution),
        ])
    }

    /// reorder_simulation.csv: the replay window as dates (levels_as_of may say `rolling`, so it stays text).
    static func simulation(_ table: Table) -> ReportSheet {
        table.reportSheet("Replay", styles: [
            "items": quantity, "target_service_level": .percent, "fill_rate": .percent, "stockout_days": quantity,
            "average_inventory_value": .money, "orders": quantity, "replay_start": .date, "replay_end": .date, "levels_as_of": .date,
        ])
    }

    /// budget_variance.csv: amounts as money, variance_pct as the percentage it already is,
    /// unfavorable flags in red.
    static func variance(_ table: Table) -> ReportSheet {
        var styles: [String: ReportSheet.Style] = ["variance_pct": .percentagePoints]
        for column in ["budget", "actual", "variance", "flexed_budget", "volume_variance", "rate_variance", "ytd_budget", "ytd_actual",
                       "forecast_remaining", "projected_fy", "projected_variance", "forecast", "forecast_lo80", "forecast_hi80"] {
            styles[column] = .money
        }
        return table.reportSheet("Variance", styles: styles, highlights: [
            .init("flag", .equals("unfavorable")),
            .init("favorable", .isFalse, tone: .caution),
        ])
    }

    /// budget_scenarios.csv: amounts as money, scenarios over budget in amber.
    static func supply(_ table: Table) -> ReportSheet {
        var styles: [String: ReportSheet.Style] = ["difference_pct": .percentagePoints]
        for column in ["bottom_up", "ledger_trend", "difference"] { styles[column] = .money }
        return table.reportSheet("Supply spend", styles: styles, highlights: [])
    }

    /// budget_proposal.csv (`variance --propose`): next year's lines in the budget file's own
    /// columns, its amounts (`amountColumn`, whatever the budget calls it) as money. Chosen by
    /// a header holding "amount", a budget's `Budget USD` showed 255,183.98, not $255,184.
    static func proposal(_ table: Table, amountColumn: String) -> ReportSheet {
        table.reportSheet("Proposal", styles: [amountColumn: .money], highlights: [])
    }

    /// budget_scenarios.csv: an unfavorable projected variance in amber, by the variance
    /// sheet's rule: above budget on an expense line, below it on a revenue line and on the
    /// `ALL` / `REVENUE` and `NET` rows (`rows`, the table's rows, say which is which). One
    /// rule for every row shaded revenue and margin above budget like an overspend and left
    /// a revenue shortfall white.
    static func scenarios(_ table: Table, rows: [ScenarioProjection.Row]) -> ReportSheet {
        var styles: [String: ReportSheet.Style] = [:]
        for column in ["budget_fy", "projected_fy", "projected_variance", "change_vs_base"] { styles[column] = .money }
        let revenueLike = rows.map(\.revenueLike)
        return table.reportSheet("Scenarios", styles: styles, highlights: [
            .init("projected_variance", .above(0), tone: .caution, rows: revenueLike.map { !$0 }),
            .init("projected_variance", .below(0), tone: .caution, rows: revenueLike),
        ])
    }

    /// staffing_plan.csv: a staffing ratio below its minimum (non-compliance) in red, FTE
    /// shortfalls and agency need in amber.
    static func staffing(_ table: Table) -> ReportSheet {
        table.reportSheet("Plan", styles: [
            "census_forecast": tenths, "required_hours": tenths, "target_hppd": hundredths, "fte_required": hundredths,
            "budgeted_fte": hundredths, "fte_gap": hundredths, "overtime_hours": tenths, "agency_hours": tenths, "labor_cost": .money,
        ], highlights: [
            .init("flags", .contains("below_ratio_minimum")),
            .init("fte_gap", .above(0.5), tone: .caution),
            .init("flags", .contains("agency_needed"), tone: .caution),
        ])
    }

    /// The by-shift tables beside the plan (`staffing --shifts`): a non-compliant shift in red,
    /// a shift short of staff ahead in amber. Left out, the workbook's Summary named
    /// non-compliant shifts that no sheet listed.
    static func shifts(_ table: Table) -> ReportSheet {
        table.reportSheet("Shift checks", styles: ["patients": tenths, "staff_on_duty": quantity, "patients_per_staff": hundredths,
                                                   "max_patients_per_staff": hundredths, "date": .date],
                          highlights: [.init("compliant", .equals("no"))])
    }

    static func grid(_ table: Table) -> ReportSheet {
        table.reportSheet("Staffing grid", styles: ["patients": quantity, "staff_required": quantity], highlights: [])
    }

    static func productivity(_ table: Table) -> ReportSheet {
        table.reportSheet("Pay periods", styles: ["pay_period_start": .date, "pay_period_end": .date, "worked_hours": tenths, "target_hours": tenths,
                                                  "productivity_index": tenths, "overtime_pct": .percentagePoints, "agency_pct": .percentagePoints,
                                                  "non_productive_pct": .percentagePoints],
                          highlights: [])
    }

    static func shiftOutlook(_ table: Table) -> ReportSheet {
        table.reportSheet("Shifts ahead", styles: ["patients_forecast": tenths, "staff_required": quantity, "staff_scheduled": quantity, "short_by": quantity],
                          highlights: [.init("short_by", .above(0), tone: .caution)])
    }
}
