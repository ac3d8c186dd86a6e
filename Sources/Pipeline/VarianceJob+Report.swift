import Forecasting
import Planning
import Reports
import Tabular

extension VarianceJob {
    /// A sentence naming the budgeted departments without actuals, or nil.
    public static func departmentsWithoutActualsNote(_ result: Result) -> String? {
        let names = result.departmentsWithoutActuals
        guard !names.isEmpty else { return nil }
        let shown = names.listed(upTo: 10)
        return "No actuals at all for \(names.count == 1 ? "department" : "\(names.count) departments") \(shown): \(names.count == 1 ? "its" : "their") variances are \(names.count == 1 ? "its" : "their") whole budget; check that the ledger export covers \(names.count == 1 ? "it" : "them")."
    }

    /// "$5,550 under", "$1,200 over" or "on": the amount's size, its sign in the words given.
    /// "$1,694,880 over": the amount as a size, its direction in words. Never set in parentheses
    /// by the sentence, where `--negatives parentheses` readers take it for a negative.
    static func signed(_ difference: Double, _ positive: String, _ negative: String, numbers: NumberStyle) -> String {
        abs(difference) < 0.5 ? "on" : "\(numbers.money(abs(difference))) \(difference > 0 ? positive : negative)"
    }

    /// The summary's revenue sentence, when the ledger has revenue lines: the expense figures
    /// leave revenue out, and a revenue shortfall read "on budget" everywhere in the report.
    static func revenueSummary(_ lineYTD: [VarianceRow], fy: String, numbers: NumberStyle) -> [String] {
        let revenue = lineYTD.filter { $0.line.accountType == .revenue }
        guard !revenue.isEmpty else { return [] }
        func aboveOrBelow(_ difference: Double) -> String { signed(difference, "above", "below", numbers: numbers) }
        let budget = revenue.reduce(0) { $0 + $1.line.budget }, actual = revenue.reduce(0) { $0 + $1.line.actual }
        let projected = revenue.reduce(0) { $0 + ($1.projectedFY ?? 0) }
        let projectedVariance = revenue.contains { $0.projectedVariance == nil } ? nil : revenue.reduce(0) { $0 + ($1.projectedVariance ?? 0) }
        let toDate = "Revenue year to date: budget \(numbers.money(budget)), actual \(numbers.money(actual)), \(aboveOrBelow(actual - budget)) budget"
        let year = "; projected \(fy) revenue \(numbers.money(projected))" + (projectedVariance.map { ", \(aboveOrBelow($0)) budget." } ?? ".")
        return [toDate + year]
    }

    /// How many booked months of the lines are flagged unfavorable, which budget_variance.csv's
    /// `flag` lists (with their quarters and years to date).
    static func unfavorableFlagsSentence(_ result: Result, file: String) -> String {
        let flagged = VarianceRow.unfavorableMonths(in: result.rows)
        let lines = Set(flagged.map { "\($0.line.department)\u{1F}\($0.line.account)" }).count
        guard !flagged.isEmpty else { return "No booked month is flagged unfavorable." }
        return "\(flagged.count) booked month\(flagged.count == 1 ? " is" : "s are") flagged unfavorable, on \(lines) line\(lines == 1 ? "" : "s") (\(file).csv, column flag)."
    }

