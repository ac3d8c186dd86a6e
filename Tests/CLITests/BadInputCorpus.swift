import Foundation

/// The malformed and hostile inputs of BadInputCorpusTests, generated at test time: for every
/// input kind the CLI reads, the same structural damage (encodings, quoting, limits, paths),
/// row-level damage (ragged rows, bad bytes, repeated headers), and bad values in its typed
/// columns (impossible dates, non-numbers, values that make no sense for the column).
enum InputKind: String, CaseIterable, Sendable {
    case usage = "usage export (aggregate)"
    case series = "series file (forecast)"
    case items = "item master (reorder)"
    case inventory = "inventory snapshot (reorder)"
    case budget = "budget (variance)"
    case actuals = "GL actuals (variance)"
    case census = "census (staffing)"
    case timekeeping = "punches / timekeeping (staffing)"
    case targets = "staffing targets (staffing)"
    case shifts = "census by shift (staffing --shifts)"
    case pipeline = "pipeline YAML (validate / run)"
    case orders = "orders (purchasing)"
    case contracts = "contracts (purchasing)"
    case lots = "lots (purchasing)"
}

/// One row a case expects in the rejects file: its physical line, the column named (empty
/// for whole-row problems) and a phrase of the reason.
struct RejectedRow: Sendable, Equatable, CustomStringConvertible {
    var line: Int
    var column: String
    var says: String
    var description: String { "line \(line) column '\(column)': \(says)" }
}

enum Expectation: Sendable {
    /// Exit status 1; standard error names `file` (with `:line` when given) and says each phrase.
    case fails(file: String, line: Int?, says: [String])
    /// Exit status 2 (a mistake in the command line).
    case usageError(says: [String])
    /// The run succeeds (exit 0) and the rejects file at `rejectsFile` lists exactly `rows`;
    /// standard error counts `read` rows read of `file` and `rows.count` rejected.
    case rejects(file: String, rejectsFile: String, rows: [RejectedRow], read: Int)
    /// The run succeeds with no row rejected (standard error counts `read` rows of `file`, all
    /// accepted), and the output file `output` says each phrase: unusual values that are not
    /// errors, planned with a flag.
    case accepted(file: String, read: Int, output: String, says: [String])
    /// `inspect` reads the file (exit 0) and its report on standard output says each phrase:
    /// a warning about the export, which is not an error since inspect imports nothing.
    case inspected(says: [String])
}

struct CorpusCase: Sendable {
    var kind: InputKind
    var name: String
    /// Files written into the case's folder before the run.
    var files: [String: Data] = [:]
    /// More files, made only when the case runs (the big ones would otherwise all sit in memory).
    var generated: (@Sendable () -> [String: Data])?
    /// Further setup in the case's folder (directories, links, permissions).
    var prepare: (@Sendable (URL) throws -> Void)?
    var arguments: [String]
    /// Standard input of the run, through a pipe (`--input -`); none: /dev/null.
    var stdin: Data?
    var expectation: Expectation
    /// Paths (relative to the case folder) that must not exist after a failed run.
    var absentAfterFailure: [String] = []
    /// Paths that must exist after the run (e.g. the rejects of a failed pipeline).
    var presentAfterRun: [String] = []
    /// Files that must be byte for byte as written before the run.
    var unchangedFiles: [String] = []
    /// Text that must not appear on standard error (personal data, whole rows).
    var secrets: [String] = []
    /// Run as an unprivileged user (the unreadable-file case when the tests run as root).
    var asNobody = false
    /// Why the case cannot run here, printed instead of running it.
    var skipReason: String?
}

// MARK: - The CSV inputs

/// A CSV input kind: the file under test, a valid small version of it, the other files its
/// command needs, and where the command writes.
struct CSVInput {
    var kind: InputKind
    var file: String
    var header: [String]
    var rows: [[String]]
    var others: [String: String]
    /// The command line, reading `file` from the case folder.
    var arguments: [String]
    /// Extra flags that make the run import the rest when rows are rejected.
    var skipFlags = ["--on-error", "skip"]
    /// Where rejected rows land on a successful run, and on a failed one.
    var rejectsFile: String
    var failedRejectsFile: String
    /// What a successful run writes; a failed run must leave it absent.
    var output: String
    /// A required text column and a required number column, by header name.
    var text: String
    var number: String
    /// Bad values per column: (column, value, phrase of the reason).
    var badValues: [(String, String, String)]

    func column(_ name: String) -> Int { header.firstIndex(of: name) ?? 0 }

    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    var contents: String { CSVInput.csv(header, rows) }

    static let all: [CSVInput] = [usage, series, items, inventory, budget, actuals, census, timekeeping, targets]

    // Base data: small, valid, deterministic.

    static func days(_ count: Int, from start: Int = 0) -> [String] {
        // 2025-01-06 is a Monday; ISO dates by adding days to it.
        let calendar = Calendar(identifier: .gregorian)
        var components = DateComponents()
        components.year = 2025; components.month = 1; components.day = 6
        components.timeZone = TimeZone(identifier: "UTC")
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        guard let first = utc.date(from: components) else { return [] }
        let format = DateFormatter()
        format.calendar = utc
        format.timeZone = utc.timeZone
        format.locale = Locale(identifier: "en_US_POSIX")
        format.dateFormat = "yyyy-MM-dd"
        return (start..<(start + count)).map { format.string(from: first.addingTimeInterval(Double($0) * 86_400)) }
    }

    static let reorderUsage: String = {
        var rows: [[String]] = []
        for (k, day) in days(84).enumerated() where k % 2 == 0 {
            rows.append([day, "A100", String(3 + k % 5)])
            rows.append([day, "B200", String(1 + k % 3)])
            rows.append([day, "C300", String(k % 4)])
        }
        return csv(["date", "item", "quantity"], rows)
    }()

