import Foundation

extension BadInputCorpus {
    /// Issue 17: wide exports unpivoted at import (`--unpivot`, `unpivot:`). A glob that
    /// matches no column and a pattern whose groups do not fit names_to stop the run before
    /// anything is read; a cell that is not a number is one rejected row naming its header.
    static func unpivotCases() -> [CorpusCase] {
        let usage = CSVInput.usage, timekeeping = CSVInput.timekeeping
        let months = "Item,Description,2026-01,2026-02,2026-03\nA100,Gauze,5,,7\nB200,Tape,1,lots,3\nC300,Gown,2,2,2\n"
        let wideFlags = ["--columns", "item=Item", "--unpivot", "2026-*", "--names-to", "date", "--values-to", "quantity"]
        var cases: [CorpusCase] = []

        var noMatch = failing(usage, "unpivot glob matching no column", Data(months), line: 1,
                              "unpivot columns 'FY*' match no column", "'Description', '2026-01', '2026-02', '2026-03'",
                              arguments: usage.arguments + ["--columns", "item=Item", "--unpivot", "FY*", "--names-to", "date", "--values-to", "quantity"])
        noMatch.files = [:]
        cases.append(noMatch)

        // 5 non-empty month cells plus 'lots': 6 read, the 'lots' cell rejected on line 3.
        cases.append(rejecting(usage, "unpivoted cell that is not a number", Data(months),
                               [RejectedRow(line: 3, column: "2026-02", says: "'lots' is not a number")], read: 8, extraArguments: wideFlags))

        let staffing = Data("date,unit,Hrs_RN_emp,Hrs_CNA_emp\n" + CSVInput.days(28).map { "\($0),ICU,24,16" }.joined(separator: "\n") + "\n")
        cases.append(CorpusCase(kind: .timekeeping, name: "unpivot names_pattern with 1 group for 2 names_to roles",
                                files: files(timekeeping).merging([timekeeping.file: staffing]) { $1 },
                                arguments: timekeeping.arguments + ["--unpivot", "Hrs_*", "--names-to", "job_code,pay_type", "--names-pattern", "Hrs_(.+)", "--values-to", "hours"],
                                expectation: .usageError(says: ["names_pattern 'Hrs_(.+)' has 1 group but names_to has 2 roles (job_code, pay_type)"])))
        let badHours = staffing + Data("\(CSVInput.days(1, from: 28)[0]),ICU,12h,16\n")
        cases.append(rejecting(timekeeping, "unpivoted hours cell that is not a number", badHours,
                               [RejectedRow(line: 30, column: "Hrs_RN_emp", says: "'12h' is not a number")], read: 58,
                               extraArguments: ["--unpivot", "Hrs_*", "--names-to", "job_code,pay_type", "--names-pattern", "Hrs_(.+)_(emp|ctr)",
                                                "--values-to", "hours", "--pay-codes", "emp=regular"]))

        // Beside the date, only columns naming parts of it: "*" leaves them out, so nothing is
        // left to read, and the error says why and how to read them all the same.
        let dateParts = "datum,Year,Weekday Name\n" + CSVInput.days(14).map { "\($0),2025,Monday" }.joined(separator: "\n") + "\n"
        cases.append(failing(CSVInput.series, "unpivot '*' beside a date finds only parts of it", Data(dateParts.utf8), line: 1,
                             "unpivot columns \"*\" found no header that gives item", "'Year', 'Weekday Name' name parts of the rows' date",
                             "list them in the unpivot columns",
                             arguments: ["forecast", "--input", CSVInput.series.file, "--columns", "date=datum", "--unpivot", "*", "--names-to", "item",
                                         "--values-to", "quantity", "--horizon", "2", "--quiet", "--out", "fc.csv"]))

        // Months written YYYYMM as headers: read only with --date-format YYYYMM, which the
        // error names, for usage (reorder) as for a series file (forecast).
        let yearMonths = "Item,Description,202601,202602,202603\nA100,Gauze,5,6,7\nB200,Tape,1,2,3\n"
        let yearMonthFlags = ["--unpivot", "2026*", "--names-to", "date", "--values-to", "quantity"]
        cases.append(failing(usage, "unpivoted headers written YYYYMM", Data(yearMonths.utf8), line: 1,
                             "header '202601' gives date '202601', which is not a date or period", "add --date-format YYYYMM",
                             arguments: usage.arguments + ["--columns", "item=Item"] + yearMonthFlags))
        let series = CSVInput.series
        cases.append(failing(series, "series headers written YYYYMM", Data(yearMonths.utf8), line: 1,
                             "header '202601' gives date '202601', which is not a date or period", "add --date-format YYYYMM",
                             arguments: ["forecast", "--input", series.file, "--series", "Item", "--horizon", "2", "--quiet", "--out", "fc.csv"] + yearMonthFlags))

        // A budget with its months across (the usual finance layout) beside long actuals:
        // without --unpivot the error says how to read it; with --unpivot given for inputs
        // that are all long already, it says there is nothing to turn into rows.
        let budget = CSVInput.budget
        let wideBudget = "Department,Account,Jul-25,Aug-25,Sep-25,Oct-25\nICU,Supplies,1000,1000,1000,1000\nICU,Salaries,5000,5000,5000,5000\n"
        cases.append(failing(budget, "budget with months across columns", Data(wideBudget.utf8), line: 1,
                             "missing required columns 'period', 'amount'", "4 dates or periods across its columns ('Jul-25' to 'Oct-25')",
                             "--unpivot '*' --names-to period --values-to amount"))
        cases.append(CorpusCase(kind: .budget, name: "unpivot given for inputs that are all long",
                                files: files(budget).merging([budget.file: Data(CSVInput.csv(CSVInput.budgetHeader, CSVInput.budgetRows).utf8)]) { $1 },
                                arguments: budget.arguments + ["--unpivot", "*", "--names-to", "period", "--values-to", "amount"],
                                expectation: .usageError(says: ["--unpivot has nothing to turn into rows: budget.csv, actuals.csv already have columns for 'amount'"])))

        // A month header typed another way beside the others (`Jan 26` after `Dec-25`): `*` left
        // it out as if it were a description, and half a year of budget vanished. Now the run
        // stops naming it and the format that reads it; a fiscal period header says what to export.
        let mixedMonths = "Department,Account,Nov-25,Dec-25,Jan 26,Feb 26\nICU,Supplies,1000,1000,1000,1000\n"
        cases.append(failing(budget, "budget month header written another way than the others", Data(mixedMonths.utf8), line: 1,
                             "header 'Jan 26' looks like a month but does not read as one ('Nov-25' and 1 more did)",
                             "--date-format \"MMM YY\" reads them so",
                             arguments: budget.arguments + ["--unpivot", "*", "--names-to", "period", "--values-to", "amount"]))
        let fiscalHeaders = "Item,P01 FY26,P02 FY26\nA100,5,6\nB200,1,2\n"
        cases.append(failing(series, "series headers that are fiscal periods", Data(fiscalHeaders.utf8), line: 1,
                             "unpivot columns \"*\" found no header that gives date", "'P01 FY26' is a fiscal period",
                             arguments: ["forecast", "--input", series.file, "--series", "Item", "--horizon", "2", "--quiet", "--out", "fc.csv",
                                         "--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]))

        // The same mistakes in a pipeline, at their lines.
        let wide = Data(months)
        func pipeline(_ block: String) -> String {
            PipelineCorpus.inserting(after: 5, "    columns: {item: Item}\n    unpivot:\n" + block)
        }
        cases.append(PipelineCorpus.yaml("unpivot glob matching no column", pipeline("      columns: \"FY*\"\n      names_to: date\n      values_to: quantity"),
                                         line: 8, "unpivot columns 'FY*' match no column", "'2026-01'", files: ["usage.csv": wide]))
        cases.append(PipelineCorpus.yaml("unpivot names_pattern with 2 groups for 1 names_to role",
                                         pipeline("      columns: \"2026-*\"\n      names_to: date\n      names_pattern: \"(2026)-(.*)\"\n      values_to: quantity"),
                                         line: 10, "has 2 groups but names_to has 1 role (date)", files: ["usage.csv": wide]))
        cases.append(PipelineCorpus.yaml("unpivot names_to naming a role usage does not have",
                                         pipeline("      columns: \"2026-*\"\n      names_to: period\n      values_to: quantity"),
                                         line: 9, "unpivot names_to: 'period' is not a column of usage", files: ["usage.csv": wide]))
        return cases
    }
}
