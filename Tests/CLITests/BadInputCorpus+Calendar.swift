import Foundation
import Tabular

extension BadInputCorpus {
    /// Issue 16: `--gaps` and `--partial` (and `gaps:` / `partial:` in a pipeline) take only
    /// the values DESIGN.md names; anything else is a clear error before any row is read.
    static func calendarCases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let usage = CSVInput.usage, series = CSVInput.series
        for (input, flag, value, says) in [
            (usage, "--gaps", "blank", "--gaps must be zero or missing, not 'blank'"),
            (usage, "--gaps", "", "--gaps must be zero or missing, not ''"),
            (usage, "--partial", "trim", "--partial must be drop or keep, not 'trim'"),
            (series, "--gaps", "Missing", "--gaps must be zero or missing, not 'Missing'"),
            (series, "--partial", "yes", "--partial must be drop or keep, not 'yes'"),
        ] {
            cases.append(CorpusCase(kind: input.kind, name: "\(flag) '\(value)' on \(input.arguments[0])",
                                    files: [input.file: Data(input.contents)],
                                    arguments: input.arguments + [flag, value],
                                    expectation: .usageError(says: [says])))
        }
        // Rows that are whole months cannot be split into weeks; a file without one whole month
        // is not forecast by the month (its partial months would understate whole ones).
        cases.append(CorpusCase(kind: series.kind, name: "monthly periods forecast by the week", files: [series.file: Data(series.contents)],
                                arguments: series.arguments + ["--frequency", "week"],
                                expectation: .fails(file: series.file, line: nil, says: ["the rows are monthly totals", "use --frequency month, quarter or year"]),
                                absentAfterFailure: ["fc.csv"]))
        // Years as `aggregate --frequency year` writes them (`2025`) are read, but not split.
        let years = "series,period,value\n" + (2021...2025).map { "A100,\($0),\(3_650 + $0 % 3)\n" }.joined()
        cases.append(CorpusCase(kind: series.kind, name: "yearly periods forecast by the month", files: [series.file: Data(years.utf8)],
                                arguments: series.arguments,
                                expectation: .fails(file: series.file, line: nil, says: ["the rows are yearly totals", "use --frequency year"]),
                                absentAfterFailure: ["fc.csv"]))
        // A year's or a quarter's total among months or days: it would fall on January, or count
        // the months twice.
        for (label, period, frequency) in [("2025", "year", "month"), ("2025-Q1", "quarter", "year")] {
            let text = "series,period,value\nA100,2025-01,5\nA100,2025-02,6\nA100,2025-03,7\nA100,\(label),18\nA100,2025-04,8\n"
            cases.append(CorpusCase(kind: series.kind, name: "a \(period)'s total among months, by the \(frequency)", files: [series.file: Data(text.utf8)],
                                    arguments: series.arguments + ["--frequency", frequency],
                                    expectation: .fails(file: series.file, line: 5, says: ["'\(label)' names a whole \(period) among rows dated like '2025-01' (line 2)", "remove the total rows"]),
                                    absentAfterFailure: ["fc.csv"]))
        }
        // A month's total or adjustment among daily rows, in the shapes exports write months:
        // it fell on the month's 1st (a week of 70 read 770), or was added to its days.
        for (label, frequency) in [("2025-02", "week"), ("Feb 2025", "month"), ("FEB-25", "day"), ("2025M02", "month"), ("February 2025", "week")] {
            let days = (1...40).map { "A100,\(CalendarDay(year: 2025, month: 1, day: 1)!.adding(days: $0)),10\n" }
            let text = "series,period,value\n" + days[0..<30].joined() + "A100,\(label),700\n" + days[30...].joined()
            cases.append(CorpusCase(kind: series.kind, name: "a month's total '\(label)' among days, by the \(frequency)", files: [series.file: Data(text.utf8)],
                                    arguments: series.arguments + ["--frequency", frequency],
                                    expectation: .fails(file: series.file, line: 32, says: ["'\(label)' names a whole month among rows dated by day like '2025-01-02' (line 2)", "remove the month rows"]),
                                    absentAfterFailure: ["fc.csv"]))
        }
        // aggregate's own output is read back without naming its columns; a header that is
        // neither a usage export's nor aggregate's still names what is missing, and a bad
        // period in aggregate's layout is rejected with its line like any other.
        let forecastUnnamed = ["forecast", "--input", series.file, "--horizon", "1", "--backtest", "0", "--quiet", "--out", "fc.csv"]
        cases.append(CorpusCase(kind: series.kind, name: "series,period,amount without column flags",
                                files: [series.file: Data("series,period,amount\nA100,2025-01,1\nA100,2025-02,2\n".utf8)],
                                arguments: forecastUnnamed,
                                expectation: .fails(file: series.file, line: 1, says: ["missing required columns 'date', 'quantity' (for value)", "'series', 'period', 'amount'"]),
                                absentAfterFailure: ["fc.csv"]))
        let thirteenth = "series,period,value\n" + (1...12).map { "A100,2025-\($0 < 10 ? "0" : "")\($0),5\n" }.joined() + "A100,2025-13,5\n"
        cases.append(CorpusCase(kind: series.kind, name: "aggregate's layout without column flags, month 13",
                                files: [series.file: Data(thirteenth.utf8)],
                                arguments: forecastUnnamed,
                                expectation: .fails(file: series.file, line: nil, says: ["series.csv:14: column 'period': '2025-13'", "there is no month 13", "above the 1% limit"]),
                                absentAfterFailure: ["fc.csv"]))
        cases.append(CorpusCase(kind: usage.kind, name: "forty days forecast by the month", files: [usage.file: Data(usage.contents)],
                                arguments: ["forecast", "--input", usage.file, "--horizon", "2", "--out", "fc.csv"],
                                expectation: .fails(file: usage.file, line: nil, says: ["every month the dates reach is covered only in part (2025-01 covers 26 of 31 days, 2025-02 covers 14 of 28 days)", "--partial keep"]),
                                absentAfterFailure: ["fc.csv"]))
        // An empty value is a period recorded as missing only in aggregate's own layout (how it
        // writes one under missing gaps); a file of nothing but empty values has nothing to learn
        // from, and a usage export's empty quantity or a layout with a differently named value
        // column stays a rejected row.
        let allEmpty = "series,period,value\n" + (1...12).map { "A100,2025-\($0 < 10 ? "0" : "")\($0),\n" }.joined()
        cases.append(CorpusCase(kind: series.kind, name: "aggregate's layout with every value empty", files: [series.file: Data(allEmpty.utf8)],
                                arguments: forecastUnnamed,
                                expectation: .fails(file: series.file, line: nil, says: ["every value is empty (12 rows)", "nothing was recorded to learn from"]),
                                absentAfterFailure: ["fc.csv"]))
        let emptyQuantity = "item,date,quantity\n" + (1...12).map { "A100,2025-\($0 < 10 ? "0" : "")\($0)-01,\($0 == 5 ? "" : "7")\n" }.joined()
        cases.append(CorpusCase(kind: usage.kind, name: "a usage export's empty quantity", files: [usage.file: Data(emptyQuantity.utf8)],
                                arguments: ["aggregate", "--input", usage.file, "--out", "agg.csv"],
                                expectation: .fails(file: usage.file, line: nil, says: ["usage.csv:6: column 'quantity': number is empty", "above the 1% limit"]),
                                absentAfterFailure: ["agg.csv"]))
        let emptyAmount = "series,period,amount\n" + (1...12).map { "A100,2025-\($0 < 10 ? "0" : "")\($0),\($0 == 5 ? "" : "7")\n" }.joined()
        cases.append(CorpusCase(kind: series.kind, name: "an empty value in a column not named value", files: [series.file: Data(emptyAmount.utf8)],
                                arguments: ["forecast", "--input", series.file, "--series", "series", "--date", "period", "--value", "amount", "--horizon", "1", "--quiet", "--out", "fc.csv"],
                                expectation: .fails(file: series.file, line: nil, says: ["series.csv:6: column 'amount': number is empty", "above the 1% limit"]),
                                absentAfterFailure: ["fc.csv"]))
        // Line 8 of the base pipeline is the aggregate stage's `input: usage`.
        cases.append(PipelineCorpus.yaml("aggregate gaps: sometimes", PipelineCorpus.inserting(after: 8, "    gaps: sometimes"), line: 9,
                                         "gaps must be one of zero, missing, not 'sometimes'"))
        // A column the import does not make is named by validate, before any export is read.
        cases.append(PipelineCorpus.yaml("aggregate value: a column the usage import lacks", PipelineCorpus.inserting(after: 8, "    value: patient_days"), line: 9,
                                         "value names the column 'patient_days', which 'usage' does not have; its columns are date, item, quantity", "1 problem in the pipeline"))
        cases.append(PipelineCorpus.yaml("aggregate series: [item, ward]", PipelineCorpus.inserting(after: 8, "    series: [item, ward]"), line: 9,
                                         "series names the column 'ward', which 'usage' does not have"))
        cases.append(PipelineCorpus.yaml("aggregate partial: [drop]", PipelineCorpus.inserting(after: 8, "    partial: [drop]"), line: 9, "partial"))
        cases.append(PipelineCorpus.yaml("aggregate partial: maybe", PipelineCorpus.inserting(after: 8, "    partial: maybe"), line: 9,
                                         "partial must be one of drop, keep, not 'maybe'"))
        // One period's labels alone (a quarter's totals, or two weeks') say what the rows are,
        // where one date could not: a quarter is not split into months, a week not into days.
        let quarter = "item,date,quantity\n" + (0..<3).map { "I\($0),2026-Q2,900\n" }.joined()
        cases.append(CorpusCase(kind: usage.kind, name: "one quarter's labels forecast by the month", files: [usage.file: Data(quarter.utf8)],
                                arguments: ["forecast", "--input", usage.file, "--horizon", "3", "--quiet", "--out", "fc.csv"],
                                expectation: .fails(file: usage.file, line: nil, says: ["the rows are quarterly totals (every row is labelled with a whole quarter)", "use --frequency quarter or year"]),
                                absentAfterFailure: ["fc.csv"]))
        let weeks = "item,date,quantity\nA100,2025-W40,70\nA100,2025-W41,70\n"
        cases.append(CorpusCase(kind: usage.kind, name: "two weeks' labels aggregated by the day", files: [usage.file: Data(weeks.utf8)],
                                arguments: ["aggregate", "--input", usage.file, "--frequency", "day", "--out", "agg.csv"],
                                expectation: .fails(file: usage.file, line: nil, says: ["the rows are weekly totals", "use --frequency week"]),
                                absentAfterFailure: ["agg.csv"]))
        // One day's issues on a month's first day are a part of the month, as two days are.
        let oneDay = "item,date,quantity\nI0,2026-04-01,900\nI1,2026-04-01,900\n"
        cases.append(CorpusCase(kind: usage.kind, name: "one day's issues forecast by the month", files: [usage.file: Data(oneDay.utf8)],
                                arguments: ["forecast", "--input", usage.file, "--horizon", "3", "--quiet", "--out", "fc.csv"],
                                expectation: .fails(file: usage.file, line: nil, says: ["2026-04 covers 1 of 30 days", "--partial keep"]),
                                absentAfterFailure: ["fc.csv"]))
        // `--series` beside a --columns map naming another series column: one must go.
        cases.append(CorpusCase(kind: usage.kind, name: "--series beside --columns item=", files: [usage.file: Data(usage.contents)],
                                arguments: ["forecast", "--input", usage.file, "--series", "location", "--columns", "item=item", "--horizon", "1", "--quiet", "--out", "fc.csv"],
                                expectation: .usageError(says: ["--series location and --columns item=item both name the series column"])))
        return cases
    }
}