    static let itemsHeader = ["item", "description", "vendor", "unit_cost", "pack_size", "min_order_qty", "lead_time_days", "lead_time_sd_days",
                              "review_period_days", "shelf_life_days", "criticality", "service_level", "par_level", "status"]
    static let itemsRows = [
        ["A100", "Gloves nitrile M", "Acme Medical", "7.50", "10", "10", "3", "0.5", "7", "1825", "E", "", "40", "Active"],
        ["B200", "Gauze 4x4 sterile", "Acme Medical", "1.25", "20", "0", "5", "1", "7", "1095", "V", "0.99", "30", "Active"],
        ["C300", "Saline flush 10 mL", "Harbor Supply", "0.40", "30", "30", "2", "0", "7", "730", "N", "95", "60", "Active"],
    ]
    static let inventoryHeader = ["item", "on_hand", "on_order", "location", "as_of"]
    static let inventoryRows = [
        ["A100", "30", "0", "Central", "2025-03-30"],
        ["B200", "12", "0", "Central", "2025-03-30"],
        ["C300", "50", "10", "Central", "2025-03-30"],
    ]
    static let reorderArguments = ["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out", "--quiet"]

    static let budgetHeader = ["department", "account", "period", "amount", "volume", "account_type", "behavior"]
    static let budgetRows: [[String]] = (7...12).flatMap { m in
        [["ICU", "Supplies", "2025-\(m < 10 ? "0" : "")\(m)", "1000", "100", "expense", "variable"],
         ["ICU", "Salaries", "2025-\(m < 10 ? "0" : "")\(m)", "5000", "100", "expense", "fixed"]]
    }
    static let actualsHeader = ["department", "account", "period", "amount", "volume"]
    static let actualsRows: [[String]] = (7...9).flatMap { m in
        [["ICU", "Supplies", "2025-0\(m)", "1100", "105"], ["ICU", "Salaries", "2025-0\(m)", "4900", "105"]]
    }
    static let varianceArguments = ["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--out", "out", "--quiet"]

