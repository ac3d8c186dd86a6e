import Foundation
import Testing

/// `quartermaster inspect FILE` (issue 17).
@Suite struct InspectCommandTests {
    @Test func inspectPrintsColumnsAndASuggestedMap() throws {
        let dir = try CLIRunner.workspace(with: [])
        try "Trans Date,Item #,Qty\n1/5/2026,A100,\"1,234\"\n1/6/2026,B200,2\n".write(to: dir.appendingPathComponent("export.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["inspect", "export.csv", "--kind", "usage"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("file: export.csv"))
        #expect(result.stdout.contains("rows: 2 data rows"))
        #expect(result.stdout.contains("Trans Date: date (mdy)"))
        #expect(result.stdout.contains("--columns 'date=\"Trans Date\",item=\"Item #\",quantity=Qty'"), "\(result.stdout)")
    }

    /// A spare-parts export names its item `Part Number` and its date `Month`, with periods for
    /// values (`2000-01`): inspect found neither ("required roles not found: date, item"), where
    /// the import reads such a file as it is. The suggested map must then read the file.
    @Test func aPartNumberAndAMonthOfPeriodsAreSuggested() throws {
        let dir = try CLIRunner.workspace(with: [])
        try "Part Number,Month,Qty Issued\nSKU_1,2000-01,2\nSKU_1,2000-02,1\nSKU_2,2000-01,0\nSKU_2,2000-02,3\n"
            .write(to: dir.appendingPathComponent("parts.csv"), atomically: false, encoding: .utf8)
        let inspect = try CLIRunner.run(["inspect", "parts.csv", "--kind", "usage"], in: dir)
        let map = "item=\"Part Number\",quantity=\"Qty Issued\",date=Month"
        #expect(inspect.stdout.contains("--columns '\(map)'") && !inspect.stdout.contains("required roles not found"), "\(inspect.stdout)")
        // Periods in a column with another name are found by their values as dates are.
        try "Part Number,Posting Period,Qty Issued\nSKU_1,2000-01,2\nSKU_1,2000-02,1\n".write(to: dir.appendingPathComponent("p2.csv"), atomically: false, encoding: .utf8)
        let other = try CLIRunner.run(["inspect", "p2.csv", "--kind", "usage"], in: dir)
        #expect(other.stdout.contains("date=\"Posting Period\""), "\(other.stdout)")
        let forecast = try CLIRunner.run(["forecast", "--input", "parts.csv", "--columns", map, "--horizon", "2", "--out", "f.csv", "--quiet"], in: dir)
        #expect(forecast.status == 0, "\(forecast.stderr)")
    }

    /// A header lacking its columns points to `inspect` with the kind the command reads, which
    /// then suggests the map: the pharmacy's `datum,M01AB,...` stopped at "missing required
    /// columns" with no way on but reading the README.
    @Test func aMissingColumnErrorPointsToInspect() throws {
        let dir = try CLIRunner.workspace(with: [])
        try "datum,M01AB,N02BE\n1/6/2014,1,30.5\n1/7/2014,0,41\n".write(to: dir.appendingPathComponent("sales.csv"), atomically: false, encoding: .utf8)
        let forecast = try CLIRunner.run(["forecast", "--input", "sales.csv", "--horizon", "4", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 1 && forecast.stderr.contains("`quartermaster inspect sales.csv --kind usage` suggests a map"), "\(forecast.stderr)")
        let census = try CLIRunner.run(["staffing", "--census", "sales.csv", "--timekeeping", "sales.csv", "--targets", "sales.csv", "--out", "s"], in: dir)
        #expect(census.status == 1 && census.stderr.contains("--kind timekeeping` suggests a map"), "\(census.stderr)")
        let inspect = try CLIRunner.run(["inspect", "sales.csv", "--kind", "usage"], in: dir)
        #expect(inspect.stdout.contains("--unpivot '*' --names-to item --values-to quantity"), "\(inspect.stdout)")
    }

    /// Two columns named `Qty` (vials and doses): the map inspect suggested failed on every
    /// command while it said "every required role is found".
    @Test func aHeaderNamedTwiceIsSaid() throws {
        let dir = try CLIRunner.workspace(with: [])
        try "Date,Drug,Qty,Unit,Qty\n2025-07-01,A,1,vial,10\n2025-07-02,A,2,vial,20\n".write(to: dir.appendingPathComponent("dup.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["inspect", "dup.csv", "--kind", "usage"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("warning: the header names 'Qty' (columns 3, 5) more than once"), "\(result.stdout)")
        #expect(!result.stdout.contains("every required role is found"), "\(result.stdout)")
    }

    /// The reviewer's three exports: a semicolon file with decimal commas gets the flag and
    /// `decimal: comma`; a title above the header is named with the header's line; a totals
    /// row is named under the date column it kept from reading.
    @Test func decimalCommasTitlesAndTotalsRowsAreShown() throws {
        let dir = try CLIRunner.workspace(with: [])
        var semi = Data([0xEF, 0xBB, 0xBF])
        semi.append(Data("Date;Item;Qty\r\n01.07.2025;Caf\u{E9};3,5\r\n02.07.2025;B;4,25\r\n".utf8))
        try semi.write(to: dir.appendingPathComponent("bom_semi.csv"))
        try "Supply Issues Report\nGenerated 2025-08-01 by MMIS\n\ndate,item,quantity\n2025-07-01,A,10\n2025-07-02,A,20\n2025-07-03,B,30\n"
            .write(to: dir.appendingPathComponent("title.csv"), atomically: false, encoding: .utf8)
        try "date,item,quantity\n2025-07-01,A,10\n2025-07-02,A,20\n2025-07-03,B,30\nTotal,,60\n"
            .write(to: dir.appendingPathComponent("totals.csv"), atomically: false, encoding: .utf8)

        let decimal = try CLIRunner.run(["inspect", "bom_semi.csv", "--kind", "usage"], in: dir)
        #expect(decimal.status == 0, "stderr: \(decimal.stderr)")
        #expect(decimal.stdout.contains("Qty: number (decimal comma), 100% of 2 values read"), "\(decimal.stdout)")
        #expect(decimal.stdout.contains("flags: --decimal-comma"), "\(decimal.stdout)")
        #expect(decimal.stdout.contains("    delimiter: ';'\n    decimal: comma\n"), "\(decimal.stdout)")

        let title = try CLIRunner.run(["inspect", "title.csv", "--kind", "usage"], in: dir)
        #expect(title.status == 0, "stderr: \(title.stderr)")
        #expect(title.stdout.contains("header: date,item,quantity (line 4)"), "\(title.stdout)")
        #expect(title.stdout.contains("rows: 3 data rows"), "\(title.stdout)")
        #expect(title.stdout.contains("warning: lines 1-3 look like a title, not the header: the header seems to be on line 4"), "\(title.stdout)")
        #expect(title.stdout.contains("--columns 'date=date,item=item,quantity=quantity'"), "\(title.stdout)")

        let totals = try CLIRunner.run(["inspect", "totals.csv", "--kind", "usage"], in: dir)
        #expect(totals.status == 0, "stderr: \(totals.stderr)")
        #expect(totals.stdout.contains("date: date (iso), 3 of 4 values read"), "\(totals.stdout)")
        #expect(totals.stdout.contains("not read: 'Total' (line 5, the totals row)"), "\(totals.stdout)")
        #expect(totals.stdout.contains("warning: line 5, the last row, looks like a totals row"), "\(totals.stdout)")
    }

    /// Finding 9 of the history review: a 100,000-byte notes field stopped inspect with advice
    /// to raise --max-field-bytes, which inspect refused as an unknown option (exit 2). It
    /// takes the limits every command takes, and reads the file with the limit raised.
    @Test func inspectTakesTheFieldAndColumnLimits() throws {
        let dir = try CLIRunner.workspace(with: [])
        let notes = String(repeating: "x", count: 100_000)
        try "date,item,quantity,notes\n2025-01-01,A,1,short\n2025-01-02,A,2,\"\(notes)\"\n2025-01-03,A,3,short\n".write(to: dir.appendingPathComponent("huge.csv"), atomically: false, encoding: .utf8)
        let refused = try CLIRunner.run(["inspect", "huge.csv"], in: dir)
        #expect(refused.status == 1 && refused.stderr.contains("--max-field-bytes"), "\(refused.stderr)")
        let raised = try CLIRunner.run(["inspect", "huge.csv", "--max-field-bytes", "200000", "--max-columns", "10"], in: dir)
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(raised.stdout.contains("rows: 3 data rows"), "\(raised.stdout)")
        // The import it suggests reads the file with the same limits, or it fails on the field
        // inspect was told to allow.
        let suggested = try CLIRunner.run(["inspect", "huge.csv", "--kind", "usage", "--max-field-bytes", "200000"], in: dir)
        #expect(suggested.stdout.contains("flags: --max-field-bytes 200000\n"), "\(suggested.stdout)")
        #expect(suggested.stdout.contains("    max_field_bytes: 200000\n"), "\(suggested.stdout)")
        #expect(!raised.stdout.contains("max_columns") && !suggested.stdout.contains("max_columns"))
        let narrow = try CLIRunner.run(["inspect", "huge.csv", "--max-field-bytes", "200000", "--max-columns", "3"], in: dir)
        #expect(narrow.status == 1 && narrow.stderr.contains("--max-columns"), "\(narrow.stderr)")
    }

    /// Finding 7 of the history review: a monthly export dated 01.01.2025 ... 01.12.2025 was
    /// labelled mdy and warned of as every date in January, though the import reads dots
    /// day-first (one row a month); followed, `--date-format mdy` summed the twelve months into
    /// January. It is labelled dmy, with no warning; slashes stay month-first (mdy), and
    /// 01/MM/YYYY of one year (January 1-12 month-first, a run of days a daily export may be)
    /// still gets the warning.
    @Test func dottedDatesAreShownInTheOrderTheImportReads() throws {
        let dir = try CLIRunner.workspace(with: [])
        let months = (1...12).map { $0 < 10 ? "0\($0)" : "\($0)" }
        try ("date,item,quantity\n" + months.map { "01.\($0).2025,A,65\n" }.joined()).write(to: dir.appendingPathComponent("dotted.csv"), atomically: false, encoding: .utf8)
        let dotted = try CLIRunner.run(["inspect", "dotted.csv"], in: dir)
        #expect(dotted.status == 0, "\(dotted.stderr)")
        #expect(dotted.stdout.contains("date: date (dmy)"), "\(dotted.stdout)")
        #expect(!dotted.stdout.contains("falls on January"), "\(dotted.stdout)")
        let aggregate = try CLIRunner.run(["aggregate", "--input", "dotted.csv", "--out", "m.csv", "--frequency", "month"], in: dir)
        #expect(aggregate.status == 0, "\(aggregate.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("m.csv")).split(separator: "\n").count == 13)
        try ("date,item,quantity\n" + months.map { "01/\($0)/2025,A,65\n" }.joined()).write(to: dir.appendingPathComponent("slashed.csv"), atomically: false, encoding: .utf8)
        let slashed = try CLIRunner.run(["inspect", "slashed.csv"], in: dir)
        #expect(slashed.stdout.contains("date: date (mdy)") && slashed.stdout.contains("falls on January"), "\(slashed.stdout)")
    }

    /// Finding 8 of the history review: the map suggested for a usage export named
    /// `department` and `unit_cost`, which `forecast` and `aggregate` refuse ("unknown column
    /// role 'department'", exit 2). Each command gets a map it takes: the series import's
    /// roles for forecast and aggregate, and the whole map as `usage.role` for reorder, whose
    /// one map is for all its files.
    @Test func eachCommandGetsAMapItTakes() throws {
        let dir = try CLIRunner.workspace(with: [])
        let days = (1...28).map { "2/\($0)/2026,A1,\($0 % 5 + 1),6010 ICU,2.50,EA" }
        try (["Trans Date,Item #,Qty Issued,Cost Center,Unit Cost,UOM"] + days).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("issues.csv"), atomically: false, encoding: .utf8)
        try "item,vendor,unit_cost,lead_time_days,review_period_days\nA1,Acme,2,7,7\n".write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        try "item,location,on_hand\nA1,ICU,30\n".write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        let inspect = try CLIRunner.run(["inspect", "issues.csv", "--kind", "usage"], in: dir)
        #expect(inspect.status == 0, "\(inspect.stderr)")
        func map(after label: String) -> String? {
            inspect.stdout.split(separator: "\n").first { $0.hasPrefix("  \(label): --columns '") }
                .map { String($0.dropFirst("  \(label): --columns '".count).dropLast()) }
        }
        let series = try #require(map(after: "forecast, aggregate"), "\(inspect.stdout)")
        let folder = try #require(map(after: "reorder, purchasing (--usage)"), "\(inspect.stdout)")
        #expect(!series.contains("department") && !series.contains("unit_cost") && series.contains("quantity="), "\(series)")
        #expect(folder.contains("usage.department=") && folder.contains("usage.unit_cost="), "\(folder)")
        let aggregate = try CLIRunner.run(["aggregate", "--input", "issues.csv", "--columns", series, "--out", "a.csv"], in: dir)
        #expect(aggregate.status == 0, "\(aggregate.stderr)")
        let forecast = try CLIRunner.run(["forecast", "--input", "issues.csv", "--columns", series, "--frequency", "day", "--horizon", "2",
                                          "--backtest", "0", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 0, "\(forecast.stderr)")
        let reorder = try CLIRunner.run(["reorder", "--usage", "issues.csv", "--items", "items.csv", "--inventory", "inventory.csv",
                                         "--columns", folder, "--out", "r", "--quiet"], in: dir)
        #expect(reorder.status == 0, "\(reorder.stderr)")
    }

    @Test func aMissingFileExits1NamingIt() throws {
        let dir = try CLIRunner.workspace(with: [])
        let result = try CLIRunner.run(["inspect", "missing.csv"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.csv: file not found"), "\(result.stderr)")
    }

    @Test func anUnknownKindExits2ListingTheKinds() throws {
        let dir = try CLIRunner.workspace(with: ["usage_windows1252.csv"])
        let result = try CLIRunner.run(["inspect", "usage_windows1252.csv", "--kind", "stock"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown kind 'stock'; use one of usage, items, inventory, timekeeping, census, staffing_targets, budget, actuals, volumes"), "\(result.stderr)")
    }
}
