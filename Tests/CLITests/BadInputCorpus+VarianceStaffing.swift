import Foundation
import Tabular

extension BadInputCorpus {
    /// Issue 23: values that variance and staffing used to misread without a word. An
    /// account type or behaviour outside the accepted spellings became expense / variable,
    /// and a second target row for one unit and job code doubled the plan; each is now a
    /// rejected row that says what was expected (unknown pay codes are a note instead, see
    /// StaffingCommandTests).
    static func varianceStaffingDefects() -> [CorpusCase] {
        let budget = CSVInput.budget, targets = CSVInput.targets
        var cases: [CorpusCase] = []
        for value in ["Sales", "Asset", "exp", "expense/revenue"] {
            cases.append(rejecting(budget, "'account_type' = '\(value)' on line 3", replacingValue(budget, 1, "account_type", with: Array(value.utf8)),
                                   [RejectedRow(line: 3, column: "account_type", says: "is not one of expense, expenses, expenditure")]))
        }
        // The ledger's own account_type (read for lines the budget does not type): the same
        // spellings, the same rejection.
        let ledger = CSVInput.actuals
        let typed = ledger.rows.enumerated().map { $0.element + [$0.offset == 1 ? "Asset" : "expense"] }
        cases.append(rejecting(ledger, "'account_type' = 'Asset' in the actuals on line 3", Data(CSVInput.csv(ledger.header + ["account_type"], typed)),
                               [RejectedRow(line: 3, column: "account_type", says: "is not one of expense, expenses, expenditure")]))
        for value in ["semi-variable", "step"] {
            cases.append(rejecting(budget, "'behavior' = '\(value)' on line 3", replacingValue(budget, 1, "behavior", with: Array(value.utf8)),
                                   [RejectedRow(line: 3, column: "behavior", says: "is not one of variable, var, fixed")]))
        }
        // Duplicates: the first target row again at the end (line 5), once as written and once
        // spelled with other case and spaces, which names the same unit and job.
        let first = targets.rows[0]
        let respelled = [" " + first[0].lowercased(), first[1].lowercased()] + first.dropFirst(2)
        for (name, row) in [("as written", first), ("in other case and spacing", respelled)] {
            let data = Data(CSVInput.csv(targets.header, targets.rows + [row]))
            cases.append(rejecting(targets, "duplicate unit + job code on line 5, \(name)", data,
                                   [RejectedRow(line: 5, column: "job_code", says: "already has a target on line 2")], read: targets.rows.count + 1))
        }
        var failed = failing(targets, "duplicate unit + job code on line 5, default 1% threshold",
                             Data(CSVInput.csv(targets.header, targets.rows + [first])), line: 5,
                             "column 'job_code'", "already has a target on line 2", targets.failedRejectsFile)
        failed.presentAfterRun = [targets.failedRejectsFile]
        cases.append(failed)
        // Negative hours are corrections netted against the hours beside them; a file whose
        // every hour is negative (signs turned) nets each unit below zero and is refused.
        let punches = CSVInput.timekeeping
        let hoursColumn: Int = punches.column("hours")
        let negative: [[String]] = punches.rows.map { (row: [String]) -> [String] in
            var turned = row
            turned[hoursColumn] = "-" + row[hoursColumn]
            return turned
        }
        let turnedData = Data(CSVInput.csv(punches.header, negative).utf8)
        cases.append(failing(punches, "every hour negative (signs turned)", turnedData, line: nil,
                             "rows of negative hours are read as corrections of the hours beside them", "export hours worked as positive numbers"))
        // A ledger's or a budget's subtotal line was summed as one more account (or department),
        // counting the lines it totals twice.
        let actualsInput = CSVInput.actuals
        for (input, role, value) in [(actualsInput, "account", "Subtotal"), (actualsInput, "department", "ICU Total"), (budget, "account", "GRAND  TOTAL")] {
            cases.append(rejecting(input, "'\(role)' = '\(value)' on line 3", replacingValue(input, 1, role, with: Array(value.utf8)),
                                   [RejectedRow(line: 3, column: role, says: "is a total line: summed with the lines it totals, they would count twice")]))
        }
        // A month written MM/YYYY: the generic "not a date" named a pipeline key; it names the
        // flag that reads it.
        cases.append(rejecting(actualsInput, "'period' = '08/2025' on line 3", replacingValue(actualsInput, 1, "period", with: Array("08/2025".utf8)),
                               [RejectedRow(line: 3, column: "period", says: "it looks like a month written MM/YYYY (August 2025): add --date-format MM/YYYY")]))
        // Months dated the 1st and written day-first (01/07/2025 for July) read as January 1-12:
        // the run stopped on "the budget has no month of FY2025" without a word of the dates.
        let dayFirst = Data(CSVInput.csv(CSVInput.actualsHeader, CSVInput.actualsRows.map { row in row.enumerated().map { $0 == 2 ? "01/" + row[2].suffix(2) + "/2025" : $1 } }).utf8)
        // Read day-first now: every period is the 1st of a month so, January 1-12 month-first.
        cases.append(CorpusCase(kind: actualsInput.kind, name: "periods written 01/MM/YYYY, read day-first", files: files(actualsInput),
                                generated: generator(actualsInput, { dayFirst }), arguments: actualsInput.arguments,
                                expectation: .accepted(file: actualsInput.file, read: CSVInput.actualsRows.count, output: "out", says: [])))
        // Two volumes for one department and month made the flexed budget depend on row order.
        cases.append(failing(budget, "two volumes for ICU in 2025-07", replacingValue(budget, 1, "volume", with: Array("120".utf8)), line: nil,
                             "the budget (budget.csv) gives ICU two volumes for 2025-07, 100 and 120", "give the same on each of its lines"))
        // An as-of past the ledger read its months as no spending at all, and one before it
        // wrote a report of zeros; both are refused (the actuals run from 2025-07 to 2025-09).
        let actuals = CSVInput.actuals
        for (month, says) in [("2025-12", "as-of 2025-12 is after the last month of the actuals (actuals.csv), 2025-09"), ("2024-03", "as-of 2024-03 is before the first month of the actuals (actuals.csv), 2025-07")] {
            cases.append(CorpusCase(kind: actuals.kind, name: "--as-of \(month) outside the actuals", files: files(actuals).merging([actuals.file: Data(actuals.contents)]) { a, _ in a },
                                    arguments: actuals.arguments + ["--as-of", month],
                                    expectation: .fails(file: actuals.file, line: nil, says: [says]), absentAfterFailure: ["out"]))
        }
        // A volumes file whose statistics are named otherwise was read with neither: every
        // variance said "no volume to split it by". Named in words, they are read as the roles;
        // named so that no role's words match, the run stops, naming what to map.
        let wordedVolumes = Data("Department,Period,Budget Patient Days,Actual Patient Days\nICU,2025-07,100,120\nICU,2025-08,100,110\n".utf8)
        cases.append(CorpusCase(kind: actuals.kind, name: "volumes named 'Budget Patient Days' and 'Actual Patient Days': read by their words",
                                files: files(actuals).merging([actuals.file: Data(actuals.contents), "volumes.csv": wordedVolumes]) { a, _ in a },
                                arguments: actuals.arguments + ["--volumes", "volumes.csv"],
                                expectation: .accepted(file: "volumes.csv", read: 2, output: "out/budget_variance.csv", says: [])))
        let unnamedVolumes = Data("Department,Period,Stat One,Stat Two\nICU,2025-07,100,120\nICU,2025-08,100,110\n".utf8)
        cases.append(CorpusCase(kind: actuals.kind, name: "volumes without a budget_volume or actual_volume column",
                                files: files(actuals).merging([actuals.file: Data(actuals.contents), "volumes.csv": unnamedVolumes]) { a, _ in a },
                                arguments: actuals.arguments + ["--volumes", "volumes.csv"],
                                expectation: .fails(file: "volumes.csv", line: nil, says: ["the volumes (volumes.csv) have neither a budget_volume nor an actual_volume column"]),
                                absentAfterFailure: ["out"]))
        // An inflation naming no account was ignored while the proposal listed it as applied.
        cases.append(CorpusCase(kind: actuals.kind, name: "--inflation naming no account", files: files(actuals).merging([actuals.file: Data(actuals.contents)]) { a, _ in a },
                                arguments: actuals.arguments + ["--propose", "FY2027", "--inflation", "No Such Account=3"],
                                expectation: .fails(file: actuals.file, line: nil, says: ["names 'No Such Account', which is no account of the actuals (actuals.csv)"]), absentAfterFailure: ["out"]))
        // A budget director's review: inflation below -100%, one account twice, or inflation
        // without a proposal to shape.
        for (name, extra, says) in [("--default-inflation -150", ["--propose", "FY2027", "--default-inflation", "-150"], "--default-inflation is -150%; a price change runs from -100% up"),
                                    ("--inflation naming one account twice", ["--propose", "FY2027", "--inflation", "Supplies=3,SUPPLIES=4"], "--inflation names one account twice ('SUPPLIES' and 'Supplies')"),
                                    ("--inflation naming one account twice in one spelling", ["--propose", "FY2027", "--inflation", "Supplies=3,Supplies=4"], "--inflation names one account twice ('Supplies')"),
                                    ] {
            cases.append(CorpusCase(kind: actuals.kind, name: name, files: files(actuals).merging([actuals.file: Data(actuals.contents)]) { a, _ in a },
                                    arguments: actuals.arguments + extra, expectation: .usageError(says: [says]), absentAfterFailure: ["out"]))
        }
        cases.append(CorpusCase(kind: actuals.kind, name: "--inflation without --propose", files: files(actuals).merging([actuals.file: Data(actuals.contents)]) { a, _ in a },
                                arguments: actuals.arguments + ["--inflation", "Supplies=3"],
                                expectation: .usageError(says: ["--inflation and --default-inflation shape the budget proposal; add --propose"]), absentAfterFailure: ["out"]))
        // Fiscal period labels name a month only through the fiscal calendar: rejected with what
        // to export, never read as a guessed month.
        for (input, value, says) in [(budget, "FY2026 P01", "is a fiscal period, which names a month only through the fiscal calendar"),
                                     (actualsInput, "007/2025", "is an SAP fiscal period (period 7 of fiscal year 2025)"),
                                     (budget, "FY2026-Q1", "is a fiscal quarter"),
                                     // A quarter or a year read as its first month put the whole amount there.
                                     (budget, "2025-Q3", "is a quarter, and amounts are read by month"),
                                     (actualsInput, "2025", "is a year, and amounts are read by month"),
                                     (actualsInput, "2025-W27", "is a week, which may straddle two months")] {
            cases.append(rejecting(input, "'period' = '\(value)' on line 3", replacingValue(input, 1, "period", with: Array(value.utf8)),
                                   [RejectedRow(line: 3, column: "period", says: says)]))
        }
        // One employee's 12-hour shift exported again as overtime and as agency: 36 hours in a
        // day, each row valid. Counted as written, and said, by unit and day only (the
        // employee id never reaches an output or the terminal).
        let timekeeping = CSVInput.timekeeping
        let shift = timekeeping.rows[0]
        let repeated = CSVInput.csv(timekeeping.header, timekeeping.rows + [[shift[0], shift[1], shift[2], shift[3], "OT", shift[5]], [shift[0], shift[1], shift[2], shift[3], "AGENCY", shift[5]]])
        var overlong = accepting(timekeeping, "one employee's 12-hour shift on 3 rows of one day", Data(repeated), read: timekeeping.rows.count + 2, output: "out/index.md",
                                 says: ["1 employee-day with more than 24 hours (ICU on \(shift[0]): 36 h), counted as written"])
        overlong.secrets = [shift[5]]
        cases.append(overlong)
        // Session 33: a census missing one day in each of its last four weeks stopped the run
        // ("the census of every unit the targets name stopped before its last 4 weeks"). Each
        // week is read from its six days and ICU is planned, the days named.
        let census = CSVInput.census
        let scattered = Set([57, 64, 71, 78])
        let gappy = CSVInput.csv(census.header, census.rows.enumerated().filter { !scattered.contains($0.offset) }.map(\.element))
        cases.append(accepting(census, "census missing one day in each of its last 4 weeks", Data(gappy), read: census.rows.count - scattered.count,
                               output: "out/staffing_plan.md",
                               says: ["Staffing plan from 2025-W14", "Census days not recorded (no row, or an empty value), read as missing, not as an empty unit: ICU 4 days",
                                      "4 weeks missing some days are read from the days recorded"]))
        // Session 34: a blank patient-days cell is a day not recorded. Rejected, one blank a
        // week (above the 1% limit) stopped the run; now the row is left out like a day without
        // one, the weeks read from their other days, and the note counts the rows.
        let blanks = CSVInput.csv(census.header, census.rows.enumerated().map { k, row in
            scattered.contains(k) ? row.enumerated().map { $0.offset == census.column("patient_days") ? "" : $0.element } : row
        })
        cases.append(accepting(census, "census with a blank patient_days in each of its last 4 weeks", Data(blanks), read: census.rows.count,
                               output: "out/staffing_plan.md",
                               says: ["Census days not recorded (no row, or an empty value), read as missing, not as an empty unit: ICU 4 days"]))
        // Session 35: a monthly census (one row per unit and month) was read as single days,
        // about 1,000 days not recorded per unit, and each month's total planned as a week's.
        // Its rows are totals over their months, spread over their days; a month the export
        // gets wrong is that row rejected, and a month left blank is its days not recorded.
        @Sendable func monthly(_ rows: [(String, String)]) -> Data {
            Data(CSVInput.csv(census.header, rows.map { [$0.0, "ICU", $0.1, "", ""] }))
        }
        let months = [("2025-01", "310"), ("2025-02", "280"), ("2025-03", "310")]
        cases.append(accepting(census, "monthly census (YYYY-MM), read as totals over its months", monthly(months), read: 3,
                               output: "out/staffing_plan.md",
                               says: ["Census rows are monthly totals (every row is labelled with a whole month): spread evenly over their days, so each week holds seven days at its month's daily average"]))
        cases.append(rejecting(census, "monthly census with month 13", monthly([months[0], ("2025-13", "280"), months[2]]),
                               [RejectedRow(line: 3, column: "date", says: "there is no month 13")], read: 3))
        cases.append(accepting(census, "monthly census with one month's patient_days blank", monthly([months[0], ("2025-02", ""), months[2]]), read: 3,
                               output: "out/staffing_plan.md",
                               says: ["Census rows are monthly totals", "Census days not recorded (no row, or an empty value), read as missing, not as an empty unit: ICU 28 days (2025-02-01 to 2025-02-28)"]))
        // A ledger dated by the day that covers its first or last month in part (a GL detail
        // extract from Tuesday 15 July; one taken on Thursday 25 September, four weekdays
        // short): each was read as a booked month without a word. Accepted, with the month
        // named in the report's notes and, the first, its rows flagged partial.
        func weekdayLedger(from first: CalendarDay, through last: CalendarDay) -> Data {
            var text = "department,account,period,amount\n"
            for offset in 0...Int(last.daysSinceEpoch - first.daysSinceEpoch) {
                let day = first.adding(days: offset)
                if day.isoWeekday <= 5 { text += "ICU,Supplies,\(day),50\nICU,Salaries,\(day),250\n" }
            }
            return Data(text.utf8)
        }
        let budgetOnly = ["budget.csv": Data(CSVInput.csv(CSVInput.budgetHeader, CSVInput.budgetRows).utf8)]
        cases.append(CorpusCase(kind: .actuals, name: "daily ledger beginning on 15 July, part-way through its first month",
                                files: budgetOnly.merging(["actuals.csv": weekdayLedger(from: CalendarDay(year: 2025, month: 7, day: 15)!, through: CalendarDay(year: 2025, month: 9, day: 30)!)]) { $1 },
                                arguments: CSVInput.varianceArguments,
                                expectation: .accepted(file: "actuals.csv", read: 112, output: "out/budget_variance.md",
                                                       says: ["The actuals (actuals.csv) begin on 2025-07-15, part-way through 2025-07: 2025-07 covers 15-31 July, 17 of 31 days (the ledger posts on weekdays, 10 of them in 2025-07 before its first row)",
                                                              "re-export from 1 July", "incomplete: the actuals cover 2025-07 from 2025-07-15 only"])))
        cases.append(CorpusCase(kind: .actuals, name: "daily ledger stopping on 24 September, four weekdays short of its last month",
                                files: budgetOnly.merging(["actuals.csv": weekdayLedger(from: CalendarDay(year: 2025, month: 7, day: 1)!, through: CalendarDay(year: 2025, month: 9, day: 24)!)]) { $1 },
                                arguments: CSVInput.varianceArguments,
                                expectation: .accepted(file: "actuals.csv", read: 124, output: "out/budget_variance.md",
                                                       says: ["The actuals (actuals.csv) stop on 2025-09-24, part-way through 2025-09: reported through 2025-08",
                                                              "the ledger posts on weekdays, 4 of them in 2025-09 after its last row"])))
        // A ledger whose last month has no volume (the statistics a month behind): September's
        // supplies were flexed as if the census were on budget, their variance all rate, with
        // no word. Now the month is left unsplit and named.
        let lagging = Data(CSVInput.csv(CSVInput.actualsHeader, CSVInput.actualsRows.map { $0[2] == "2025-09" ? Array($0.prefix(4)) + [""] : $0 }).utf8)
        cases.append(CorpusCase(kind: .actuals, name: "ledger volumes stopping a month before the last month booked",
                                files: budgetOnly.merging(["actuals.csv": lagging]) { $1 }, arguments: CSVInput.varianceArguments,
                                expectation: .accepted(file: "actuals.csv", read: 6, output: "out/budget_variance.md",
                                                       says: ["No actual volume is given for 2025-09 of ICU, though other months have one",
                                                              "give a month with no patients as a volume of 0"])))
        // A unit closed for a stretch, its census exported as 0 on each closed day (11 days
        // inside its history): read as days not recorded, not as census, and named with its dates.
        let censusInput = CSVInput.census
        let closedRows = censusInput.rows.enumerated().map { k, row in (30...40).contains(k) ? [row[0], row[1], "0"] + row.dropFirst(3) : row }
        cases.append(accepting(censusInput, "a closure exported as 11 days of zero census", Data(CSVInput.csv(censusInput.header, closedRows).utf8),
                               read: censusInput.rows.count, output: "out/staffing_plan.md",
                               says: ["Census runs of zero patient days inside a unit's history", "ICU \(censusInput.rows[30][0]) to \(censusInput.rows[40][0]) (11 days)"]))
        // A unit listed with 0 before it opened (the bed board's first 10 days): not census,
        // its history starts at its first census, and the zeros are named with their dates.
        let beforeOpening = censusInput.rows.enumerated().map { k, row in k < 10 ? [row[0], row[1], "0"] + row.dropFirst(3) : row }
        cases.append(accepting(censusInput, "a unit listed with 10 days of zero census before it opened", Data(CSVInput.csv(censusInput.header, beforeOpening).utf8),
                               read: censusInput.rows.count, output: "out/staffing_plan.md",
                               says: ["read as the unit not yet open, not as census", "ICU \(censusInput.rows[0][0]) to \(censusInput.rows[9][0]) (10 days)"]))
        // A GL with debits and credits in columns of their own, its amount mapped to one: the
        // other's amounts (a reversal, a credit memo) were rejected as empty and, skipped as the
        // error advised, lost. Refused on the header line, saying to give one signed amount.
        let ledgerInput = CSVInput.actuals
        let split = ledgerInput.rows.enumerated().map { k, row in
            [row[0], row[1], row[2], k == 3 ? "" : row[3], k == 3 ? row[3] : "", row[4]]
        }
        for (debit, credit, mapped) in [("Debit", "Credit", "Debit"), ("Debit Amount", "Credit Amount", "Credit Amount")] {
            let data = Data(CSVInput.csv(["department", "account", "period", debit, credit, "volume"], split).utf8)
            cases.append(failing(ledgerInput, "debit and credit columns, amount mapped to '\(mapped)'", data, line: 1,
                                 "column '\(mapped)' is mapped as amount", "export the ledger with one signed amount column",
                                 arguments: ledgerInput.arguments + ["--columns", "actuals.amount=\(mapped)"]))
        }
        return cases
    }
}