    static let censusHeader = ["date", "unit", "patient_days", "admissions", "visits"]
    static let censusRows: [[String]] = days(84).enumerated().map { k, day in [day, "ICU", String(8 + (k * 7) % 6), String(k % 3), ""] }
    static let timekeepingHeader = ["date", "unit", "hours", "job_code", "pay_type", "employee"]
    static let timekeepingRows: [[String]] = days(84).enumerated().flatMap { k, day in
        [[day, "ICU", "12", "RN", "REG", "E\(1000 + k % 7)"], [day, "ICU", "8", "CNA", k % 5 == 0 ? "OT" : "REG", "E\(2000 + k % 5)"]]
    }
    static let targetsHeader = ["unit", "job_code", "target_hppd", "budgeted_fte", "hourly_rate", "overtime_multiplier", "agency_rate", "max_patients_per_staff"]
    static let targetsRows = [["ICU", "RN", "12", "10", "50", "1.5", "95", "2"], ["ICU", "CNA", "2", "2", "20", "1.5", "40", "8"],
                              ["ICU", "LPN", "1", "1", "30", "1.5", "60", "6"]]
    static let staffingArguments = ["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                    "--horizon", "4", "--out", "out", "--quiet"]

    static let badDates: [(String, String)] = [
        ("0000-01-01", "year 0 is out of range"), ("9999-12-31", "year 9999 is out of range"), ("1799-12-31", "out of range"),
        ("2025-02-30", "February 2025 has 28 days"), ("2/30/2025", "February 2025 has 28 days"), ("2026-02-29", "February 2026 has 28 days"),
        ("2025-13-01", "there is no month 13"), ("31/12/2025", "there is no month 31"), ("20250431", "April 2025 has 30 days"),
        ("99999999999999999999", "is not a date"), ("yesterday", "is not a date"), ("2025-W54", "2025 has 52 ISO weeks, so week 54 does not exist"), ("", "date is empty"),
        // A review's exports: day-first, Excel's d-mmm without a year, and YYYYMM months.
        ("13/01/2025", "read day-first it is 13 January 2025: add --date-format dmy"), ("10-Jan", "has a day and a month but no year"),
        ("202401", "add --date-format YYYYMM"),
        // Excel's "mmm d": a month and a day, read as January 2013 before.
        ("Jan 13", "could be a day (January 13) or a month (January 2013)"), ("Mar 1", "has a month and a day but no year"),
        // A totals row with its label under the dates ("'Total' is not a date" said nothing of why).
        ("Grand Total", "a totals row ('Grand Total'): its figures are the other rows' sum"),
        ("Total for 2025-01", "a totals row ('Total for 2025-01')"), ("TOTAL 2025", "a totals row ('TOTAL 2025')"),
    ]
    static let badNumbers: [(String, String)] = [
        ("1e400", "out of range"), ("-1e400", "out of range"), ("NaN", "not a finite number"), ("inf", "not a finite number"),
        ("--5", "is not a number"), ("(-5)", "is not a number"), ("+-5", "is not a number"), ("1,2", "decimal"), ("1.2.3", "is not a number"),
        ("0x1F", "is not a number"), ("12abc", "is not a number"), ("99999999999999999999999", "out of range"), ("1e300", "out of range"),
        ("$", "is not a number"), ("1 000", "is not a number"), ("\u{0663}", "is not a number"),
    ]

    static let usage = CSVInput(
        kind: .usage, file: "usage.csv", header: ["date", "item", "quantity", "location"],
        rows: days(40, from: 0).enumerated().map { k, day in [day, k % 2 == 0 ? "A100" : "B200", String(1 + k % 9), "Central"] },
        others: [:], arguments: ["aggregate", "--input", "usage.csv", "--out", "series.csv"],
        rejectsFile: "series.rejects.csv", failedRejectsFile: "series.rejects.csv", output: "series.csv",
        text: "item", number: "quantity",
        badValues: badDates.map { ("date", $0.0, $0.1) } + badNumbers.map { ("quantity", $0.0, $0.1) })

    static let series = CSVInput(
        kind: .series, file: "series.csv", header: ["series", "period", "value"],
        rows: ["A100", "B200"].flatMap { s in (1...12).map { m in [s, "2025-\(m < 10 ? "0" : "")\(m)", String(10 + m % 4)] } },
        others: [:], arguments: ["forecast", "--input", "series.csv", "--series", "series", "--date", "period", "--value", "value",
                                 "--horizon", "2", "--backtest", "0", "--threads", "1", "--quiet", "--out", "fc.csv"],
        rejectsFile: "fc.rejects.csv", failedRejectsFile: "fc.rejects.csv", output: "fc.csv",
        text: "series", number: "value",
        badValues: [("period", "2025-13", "there is no month 13"), ("period", "2025-00", "there is no month 0"), ("period", "0000-01", "year 0 is out of range"),
                    ("period", "9999-12", "year 9999 is out of range"), ("period", "2025-1x", "is not a date"), ("period", "FY2025", "is not a date"),
                    ("period", "2025-Q5", "there is no quarter 5"), ("period", "2025-W60", "week 60 does not exist"),
                    ("period", "2025M13", "there is no month 13"), ("period", "2025-M00", "there is no month 0"),
                    ("period", "45663", "looks like an Excel serial day number (45663 is 2025-01-06)"),
                    ("period", "1200", "years 1800-2200 are accepted"), ("period", "20251", "is not a valid date")]
            + badNumbers.map { ("value", $0.0, $0.1) })

    static let items = CSVInput(
        kind: .items, file: "items.csv", header: itemsHeader, rows: itemsRows,
        others: ["usage.csv": reorderUsage, "inventory.csv": csv(inventoryHeader, inventoryRows)], arguments: reorderArguments,
        rejectsFile: "out/items.rejects.csv", failedRejectsFile: "out.rejects/items.rejects.csv", output: "out",
        text: "item", number: "pack_size",
        badValues: [
            ("pack_size", "0", "not a whole number of units of at least 1"), ("pack_size", "-10", "not a whole number of units of at least 1"),
            ("pack_size", "2.5", "not a whole number of units of at least 1"), ("pack_size", "1e400", "out of range"), ("pack_size", "NaN", "not a finite number"),
            ("lead_time_days", "-3", "not a number of days from 0 to 3650"), ("lead_time_days", "5000", "not a number of days from 0 to 3650"),
            ("lead_time_days", "1e300", "out of range"), ("lead_time_sd_days", "-1", "not a number of days"),
            ("review_period_days", "99999", "not a number of days"), ("shelf_life_days", "0", "not a number of days from 1 to 36500"),
            ("service_level", "1.5", "not a service level"), ("service_level", "0.2", "not a service level"), ("service_level", "100", "not a service level"),
            ("service_level", "-0.95", "not a service level"), ("service_level", "100%", "'100%' is not a service level"), ("service_level", "0.98%", "not a service level"), ("criticality", "X", "is not one of V, E, N"), ("criticality", "Vital", "is not one of V, E, N"),
            ("unit_cost", "-7.5", "not a number of at least 0"), ("unit_cost", "(-5)", "is not a number"), ("unit_cost", "--5", "is not a number"),
            ("min_order_qty", "-1", "not a number of at least 0"), ("par_level", "-5", "not a number of at least 0"),
            ("status", "Hold", "'Hold' is not one of active, a, current"), ("status", "Discontinued - use B300", "is not one of active"),
        ])

    static let inventory = CSVInput(
        kind: .inventory, file: "inventory.csv", header: inventoryHeader, rows: inventoryRows,
        others: ["usage.csv": reorderUsage, "items.csv": csv(itemsHeader, itemsRows)], arguments: reorderArguments,
        rejectsFile: "out/inventory.rejects.csv", failedRejectsFile: "out.rejects/inventory.rejects.csv", output: "out",
        text: "item", number: "on_hand",
        badValues: [("on_hand", "-30", "not a number of at least 0"), ("on_hand", "1e300", "out of range"), ("on_hand", "NaN", "not a finite number"),
                    ("on_hand", "", "number is empty"), ("on_hand", "1,2", "decimal"), ("on_order", "-5", "not a number of at least 0"),
                    ("on_order", "(12)", "not a number of at least 0"), ("as_of", "2025-02-30", "February 2025 has 28 days"),
                    ("as_of", "0000-01-01", "year 0 is out of range")])

    static let budget = CSVInput(
        kind: .budget, file: "budget.csv", header: budgetHeader, rows: budgetRows,
        others: ["actuals.csv": csv(actualsHeader, actualsRows)], arguments: varianceArguments,
        rejectsFile: "out/budget.rejects.csv", failedRejectsFile: "out.rejects/budget.rejects.csv", output: "out",
        text: "account", number: "amount",
        badValues: [("period", "2025-13", "there is no month 13"), ("period", "FY2026", "is not a date"), ("period", "TOTAL", "a totals row ('TOTAL')"), ("period", "2025-00", "there is no month 0"),
                    ("period", "9999-01", "year 9999 is out of range"), ("amount", "1e400", "out of range"), ("amount", "NaN", "not a finite number"),
                    ("amount", "--5", "is not a number"), ("amount", "1e300", "out of range"), ("volume", "-100", "not a number of at least 0")])

    static let actuals = CSVInput(
        kind: .actuals, file: "actuals.csv", header: actualsHeader, rows: actualsRows,
        others: ["budget.csv": csv(budgetHeader, budgetRows)], arguments: varianceArguments,
        rejectsFile: "out/actuals.rejects.csv", failedRejectsFile: "out.rejects/actuals.rejects.csv", output: "out",
        text: "account", number: "amount",
        badValues: [("period", "2025-02-30", "February 2025 has 28 days"), ("period", "13/2025", "is not a date"), ("period", "0000-07", "year 0 is out of range"),
                    ("amount", "1e400", "out of range"), ("amount", "inf", "not a finite number"), ("amount", "$$5", "is not a number"),
                    ("amount", "99999999999999999999999", "out of range"), ("volume", "-5", "not a number of at least 0")])

    static let census = CSVInput(
        kind: .census, file: "census.csv", header: censusHeader, rows: censusRows,
        others: ["timekeeping.csv": csv(timekeepingHeader, timekeepingRows), "targets.csv": csv(targetsHeader, targetsRows)], arguments: staffingArguments,
        rejectsFile: "out/census.rejects.csv", failedRejectsFile: "out.rejects/census.rejects.csv", output: "out",
        text: "unit", number: "patient_days",
        badValues: [("date", "2025-02-30", "February 2025 has 28 days"), ("date", "0000-01-01", "year 0 is out of range"), ("date", "9999-12-31", "year 9999 is out of range"),
                    ("date", "Total", "a totals row ('Total')"), ("patient_days", "-3", "not a number of at least 0"), ("patient_days", "NaN", "not a finite number"), ("patient_days", "1e300", "out of range"),
                    ("admissions", "2.5", "not a whole number of at least 0"), ("admissions", "-1", "not a whole number of at least 0"),
                    ("visits", "-2", "not a whole number of at least 0"), ("visits", "1e400", "out of range")])

    static let timekeeping = CSVInput(
        kind: .timekeeping, file: "timekeeping.csv", header: timekeepingHeader, rows: timekeepingRows,
        others: ["census.csv": csv(censusHeader, censusRows), "targets.csv": csv(targetsHeader, targetsRows)], arguments: staffingArguments,
        rejectsFile: "out/timekeeping.rejects.csv", failedRejectsFile: "out.rejects/timekeeping.rejects.csv", output: "out",
        text: "unit", number: "hours",
        badValues: [("date", "2/30/2025", "February 2025 has 28 days"), ("date", "0000-01-01", "year 0 is out of range"),
                    ("hours", "-1000", "takes back more than one person's hours on one row can be"), ("hours", "1000", "is more than one person's hours on one row can be"),
                    ("hours", "NaN", "not a finite number"), ("hours", "1e400", "out of range"), ("hours", "12h", "is not a number"),
                    ("hours", "-1e400", "out of range")])

    static let targets = CSVInput(
        kind: .targets, file: "targets.csv", header: targetsHeader, rows: targetsRows,
        others: ["census.csv": csv(censusHeader, censusRows), "timekeeping.csv": csv(timekeepingHeader, timekeepingRows)], arguments: staffingArguments,
        rejectsFile: "out/targets.rejects.csv", failedRejectsFile: "out.rejects/targets.rejects.csv", output: "out",
        text: "job_code", number: "target_hppd",
        badValues: [("target_hppd", "-12", "not a number of at least 0"), ("target_hppd", "NaN", "not a finite number"), ("target_hppd", "1e400", "out of range"),
                    ("budgeted_fte", "-1", "not a number of at least 0"), ("hourly_rate", "-50", "not a number of at least 0"),
                    ("max_patients_per_staff", "0", "not a number of patients above 0"), ("agency_rate", "(5)", "not a number of at least 0"),
                    ("overtime_multiplier", "1e300", "out of range")])
}

// MARK: - Building the cases

extension Data {
    init(_ text: String) { self = Data(text.utf8) }
}

enum BadInputCorpus {
    static func cases() -> [CorpusCase] {
        CSVInput.all.flatMap { structural($0) + rowLevel($0) + values($0) + threshold($0) } + largeFields() + outputs() + reorderDefects() + PipelineCorpus.cases()
            + varianceStaffingDefects() + flagCases() + unpivotCases() + encodingCases() + inspectCases() + calendarCases() + scenarioCases()
            + purchasingCases() + shiftCases() + historyCases() + importReviewCases() + importReviewKeysCases() + importReview2Cases() + joinedExportCases() + datesReviewCases() + inspectReviewCases() + twoWeekTotalsCases()
    }