    /// budget_variance.md: the executive summary, variance by department, the lines that
    /// matter, then quarters by department. `file` is the base name of the CSV the report
    /// points to (a stage's `file:`).
    public static func report(_ result: Result, calendar: FiscalCalendar, numbers: NumberStyle = NumberStyle(),
                              file: String = "budget_variance") -> Report {
        let fy = "FY\(result.fiscalYear)"
        let ytdTotals = result.rows.filter { $0.line.account == "TOTAL" && $0.line.period == "\(fy)-YTD" }
        let ytdBudget = ytdTotals.reduce(0) { $0 + $1.line.budget }, ytdActual = ytdTotals.reduce(0) { $0 + $1.line.actual }
        let lineYTD = result.rows.filter { $0.line.account != "TOTAL" && $0.line.period == "\(fy)-YTD" }
        let projected = lineYTD.filter { $0.line.accountType == .expense }.reduce(0) { $0 + ($1.projectedFY ?? 0) }
        func overOrUnder(_ difference: Double) -> String { signed(difference, "over", "under", numbers: numbers) }
        // A ledger that begins part-way through its first month: the year to date set against
        // the whole month's budget read $62,500 under where the whole extract was $27,003 over.
        let parts = [result.partialFirstMonth, result.partialLastMonth].compactMap { $0 }.filter { result.fiscalYear == calendar.fiscalYear(ofMonth: $0.month) }
        let incomplete: String? = parts.isEmpty ? nil : "the actuals cover " + parts.map { part in
            "\(Frequency.month.label(part.month)) \(part == result.partialFirstMonth ? "from \(part.from)" : "through \(part.through)") only, \(part.daysCovered) of its \(part.daysInMonth) days"
        }.joined(separator: " and ")
        var doc = Report(title: "Budget variance \(fy), through \(Frequency.month.label(result.asOf))", summary: [
            "\(fy) expense budget \(numbers.money(result.annualBudget)); year to date budget \(numbers.money(ytdBudget)), actual \(numbers.money(ytdActual)), \(overOrUnder(ytdActual - ytdBudget)) budget"
                + (incomplete.map { "; incomplete: \($0), so the year to date and the projected year are low by the days missing (flag partial)." } ?? "."),
            "Projected \(fy) expense \(numbers.money(projected)) "
                + (result.projectedLow.isFinite && result.projectedHigh.isFinite
                    ? "(80% range \(numbers.money(result.projectedLow)) to \(numbers.money(result.projectedHigh)))"
                    : "(no 80% range: some line's history is too short to measure how far its months stray)")
                + (result.partialBudget.map { part in "; the budget covers \(part.covered) of \(fy)'s \(part.months) months, so the projected year is not set against it." }
                    ?? ", \(overOrUnder(projected - result.annualBudget)) budget"
                    + (parts.isEmpty ? "." : ", counting " + parts.map { "\(Frequency.month.label($0.month)) for its \($0.daysCovered) days" }.joined(separator: " and ") + " only.")),
        ] + revenueSummary(lineYTD, fy: fy, numbers: numbers) + [unfavorableFlagsSentence(result, file: file)]
          + (departmentsWithoutActualsNote(result).map { [$0] } ?? [])
          // How the exports were read (two budget versions summed, revenue as credits, a thin
          // last month): said where the figures are read, not only on the terminal and in
          // the run's index, since each can change the headline.
          + result.notes.map { $0.prefix(1).uppercased() + $0.dropFirst() + ($0.hasSuffix(".") ? "" : ".") })
        doc.keyFigure("\(fy) expense budget", result.annualBudget, style: .money)
        doc.keyFigure("Year-to-date budget", ytdBudget, style: .money)
        doc.keyFigure("Year-to-date actual", ytdActual, style: .money)
        doc.keyFigure("Year-to-date variance", ytdActual - ytdBudget, style: .money)
        doc.keyFigure("Projected \(fy) expense", projected, style: .money)
        if result.partialBudget == nil { doc.keyFigure("Projected variance", projected - result.annualBudget, style: .money) }
        // The months the summary's sentence counts: counting quarters, years to date and
        // totals too gave 50 beside a sentence saying 21.
        doc.keyFigure("Booked months flagged unfavorable", Double(VarianceRow.unfavorableMonths(in: result.rows).count))
        if !ytdTotals.isEmpty {
            var chart = VarianceBarChart(
                title: "\(fy) year-to-date variance by department",
                caption: "Actual minus budget through \(Frequency.month.label(result.asOf)); positive expense variance is unfavorable.",
                bars: ytdTotals.sorted { $0.line.variance > $1.line.variance }.map {
                    VarianceBarChart.Bar(label: $0.line.department, value: $0.line.variance, favorable: $0.line.favorable)
                }, format: .money)
            chart.negatives = numbers.negatives
            // Its sheet says what it holds: "By department" read as the whole report by department,
            // where it holds the year to date only (a finance review).
            var sheet = chart.workbookChart(categoryHeader: "Department", seriesName: "Variance")
            sheet.sheet = "YTD variance by department"
            doc.figure(Report.Figure(name: "by_department", description: "Year-to-date variance by department", svg: chart.svg(), chart: sheet))
        }
        // Every line over budget (revenue under it), by amount, flagged or not: listing the
        // flagged ones alone left out a $28,800 overrun at 4.8% beside a $10,650 one at 8.9%, and
        // with none flagged the section was gone while two lines ran $23,000 over.
        let unfavorable = lineYTD.filter { !$0.line.favorable && abs($0.line.variance) >= 0.005 }
            .sorted { (abs($1.line.variance), $0.line.department, $0.line.account) < (abs($0.line.variance), $1.line.department, $1.line.account) }
        if !unfavorable.isEmpty {
            doc.heading("Largest unfavorable lines, year to date")
            doc.bullets(unfavorable.prefix(8).map { r in
                let l = r.line
                // A comma, not parentheses: with --negatives parentheses a negative percentage in
                // them read "($60,000) ((20%))".
                let head = "\(l.department) / \(l.account): \(numbers.money(l.variance)), \(l.variancePercent.map { numbers.percent($0) } ?? "no budget")"
                    + (r.flag.isEmpty ? " (within the flag thresholds)" : "")
                // Spending with no budget, or a fixed line's, is no price or efficiency: it read
                // "mostly rate (price or efficiency)" for a new department's whole payroll.
                guard l.splitsByVolume else {
                    let why = l.budget == 0 ? "all of it unbudgeted" : l.behavior == .fixed ? "a fixed line, not split by volume" : "no volume to split it by"
                    return head + " — \(why)."
                }
                let cause = abs(l.rateVariance) >= abs(l.volumeVariance) ? "mostly rate (price or efficiency)" : "mostly volume"
                // Months without a volume are neither (`MonthsWithoutVolume`): said, so that the
                // two parts are not read as the whole variance.
                let unsplit = l.withoutVolume.flatMap { $0.count == 0 ? nil : $0 }.map { months in
                    " over the months with a volume; \(months.count == 1 ? "1 month without one leaves" : "\(months.count) months without one leave") \(numbers.money(months.variance)) unsplit"
                } ?? ""
                return head + " — volume \(numbers.money(l.volumeVariance)), rate \(numbers.money(l.rateVariance))\(unsplit); \(cause)."
            })
        }
        let covered = lineYTD.filter { $0.line.overBudgetButCoveredByVolume }
        if !covered.isEmpty {
            doc.heading("Over budget but covered by volume")
            doc.bullets(covered.prefix(8).map { "\($0.line.department) / \($0.line.account): \(numbers.money($0.line.variance)) over, flexed budget \(numbers.money($0.line.flexedBudget)) covers it (volume variance \(numbers.money($0.line.volumeVariance)))." })
        }
        doc.heading("Quarters by department (expense)")
        let quarters = result.rows.filter { $0.line.account == "TOTAL" && $0.line.period.contains("-Q") }
        doc.table(["Department", "Quarter", "Basis", "Budget", "Actual or forecast", "Variance", "Variance %", "Volume", "Rate"],
                  // Forecast quarters carry their split as budget_variance.csv does (README: driver-based
                  // forecast rows carry flexed_budget, volume and rate like booked ones); the
                  // table left them blank beside the CSV's figures. A quarter whose split the
                  // CSV leaves blank is blank here too (`splitKnown`): summed from the lines, the
                  // table showed a split the CSV did not have.
                  // A quarter without a budget (`VarianceRow.budgeted`) has no budget or variance, blank as in the CSV.
                  quarters.map { r in
                      [r.line.department, r.line.period, r.basis.rawValue, r.budgeted ? numbers.money(r.line.budget) : "", numbers.money(r.line.actual),
                       r.budgeted ? numbers.money(r.line.variance) : "",
                       r.budgeted ? r.line.variancePercent.map { numbers.percent($0) } ?? "" : "", r.splitKnown && r.line.volumeVariance.isFinite ? numbers.money(r.line.volumeVariance) : "",
                       r.splitKnown && r.line.rateVariance.isFinite ? numbers.money(r.line.rateVariance) : ""]
                  }, alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right],
                  // The figures as budget_variance.csv writes them, behind the whole dollars shown.
                  values: quarters.map { r in
                      [nil, nil, nil, r.budgeted ? cents(r.line.budget) : nil, cents(r.line.actual), r.budgeted ? cents(r.line.variance) : nil,
                       r.budgeted ? r.line.variancePercent.map { ($0 * 10).rounded() / 1000 } : nil,
                              r.splitKnown ? cents(r.line.volumeVariance) : nil, r.splitKnown ? cents(r.line.rateVariance) : nil]
                  })
        // Booked quarters with no month a volume flexes (`MonthsWithoutVolume`, named in a note).
        let unflexed = quarters.filter { !$0.splitKnown && $0.basis == .actual }
        if !unflexed.isEmpty {
            let named = unflexed.map { "\($0.line.department) \($0.line.period)" }
            doc.paragraph("Volume and rate are blank for \(unflexed.count == 1 ? "1 booked quarter" : "\(unflexed.count) booked quarters") (\(named.listed(upTo: 5, of: named.count))), as in \(file).csv: no month of \(unflexed.count == 1 ? "it" : "them") has an actual volume for the variable lines to be flexed by.")
        }
        let partlySplit = quarters.filter { $0.splitKnown && $0.line.withoutVolume != nil }
        if !partlySplit.isEmpty {
            let named = partlySplit.map { "\($0.line.department) \($0.line.period)" }
            doc.paragraph("Volume and rate cover only the months with an actual volume in \(named.listed(upTo: 5, of: named.count)): the variance of the months without one is neither, so the two do not add up to the variance there.")
        }
        // Said beside the rows: the summary's note alone left a finance manager summing the
        // quarters' $0 budgets and "favorable" revenue without seeing it.
        let unbudgeted = Set(quarters.filter { !$0.budgeted && !$0.partlyBudgeted }.map(\.line.period)).sorted()
        if let first = unbudgeted.first, let last = unbudgeted.last {
            let span = first == last ? first : "\(first) to \(last)"
            doc.paragraph("Budget, variance, volume and rate are blank for \(span), as in \(file).csv: the budget has no month of \(first == last ? "it" : "them"), so the forecast is shown with nothing to set it against, and \(first == last ? "it is" : "they are") not flagged.")
        }
        // A quarter budgeted for some of its months or lines only is blank too (cases/01: its
        // two months' budget set against three months' forecast read 52.2% over), and said so.
        let partly = quarters.filter(\.partlyBudgeted).map { "\($0.line.department) \($0.line.period)" }
        if !partly.isEmpty {
            doc.paragraph("Budget, variance, volume and rate are blank for \(partly.listed(upTo: 6, of: partly.count)), as in \(file).csv: the budget covers only some of \(partly.count == 1 ? "its" : "their") months or lines, so the forecast is shown rather than set against part of a budget, and \(partly.count == 1 ? "it is" : "they are") not flagged; the notes name the months and lines without budget.")
        }
        let unsplit = quarters.filter { !$0.splitKnown && $0.basis == .forecast && $0.budgeted }
        if !unsplit.isEmpty {
            // Why: the lines projected from their amounts have no forecast volume to flex by.
            let lines = result.rows.filter { row in
                !row.splitKnown && row.line.account != "TOTAL" && row.line.accountType == .expense && row.line.period.contains("-Q")
                    && unsplit.contains { $0.line.department == row.line.department && $0.line.period == row.line.period }
            }
            var named: [String] = []
            for row in lines where !named.contains("\(row.line.department) / \(row.line.account)") { named.append("\(row.line.department) / \(row.line.account)") }
            doc.paragraph("Volume and rate are blank for \(unsplit.count == 1 ? "1 forecast quarter" : "\(unsplit.count) forecast quarters"), as in \(file).csv: "
                          + "\(named.count == 1 ? "a line in it is" : "lines in them are") projected from \(named.count == 1 ? "its" : "their") amounts, with no forecast volume to flex the budget by (\(named.listed(upTo: 5, of: named.count))).")
        }
        let split = ytdTotals.filter { $0.projectedVariance != nil && $0.projectedVolumeVariance != nil }
        if !split.isEmpty {
            doc.heading("Projected \(fy) variance by department: volume and rate (expense)")
            doc.paragraph("Booked months flexed by actual volume, forecast months by forecast volume (variable accounts with volumes are projected as forecast volume x forecast rate); fixed accounts and lines without volumes are all rate."
                          + (split.contains { $0.line.withoutVolume != nil }
                             ? " Booked months without an actual volume where the department has one in others are neither volume nor rate, so volume and rate fall short of the projected variance by their variance." : ""))
            doc.table(["Department", "Budget", "Projected", "Projected variance", "From volume", "From rate"], split.map { r in
                let variance = r.projectedVariance ?? 0, projected = r.projectedFY ?? 0
                return [r.line.department, numbers.money(projected - variance), numbers.money(projected), numbers.money(variance),
                        numbers.money(r.projectedVolumeVariance ?? 0), numbers.money(r.projectedRateVariance ?? 0)]
            }, alignments: [.left, .right, .right, .right, .right, .right],
            // The CSV's cents behind the whole dollars shown: the workbook's Summary held 138612
            // for the CSV's 138,612.05.
            values: split.map { r in
                let variance = r.projectedVariance ?? 0, projected = r.projectedFY ?? 0
                return [nil, cents(projected - variance), cents(projected), cents(variance), cents(r.projectedVolumeVariance ?? 0), cents(r.projectedRateVariance ?? 0)]
            })
        }
        if let scenarios = result.scenarios { scenarioSection(&doc, scenarios, fy: fy, numbers: numbers, partialBudget: result.partialBudget != nil) }
        supplySection(&doc, result, numbers: numbers)
        return doc
    }

    /// An amount as budget_variance.csv writes it, to the cent, for a table's workbook values
    /// (nil, an empty cell, when not finite).
    static func cents(_ x: Double) -> Double? { x.isFinite ? (x * 100).rounded() / 100 : nil }

    /// The scenarios' projected fiscal year beside the budget, by department (expense), and
    /// as a chart of each scenario's projected variance.
    static func scenarioSection(_ doc: inout Report, _ rows: [ScenarioProjection.Row], fy: String, numbers: NumberStyle, partialBudget: Bool = false) {
        var names: [String] = []
        for row in rows where !names.contains(row.scenario) { names.append(row.scenario) }
        let totals = rows.filter { $0.account == "TOTAL" }
        var departments: [String] = []
        for row in totals where !departments.contains(row.department) { departments.append(row.department) }
        func total(_ scenario: String, _ department: String) -> ScenarioProjection.Row? {
            totals.first { $0.scenario == scenario && $0.department == department }
        }
        doc.heading("Scenarios: projected \(fy) by department (expense)")
        let all = names.map { total($0, "ALL") }
        func allRow(_ scenario: String, _ account: String) -> ScenarioProjection.Row? {
            rows.first { $0.scenario == scenario && $0.department == "ALL" && $0.account == account }
        }
        func change(_ value: Double) -> String { (value > 0.5 ? "+" : "") + numbers.money(value) }
        doc.bullets(zip(names, all).dropFirst().compactMap { name, row in
            row.map { expense in
                var text = "\(name): projected expense \(numbers.money(expense.projectedFY)), \(change(expense.changeVsBase)) against the base"
                    + (partialBudget ? "" : ", \(numbers.money(abs(expense.projectedVariance))) \(expense.projectedVariance > 0 ? "over" : "under") budget")
                if let revenue = allRow(name, ScenarioProjection.revenueAccount), let net = allRow(name, ScenarioProjection.netAccount) {
                    // (Commas, not parentheses: with --negatives parentheses a fall is itself
                    // in parentheses, and read "(($5,940) against the base)".)
                    text += "; revenue \(numbers.money(revenue.projectedFY)), \(change(revenue.changeVsBase)) against the base; net \(numbers.money(net.projectedFY)), \(change(net.changeVsBase)) against the base"
                }
                return text + "."
            }
        })
        doc.table(["Department", "Budget"] + names, departments.map { department in
            [department, numbers.money(total(names[0], department)?.budgetFY ?? 0)] + names.map { numbers.money(total($0, department)?.projectedFY ?? 0) }
        }, alignments: [.left] + Array(repeating: .right, count: names.count + 1),
        values: departments.map { department in
            [nil, cents(total(names[0], department)?.budgetFY ?? 0)] + names.map { cents(total($0, department)?.projectedFY ?? 0) }
        })
        let shown = departments.filter { $0 != "ALL" }
        // A budget for part of the year has no projected variance to chart.
        guard !shown.isEmpty, !partialBudget else { return }
        var chart = GroupedBarChart(title: "Projected \(fy) variance by department and scenario",
                                    caption: "Projected fiscal year minus budget; positive is over budget.", categories: shown,
                                    series: names.map { name in .init(name: name, values: shown.map { total(name, $0)?.projectedVariance ?? 0 }) },
                                    format: .money)
        chart.negatives = numbers.negatives
        // Named for what it holds: beside the Scenarios table it came out "Scenarios (2)".
        var sheet = chart.workbookChart(categoryHeader: "Department")
        sheet.sheet = "Scenarios by department"
        doc.figure(Report.Figure(name: "scenarios", description: "Projected variance by department and scenario", svg: chart.svg(), chart: sheet))
    }

    /// Unfavorable rate variances on expense lines this year: paying more per unit of
    /// volume than budgeted (prices or efficiency), for the run's index.
    public static func costReductions(_ result: Result, report: String, numbers: NumberStyle = NumberStyle()) -> [CostReduction] {
        let fy = "FY\(result.fiscalYear)-YTD"
        // Only lines whose variance splits by volume: a line with no budget or a fixed one
        // has no rate to speak of (\$108,000 of unbudgeted spend was counted as rate variance).
        let lines = result.rows.filter { $0.line.account != "TOTAL" && $0.line.period == fy && $0.line.accountType == .expense && $0.line.splitsByVolume && $0.line.rateVariance > 0 }
            .sorted { $0.line.rateVariance > $1.line.rateVariance }
        guard !lines.isEmpty else { return [] }
        let largest = lines.prefix(3).map { "\($0.line.department) / \($0.line.account) \(numbers.money($0.line.rateVariance))" }.joined(separator: "; ")
        return [CostReduction(area: "Rate variances (price or efficiency)", detail: "\(NumberFormat.count(lines.count, "expense line")) \(lines.count == 1 ? "costs" : "cost") more per unit of volume than budgeted this year; largest: \(largest).",
                              amount: lines.reduce(0) { $0 + $1.line.rateVariance }, report: report)]
    }
}