    /// The other files of a kind (the file under test comes from the case's generator).
    static func files(_ input: CSVInput) -> [String: Data] { input.others.mapValues { Data($0) } }

    static func generator(_ input: CSVInput, _ data: @escaping @Sendable () -> Data?) -> @Sendable () -> [String: Data] {
        let name = input.file
        return { data().map { [name: $0] } ?? [:] }
    }

    static func failing(_ input: CSVInput, _ name: String, _ data: @escaping @autoclosure @Sendable () -> Data?, line: Int?, _ says: String...,
                        arguments: [String]? = nil, file: String? = nil, secrets: [String] = [],
                        prepare: (@Sendable (URL) throws -> Void)? = nil) -> CorpusCase {
        CorpusCase(kind: input.kind, name: name, files: files(input), generated: generator(input, data), prepare: prepare,
                   arguments: arguments ?? input.arguments, expectation: .fails(file: file ?? input.file, line: line, says: says),
                   absentAfterFailure: [input.output], secrets: secrets)
    }

    static func rejecting(_ input: CSVInput, _ name: String, _ data: @escaping @autoclosure @Sendable () -> Data, _ rows: [RejectedRow], read: Int? = nil,
                          extraArguments: [String] = [], secrets: [String] = []) -> CorpusCase {
        CorpusCase(kind: input.kind, name: name, files: files(input), generated: generator(input, data),
                   arguments: input.arguments + input.skipFlags + extraArguments,
                   expectation: .rejects(file: input.file, rejectsFile: input.rejectsFile, rows: rows, read: read ?? input.rows.count),
                   secrets: secrets)
    }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> Data {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            bytes += bigEndian ? [hi, lo] : [lo, hi]
        }
        return Data(bytes)
    }

    /// The file with row `index` (0-based; on line index + 2) replaced by raw bytes. Built with
    /// Data, whose appends are plain copies even in a debug build (the rows can be 100 MB).
    static func replacingRow(_ input: CSVInput, _ index: Int, with row: Data) -> Data {
        var data = Data()
        for (k, line) in ([input.header] + input.rows).enumerated() {
            if k == index + 1 { data.append(row) } else { data.append(Data(line.joined(separator: ","))) }
            data.append(0x0A)
        }
        return data
    }

    static func replacingValue(_ input: CSVInput, _ index: Int, _ column: String, with value: Data) -> Data {
        let target = input.column(column)
        var row = Data()
        for (k, cell) in input.rows[index].enumerated() {
            if k > 0 { row.append(UInt8(ascii: ",")) }
            guard k == target else { row.append(Data(cell)); continue }
            // A value holding the delimiter is quoted, as a spreadsheet would write it.
            let quote = value.count < 1000 && value.contains(UInt8(ascii: ",")) && value.first != 0x22
            if quote { row.append(0x22) }
            row.append(value)
            if quote { row.append(0x22) }
        }
        return replacingRow(input, index, with: row)
    }

    static func replacingValue(_ input: CSVInput, _ index: Int, _ column: String, with value: [UInt8]) -> Data {
        replacingValue(input, index, column, with: Data(value))
    }

    static func replacingRow(_ input: CSVInput, _ index: Int, with row: [UInt8]) -> Data { replacingRow(input, index, with: Data(row)) }

    /// `count` bytes of one letter, made by Foundation rather than element by element.
    static func run(of byte: UInt8, _ count: Int) -> Data { Data(repeating: byte, count: count) }

    /// A row followed by a million more columns.
    static func millionColumns(after row: [String]) -> Data {
        var data = Data(row.joined(separator: ","))
        data.append(Data(String(repeating: ",x", count: 1_000_000)))
        return data
    }

    /// Damage to the file as a whole: each run fails with exit 1 naming the file.
    static func structural(_ input: CSVInput) -> [CorpusCase] {
        let text = input.contents
        let last = input.rows.count + 1
        let t = input.column(input.text)
        var cases: [CorpusCase] = []
        func add(_ c: CorpusCase) { cases.append(c) }
        add(failing(input, "empty file", Data(), line: nil, "file is empty"))
        add(failing(input, "header only", Data(input.header.joined(separator: ",") + "\n"), line: nil, "no data rows"))
        add(failing(input, "blank lines only", Data("\n\n\r\n\n"), line: nil, "no header row"))
        // A byte-order mark says UTF-16, so `--encoding auto` reads the file.
        add(accepting(input, "UTF-16LE with BOM", utf16(text, bigEndian: false, bom: true), read: input.rows.count, output: input.output, says: []))
        add(accepting(input, "UTF-16BE with BOM", utf16(text, bigEndian: true, bom: true), read: input.rows.count, output: input.output, says: []))
        // Without one, the zero bytes of the ASCII header tell UTF-16 and its byte order (both
        // stopped at their NUL bytes).
        add(accepting(input, "UTF-16LE without BOM", utf16(text, bigEndian: false, bom: false), read: input.rows.count, output: input.output, says: []))
        add(accepting(input, "UTF-16BE without BOM", utf16(text, bigEndian: true, bom: false), read: input.rows.count, output: input.output, says: []))
        add(failing(input, "NUL byte on line 3", replacingValue(input, 1, input.text, with: Array("A\u{0}1".utf8)), line: 3, "NUL bytes"))
        var random = SeededBytes(seed: UInt64(input.kind.rawValue.utf8.count))
        let garbage = Data((0..<4096).map { _ in random.next(avoidingZero: true) })
        add(failing(input, "binary garbage", garbage, line: nil))
        var header = input.header.map { Array($0.utf8) }
        header[t] = Array(input.text.utf8.dropLast()) + [0xFF]
        let brokenHeader = Data(Array(header.joined(separator: [UInt8(ascii: ",")])) + [0x0A] + Array(text.utf8).drop { $0 != 0x0A }.dropFirst())
        add(failing(input, "invalid UTF-8 in a header name", brokenHeader, line: 1, "missing required column"))
        add(failing(input, "duplicate header name", Data(CSVInput.csv(input.header + [input.text], input.rows.map { $0 + [$0[t]] })), line: 1, "2 times"))
        add(failing(input, "empty header names", Data(CSVInput.csv(input.header.map { _ in "" }, input.rows)), line: 1, "missing required column"))
        add(failing(input, "a required column missing", Data(CSVInput.csv(input.header.enumerated().filter { $0.offset != t }.map(\.element),
                                                                          input.rows.map { $0.enumerated().filter { $0.offset != t }.map(\.element) })),
                    line: 1, "missing required column"))
        // Saved without its header: the first row is data and may hold personal data, so it is not echoed.
        let firstRow = input.rows[0]
        add(failing(input, "no header row (data on line 1)", Data(input.rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"),
                    line: 1, "no header row", secrets: firstRow.filter { $0.count >= 4 && Double($0) == nil }))
        add(failing(input, "unterminated quote on the last line", replacingValue(input, input.rows.count - 1, input.text, with: Array("\"A100".utf8)),
                    line: last, "unterminated quote"))
        add(failing(input, "unterminated quote on line 3, rest swallowed", replacingValue(input, 1, input.text, with: Array("\"open".utf8)),
                    line: 3, "unterminated quote"))
        let filler = String(repeating: input.rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n", count: 200_000 / text.utf8.count + 1)
        add(failing(input, "unterminated quote on line 3 of a 200 KB file", replacingValue(input, 1, input.text, with: Array("\"open".utf8)) + Data(filler),
                    line: 3, "never closes", "--max-field-bytes"))
        add(failing(input, "1 MiB unquoted field on line 4", replacingValue(input, 2, input.text, with: run(of: UInt8(ascii: "x"), 1 << 20)),
                    line: 4, "longer than 65536 bytes", "--max-field-bytes", "max_field_bytes"))
        add(failing(input, "1 MiB quoted field on line 4", replacingValue(input, 2, input.text, with: Data([0x22]) + run(of: UInt8(ascii: "y"), 1 << 20) + Data([0x22])),
                    line: 4, "longer than 65536 bytes", "--max-field-bytes"))
        let second = input.rows[1]
        add(failing(input, "a million columns on line 3", replacingRow(input, 1, with: millionColumns(after: second)), line: 3,
                    "more than 4096 columns", "--max-columns", "max_columns"))
        add(failing(input, "5,000-column header", Data(CSVInput.csv(input.header + (1...5000).map { "extra\($0)" }, input.rows)), line: 1, "more than 4096 columns"))
        let name = input.file
        add(failing(input, "a directory passed as the file", nil, line: nil, "is a directory",
                    prepare: { try FileManager.default.createDirectory(at: $0.appendingPathComponent(name), withIntermediateDirectories: true) }))
        add(failing(input, "missing file", nil, line: nil, "file not found"))
        var unreadable = failing(input, "unreadable file (mode 000)", Data(text), line: nil, "permission denied",
                                 prepare: { dir in
                                     try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir.appendingPathComponent(name).path)
                                     // The unprivileged reader must still reach the folder and write its output.
                                     try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
                                 })
        if BoundedRun.isRoot {
            if FileManager.default.isExecutableFile(atPath: BoundedRun.setpriv) {
                unreadable.asNobody = true
            } else {
                unreadable.skipReason = "running as root, where mode 000 does not stop reading, and \(BoundedRun.setpriv) is missing to drop privileges"
            }
        }
        add(unreadable)
        add(failing(input, "symbolic link loop", nil, line: nil, "symbolic links",
                    prepare: { try FileManager.default.createSymbolicLink(atPath: $0.appendingPathComponent(name).path, withDestinationPath: name) }))
        add(failing(input, "/dev/zero as the file", nil, line: 1, "NUL bytes", arguments: input.arguments.map { $0 == name ? "/dev/zero" : $0 }, file: "/dev/zero"))
        add(failing(input, "/dev/null as the file", nil, line: nil, "file is empty", arguments: input.arguments.map { $0 == name ? "/dev/null" : $0 }, file: "/dev/null"))
        add(failing(input, "every row repeats the header", Data(CSVInput.csv(input.header, input.rows.map { _ in input.header })), line: nil, "repeat the header"))
        // The export appended to itself, its header included: every row would count twice.
        add(failing(input, "export appended to itself", Data(CSVInput.csv(input.header, input.rows + [input.header] + input.rows)),
                    line: input.rows.count + 2, "looks appended to itself"))
        let semicolons = ([input.header] + input.rows).map { $0.joined(separator: ";") }.joined(separator: "\n") + "\n"
        add(failing(input, "semicolon export read with --delimiter ,", Data(semicolons), line: 1, "missing required column",
                    arguments: input.arguments + ["--delimiter", ","]))
        return cases
    }

    /// Damage to single rows: with --on-error skip the run succeeds and the rejects file lists
    /// exactly the damaged rows.
    static func rowLevel(_ input: CSVInput) -> [CorpusCase] {
        let t = input.text, n = input.number
        var cases: [CorpusCase] = []
        let row1 = input.rows[1]
        cases.append(rejecting(input, "short row on line 3", replacingRow(input, 1, with: Array(row1.dropLast().joined(separator: ",").utf8)),
                               [RejectedRow(line: 3, column: "", says: "fields but the header has")]))
        cases.append(rejecting(input, "long row on line 3", replacingRow(input, 1, with: Array((row1 + ["extra", "more"]).joined(separator: ",").utf8)),
                               [RejectedRow(line: 3, column: "", says: "unquoted delimiter")]))
        // A report's page header repeated on line 4: skipped like a blank line, not rejected.
        cases.append(rejecting(input, "header repeated on line 4", replacingRow(input, 2, with: Array(input.header.joined(separator: ",").utf8)),
                               [], read: input.rows.count - 1))
        for (name, bytes) in [("invalid UTF-8", [0x41, 0xFF, 0xFE]), ("overlong UTF-8", [0xC0, 0xAF]), ("UTF-8-encoded surrogate", [0xED, 0xA0, 0x80]),
                              ("truncated UTF-8 sequence", [0x41, 0xE2, 0x82])] as [(String, [UInt8])] {
            // Read as UTF-8 (`auto` would read the file as Windows-1252 and accept the row).
            cases.append(rejecting(input, "\(name) in '\(t)' on line 3, --encoding utf-8", replacingValue(input, 1, t, with: bytes),
                                   [RejectedRow(line: 3, column: t, says: "is not valid UTF-8 text: byte 0x")],
                                   extraArguments: ["--encoding", "utf-8"]))
        }
        cases.append(rejecting(input, "empty '\(t)' on line 3", replacingValue(input, 1, t, with: []), [RejectedRow(line: 3, column: t, says: "value is empty")]))
        cases.append(rejecting(input, "stray quote inside '\(n)' on line 3", replacingValue(input, 1, n, with: Array("1\"2".utf8)),
                               [RejectedRow(line: 3, column: n, says: "is not a number")]))
        // A quoted line break: the row spans lines 3-4, so the next row is on line 5.
        var lines = ([input.header] + input.rows).map { $0.joined(separator: ",") }
        var first = input.rows[1], second = input.rows[2]
        first[input.column(n)] = "\"1\n2\""
        second[input.column(n)] = "x9"
        lines[2] = first.joined(separator: ",")
        lines[3] = second.joined(separator: ",")
        let spanning = Data(lines.joined(separator: "\n") + "\n")
        cases.append(rejecting(input, "quoted line break in '\(n)' on line 3, bad '\(n)' on line 5", spanning,
                               [RejectedRow(line: 3, column: n, says: "is not a number"), RejectedRow(line: 5, column: n, says: "'x9' is not a number")]))
        // A stray quote opening a value on line 4 and closing on line 9: the lines between
        // read as rows, so the record is rejected, naming both lines (it was accepted, 5 rows gone).
        if input.kind == .usage, input.rows.count >= 9, let textColumn = input.header.firstIndex(of: t), textColumn < input.header.count - 1 {
            var swallowing = ([input.header] + input.rows).map { $0.joined(separator: ",") }
            var opening = input.rows[2], closing = input.rows[7]
            opening[textColumn] = "\"" + opening[textColumn]
            closing[textColumn] += "\""
            swallowing[3] = opening.joined(separator: ",")
            swallowing[8] = closing.joined(separator: ",")
            let swallowed = Data(swallowing.joined(separator: "\n") + "\n")
            cases.append(rejecting(input, "stray quote in '\(t)' opening on line 4, closing on line 9", swallowed,
                                   [RejectedRow(line: 4, column: "", says: "a quote opened on line 4 closes on line 9, swallowing 5 lines that read as rows: check for a stray quote")],
                                   read: input.rows.count - 5))
        }
        return cases
    }

    /// One bad value in a typed column on line 3, per kind.
    static func values(_ input: CSVInput) -> [CorpusCase] {
        var cases = input.badValues.map { column, value, says in
            rejecting(input, "'\(column)' = '\(value)' on line 3", replacingValue(input, 1, column, with: Array(value.utf8)),
                      [RejectedRow(line: 3, column: column, says: says)])
        }
        if input.kind == .timekeeping {
            // A shifted row puts the employee id where the hours belong: the reason would quote it.
            var row = input.rows[1]
            let id = row[input.column("employee")]
            row[input.column("hours")] = id
            let shifted = replacingRow(input, 1, with: Array(row.joined(separator: ",").utf8))
            cases.append(rejecting(input, "employee id in the 'hours' column on line 3", shifted,
                                   [RejectedRow(line: 3, column: "hours", says: "is not a number")], secrets: [id]))
        }
        return cases
    }

    /// Without --on-error skip, one bad row in a small file is above the 1% threshold: the run
    /// fails naming file, line and column, and the rejected rows are still kept.
    static func threshold(_ input: CSVInput) -> [CorpusCase] {
        // Enough bad rows to pass 1% of the file (one in a small file).
        let bad = input.rows.count / 100 + 1
        var rows = input.rows
        for k in 1...bad { rows[k][input.column(input.number)] = "n/a" }
        let damaged = Data(CSVInput.csv(input.header, rows))
        var c = failing(input, "\(bad) bad '\(input.number)' from line 3, default 1% threshold", damaged, line: 3,
                        "column '\(input.number)'", "'n/a' is not a number", "\(bad) of \(input.rows.count) rows rejected", input.failedRejectsFile, "--on-error skip")
        c.presentAfterRun = [input.failedRejectsFile]
        return [c]
    }

    /// The big ones, for the usage export only: a 100 MB field, and fields and rows beyond the
    /// default limits when the user raised them.
    static func largeFields() -> [CorpusCase] {
        let input = CSVInput.usage
        let big: @Sendable () -> Data = {
            var data = Data(CSVInput.csv(input.header, Array(input.rows.prefix(2))) + "2025-03-01,")
            data.append(run(of: UInt8(ascii: "z"), 100 << 20))
            data.append(Data(",1,Central\n"))
            return data
        }
        return [
            failing(input, "100 MB field on line 4", big(), line: 4, "longer than 65536 bytes", "--max-field-bytes"),
            rejecting(input, "1 MiB quantity on line 3 with --max-field-bytes raised",
                      replacingValue(input, 1, "quantity", with: run(of: UInt8(ascii: "7"), 1 << 20) + Data("x")),
                      [RejectedRow(line: 3, column: "quantity", says: "is not a number")], extraArguments: ["--max-field-bytes", "2000000"]),
            rejecting(input, "a million columns on line 3 with --max-columns raised", replacingRow(input, 1, with: millionColumns(after: input.rows[1])),
                      [RejectedRow(line: 3, column: "", says: "unquoted delimiter")], extraArguments: ["--max-columns", "2000000"]),
        ]
    }
}

extension BadInputCorpus {
    /// Output paths that would destroy a user's file.
    static func outputs() -> [CorpusCase] {
        var overFile = failing(CSVInput.items, "--out names an existing file", Data(CSVInput.items.contents), line: nil, "exists and is not a folder",
                               arguments: CSVInput.reorderArguments.map { $0 == "out" ? "victim.csv" : $0 }, file: "victim.csv")
        overFile.files["victim.csv"] = Data("keep me\n")
        overFile.generated = nil
        overFile.files["items.csv"] = Data(CSVInput.items.contents)
        overFile.unchangedFiles = ["victim.csv"]
        var sameFile = CorpusCase(kind: .usage, name: "--out names the input file", files: ["usage.csv": Data(CSVInput.usage.contents)],
                                  arguments: ["aggregate", "--input", "usage.csv", "--out", "usage.csv"],
                                  expectation: .usageError(says: ["--out names usage.csv, which is the input file usage.csv (--input)"]))
        sameFile.unchangedFiles = ["usage.csv"]
        return [overFile, sameFile] + outputsOverInputs()
    }

    /// A review's data loss: every file a command writes (accuracy, rejects, the lock beside
    /// --out, a history, defaults derived from --out, a folder replaced whole) checked against
    /// every input and against the others, as a usage error before anything is written.
    static func outputsOverInputs() -> [CorpusCase] {
        let usage = Data(CSVInput.usage.contents)
        let forecast = ["forecast", "--frequency", "week", "--horizon", "2", "--quiet"]
        var cases = [
            CorpusCase(kind: .usage, name: "--accuracy names the input file", files: ["t3.csv": usage],
                       arguments: forecast + ["--input", "t3.csv", "--out", "t3f.csv", "--accuracy", "t3.csv"],
                       expectation: .usageError(says: ["--accuracy names t3.csv, which is the input file t3.csv (--input)"]),
                       absentAfterFailure: ["t3f.csv"], unchangedFiles: ["t3.csv"]),
            CorpusCase(kind: .usage, name: "--rejects names the input file", files: ["in2.csv": usage],
                       arguments: ["aggregate", "--input", "in2.csv", "--out", "s.csv", "--rejects", "in2.csv"],
                       expectation: .usageError(says: ["--rejects names in2.csv, which is the input file in2.csv (--input)"]),
                       absentAfterFailure: ["s.csv"], unchangedFiles: ["in2.csv"]),
            CorpusCase(kind: .usage, name: "input accuracy.csv beside --out forecasts.csv", files: ["accuracy.csv": usage],
                       arguments: forecast + ["--input", "accuracy.csv", "--out", "forecasts.csv"],
                       expectation: .usageError(says: ["the accuracy file beside --out names accuracy.csv, which is the input file"]),
                       absentAfterFailure: ["forecasts.csv"], unchangedFiles: ["accuracy.csv"]),
            CorpusCase(kind: .usage, name: "input NAME.rejects.csv beside --out NAME.csv", files: ["s.rejects.csv": usage],
                       arguments: ["aggregate", "--input", "s.rejects.csv", "--out", "s.csv"],
                       expectation: .usageError(says: ["the rejects file beside --out names s.rejects.csv"]),
                       absentAfterFailure: ["s.csv"], unchangedFiles: ["s.rejects.csv"]),
            CorpusCase(kind: .usage, name: "input named like the lock beside --out", files: ["s.csv.lock": usage],
                       arguments: ["aggregate", "--input", "s.csv.lock", "--out", "s.csv"],
                       expectation: .usageError(says: ["the lock file beside --out names s.csv.lock"]),
                       absentAfterFailure: ["s.csv"], unchangedFiles: ["s.csv.lock"]),
            CorpusCase(kind: .usage, name: "--history names the input file", files: ["u.csv": usage],
                       arguments: forecast + ["--input", "u.csv", "--out", "f.csv", "--history", "u.csv"],
                       expectation: .usageError(says: ["--history names u.csv, which is the input file u.csv (--input)"]),
                       absentAfterFailure: ["f.csv"], unchangedFiles: ["u.csv"]),
            CorpusCase(kind: .usage, name: "--accuracy equal to --out", files: ["u.csv": usage],
                       arguments: forecast + ["--input", "u.csv", "--out", "f.csv", "--accuracy", "./f.csv"],
                       expectation: .usageError(says: ["--out and --accuracy name one file (f.csv and ./f.csv)"]),
                       absentAfterFailure: ["f.csv"], unchangedFiles: ["u.csv"]),
            // A data engineer's review: two CSVs one after the other on standard output.
            CorpusCase(kind: .usage, name: "--out - and --accuracy -", files: ["u.csv": usage],
                       arguments: forecast + ["--input", "u.csv", "--out", "-", "--accuracy", "-"],
                       expectation: .usageError(says: ["--out and --accuracy both name standard output (-)"]), unchangedFiles: ["u.csv"]),
            CorpusCase(kind: .usage, name: "--threads 0", files: ["u.csv": usage],
                       arguments: forecast + ["--input", "u.csv", "--out", "f.csv", "--threads", "0"],
                       expectation: .usageError(says: ["--threads must be 1 or more (it was 0)"]), absentAfterFailure: ["f.csv"]),
        ]
        let items = CSVInput.items
        var inFolder = CorpusCase(kind: items.kind, name: "reorder --usage inside the --out folder it replaces",
                                  files: ["out/manifest.json": Data("{}\n".utf8), "out/usage.csv": Data(CSVInput.reorderUsage.utf8),
                                          "items.csv": Data(items.contents), "inventory.csv": Data(CSVInput.csv(CSVInput.inventoryHeader, CSVInput.inventoryRows).utf8)],
                                  arguments: CSVInput.reorderArguments.map { $0 == "usage.csv" ? "out/usage.csv" : $0 },
                                  expectation: .usageError(says: ["--out out holds the input file out/usage.csv (--usage)", "move the input out of it, or choose another --out"]))
        inFolder.unchangedFiles = ["out/usage.csv", "out/manifest.json"]
        inFolder.absentAfterFailure = ["out.lock", "out/reorder.csv"]
        var history = CorpusCase(kind: items.kind, name: "reorder --history names --items",
                                 files: files(items).merging([items.file: Data(items.contents)]) { _, own in own },
                                 arguments: items.arguments + ["--history", "items.csv"],
                                 expectation: .usageError(says: ["--history names items.csv, which is the input file items.csv (--items)"]))
        history.unchangedFiles = ["items.csv"]
        history.absentAfterFailure = ["out"]
        var pipeline = CorpusCase(kind: .pipeline, name: "pipeline import inside its output folder",
                                  files: ["out/manifest.json": Data("{}\n".utf8), "out/usage.csv": Data(PipelineCorpus.usage.utf8),
                                          "p.yml": Data(PipelineCorpus.base.replacingOccurrences(of: "file: usage.csv", with: "file: out/usage.csv").utf8)],
                                  arguments: ["run", "p.yml", "--out", "out", "--quiet"],
                                  expectation: .usageError(says: ["the output folder out holds the input file out/usage.csv (stage 'usage')"]))
        pipeline.unchangedFiles = ["out/usage.csv"]
        pipeline.absentAfterFailure = ["out.lock", "out/series.csv"]
        cases += [inFolder, history, pipeline]
        return cases
    }
}

/// A small deterministic byte source (xorshift), so "garbage" is the same on every run.
struct SeededBytes {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next(avoidingZero: Bool) -> UInt8 {
        while true {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            let byte = UInt8(truncatingIfNeeded: state >> 24)
            if !(avoidingZero && byte == 0) { return byte }
        }
    }
}
