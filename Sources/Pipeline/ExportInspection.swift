import Tabular

/// `quartermaster inspect` (issue 17): what the tool sees in an export before anyone writes
/// a pipeline — encoding, delimiter, header, row count, each column's guessed type with
/// samples, and, for an input kind, a suggested column map, the required roles it could not
/// find, an `unpivot:` block for a month-per-column sheet, and the import stage to copy.
///
/// The whole file is streamed once through `CSVReader`; per column the first `sampleLimit`
/// non-empty values are kept for the type guess, and every later value is read as the guessed
/// type without being kept (`ValueCheck`), so the counts cover the whole file while memory
/// stays flat in the number of rows.
public struct ExportInspection: Sendable {
    /// Non-empty values per column that the type guess looks at.
    public static let sampleLimit = 1_000

    public struct Column: Sendable {
        public var header: String
        /// text, number, date, period or empty.
        public var type: String
        /// For a date column: the format that reads it (iso, mdy, dmy, DD-MMM-YY, ..., auto).
        public var dateFormat: String?
        /// The import reads the column in `dateFormat`'s order without being told (dotted dates
        /// are day-first): the suggestions leave the format out.
        public var dateFormatIsDefault = false
        /// Share of the examined non-empty values that read as the type (dates, numbers, periods).
        public var share: Double?
        public var examined: Int
        public var samples: [String]
        public var emptyCells: Int
        /// Examined values that read as the type.
        public var read = 0
        /// The first values that do not read as the type, with their lines.
        public var notRead: [Sample] = []
        /// A number column read with a decimal comma (`3,5`, `1.234,50`).
        public var decimalComma = false
        /// A number column holding values that read one way with a decimal comma and another
        /// with a point (`1.200`), in a file no value of which tells: the import rejects them
        /// until the mark is given, so they are not called read.
        public var markInDoubt = false
        /// How a date column's dates look written day-first (`DayFirstLook.sentence`), or nil.
        public var dayFirstLook: String?
        /// A date column's first and last day as the import reads them (two-digit years in the
        /// file's window), so a wrong century or order shows before an import: nil otherwise.
        public var dates: String?
    }

    public struct UnpivotSuggestion: Sendable, Equatable {
        public var columns: String
        public var namesTo: String
        public var valuesTo: String
        /// The date format the headers need (`YYYYMM` for `202401`), nil when the default reads them.
        public var dateFormat: String? = nil
        /// For headers holding two names (`Hrs_RN_emp`): the pattern splitting them.
        public var namesPattern: String? = nil
        /// The pay types the second names stand for (`emp` regular, `ctr` agency), or empty.
        public var payTypes: [String: String] = [:]
        /// The `unpivot:` block's lines, each indented by `indent`.
        func yamlBlock(indent: String) -> String {
            var lines = ["columns: \(yamlColumns)", "names_to: \(yamlNamesTo)"]
            if let namesPattern { lines.append("names_pattern: \"\(namesPattern.replacingOccurrences("\\", "\\\\"))\"") }
            lines.append("values_to: \(valuesTo)")
            if !payTypes.isEmpty { lines.append("values_map: {pay_type: {" + recodings(": ", ", ") + "}}") }
            return lines.map { indent + $0 + "\n" }.joined()
        }
        /// `payTypes` sorted, each name and pay type joined by `pair`, the pairs by `separator`:
        /// YAML's `ctr: agency, emp: regular`, `--pay-codes`' `ctr=agency,emp=regular`.
        func recodings(_ pair: String, _ separator: String) -> String {
            payTypes.keys.sorted().map { $0 + pair + payTypes[$0]! }.joined(separator: separator)
        }
        /// `names_to:` in YAML: one role bare, several as a list.
        public var yamlNamesTo: String { namesTo.contains(",") ? "[" + namesTo.split(separator: ",").joined(separator: ", ") + "]" : namesTo }
        /// `columns:` in YAML: one glob quoted, several as a list.
        public var yamlColumns: String {
            let globs = columns.split(separator: ",").map { ExportInspection.quoted(String($0)) }
            return globs.count == 1 ? "\"\(columns)\"" : "[" + globs.joined(separator: ", ") + "]"
        }
    }

    public var file: String
    public var encoding: String
    public var encodingNote: String?
    public var delimiter: UInt8
    /// The delimiter Excel's first line `sep=;` names (the header is on line 2), when it has one.
    public var separatorLine: UInt8?
    public var header: [String]
    /// The header's line when lines above it look like a title; nil when it is the first line.
    public var headerLine: Int?
    /// Data rows: blank lines and repeated header lines, which the import skips, not included.
    public var rows: Int
    /// Data lines identical, field for field, to an earlier one (`RepeatedLines`).
    public var repeatedLines = 0
    /// Lines that repeat the header (a report's page headers), and the first one's line.
    public var repeatedHeaders = 0, firstRepeatedHeader: Int?
    /// Lines with no value (blank, or delimiters alone), and the first one's line.
    public var blankLines = 0, firstBlank: Int?
    public var columns: [Column]
    /// The file's numbers are written with a decimal comma (`--decimal-comma`, `decimal: comma`).
    public var decimalComma: Bool
    /// The file's numbers are written with a decimal point that must be stated
    /// (`--decimal-point`, `decimal: point`): `1,500` beside semicolons and `1,234.50`.
    public var decimalPoint = false
    /// What to fix before importing: a title above the header, rows wider or narrower than
    /// the header, a totals row.
    public var warnings: [String]
    /// The line of a last row that looks like a totals row.
    public var totalsLine: Int?
    /// How the file's slash dates are read when their evidence turns them day-first: the order
    /// and the column whose date decided it (`dateOrder(_:header:)`), as the import's note says.
    public var dateOrder: String?
    public var kind: String?
    /// Role -> header, in the order of the kind's roles.
    public var suggestedMap: [(role: String, header: String)] = []
    public var missingRequired: [String] = []
    /// Columns no role of the kind reads (none when an unpivot reads the rest), each with the
    /// role its words suggest (`Purchase UOM`: uom), if any: listed so that nothing the export
    /// holds is left out of the map without a word.
    public var unreadColumns: [(header: String, role: String?)] = []
    /// What the map chose between (`notesOnTheMap(_:used:)`): a column taken only as the last fit,
    /// or left out for another (`On Hand $` for `On Hand Qty`, `Home Unit` for `Worked Dept`),
    /// and a price unit that is no price.
    public var mapNotes: [String] = []
    public var unpivot: UnpivotSuggestion?
    /// The field limits the file was read with: beyond the defaults, the suggested import
    /// needs them too, or it fails on the field `inspect` was told to allow.
    public var limits = CSVLimits()

    /// Reads `path` (`-` for standard input). Throws `UsageError` for an unknown kind (before
    /// the file is opened) and `InputError` for a missing, unreadable or empty file.
    ///
    /// The first `headerWindow` records are held back until the header is settled (the first
    /// line, or a line below a title), then counted; the rest stream straight into the tally,
    /// so standard input works and the file is read once.
    public init(path: String, kind: String? = nil, delimiter: UInt8? = nil, encoding: TextEncoding = .auto, limits: CSVLimits = CSVLimits()) throws {
        if let kind, InputSchema.all[kind] == nil {
            throw UsageError("unknown kind '\(kind)'; use one of \(ExportInspection.kinds.joined(separator: ", "))")
        }
        self.limits = limits
        let reader = try CSVReader(path: path, delimiter: delimiter, limits: limits, encoding: encoding)
        var early: [EarlyRow] = []
        /// Blank lines among the early rows: those below the header are counted once it is settled.
        var earlyBlanks: [Int] = []
        var settled: (header: [String], line: Int?, tally: Tally)?
        /// The header among the early rows, and a tally that has counted the rows below it.
        func settle() -> (header: [String], line: Int?, tally: Tally) {
            let found = ExportInspection.headerBelowTitle(first: reader.header, rows: early)
            let header = found.map { early[$0].fields } ?? reader.header
            let headerLine = found.map { early[$0].line }
            var tally = Tally(header: header, delimiter: reader.delimiter)
            tally.checksUTF8 = reader.encoding == .utf8
            var blanks = earlyBlanks.filter { $0 > (headerLine ?? 0) }[...]
            for row in early[(found.map { $0 + 1 } ?? 0)...] {
                while let blank = blanks.first, blank < row.line { tally.addBlank(line: blank); blanks.removeFirst() }
                tally.add(line: row.line, fields: row.bytes)
            }
            for blank in blanks { tally.addBlank(line: blank) }
            return (header, headerLine, tally)
        }
        try reader.forEachRecord { record in
            if record.isBlank {
                if settled != nil { settled!.tally.addBlank(line: record.line) } else { earlyBlanks.append(record.line) }
                return
            }
            guard settled != nil else {
                early.append(EarlyRow(line: record.line, fields: record.strings, bytes: (0..<record.count).map { Array(record[$0]) }))
                if early.count == ExportInspection.headerWindow { settled = settle() }
                return
            }
            settled!.tally.add(line: record.line, count: record.count) { record[$0] }
        }
        let (header, headerLine, tally) = settled ?? settle()
        file = reader.displayName
        self.header = header
        self.headerLine = headerLine
        rows = tally.rows
        self.encoding = reader.encoding.description
        encodingNote = reader.encodingNote
        self.delimiter = reader.delimiter
        separatorLine = reader.separatorLine
        repeatedHeaders = tally.repeatedHeaders
        firstRepeatedHeader = tally.firstRepeatedHeader
        blankLines = tally.blankLines
        firstBlank = tally.firstBlank
        // Settled from the first rows in a long file, as the checks of the later values used it.
        // Values the warning below names as undecided still read as numbers either way: the
        // column is typed as a number, not as text the import would reject.
        let mark = tally.numbers ?? NumberReadingOfFile(tally.samples, delimiter: reader.delimiter)
        decimalComma = mark.comma
        decimalPoint = mark.statePoint
        let guesses = header.indices.map { k in
            ExportInspection.guess(header: header[k], samples: tally.samples[k], empty: tally.empty[k], numbers: mark.parser)
        }
        // A column whose sample is all there is was never checked beyond it: its check is
        // made now, from the sample, for the dates it spans.
        let checks = header.indices.map { k in
            tally.checks[k].isSettled ? tally.checks[k] : ValueCheck(column: guesses[k], sample: tally.samples[k], numbers: mark.parser)
        }
        // The order of the slash dates is the file's, as the import decides it.
        let order = ExportInspection.dateOrder(checks.map(\.order), header: header)
        // Every slash date reads either way: day-first when the numbers are written with a
        // decimal comma, as the import reads them with --decimal-comma, and said either way.
        let eitherWay = EitherWaySpans.of(checks.compactMap(\.order))
        // Or when a column's dates are all the 1st of a month written day-first, which
        // month-first would all be January 1-12 (`DayMonthEvidence.firstsOfMonths`), as the
        // import reads them.
        let firsts = eitherWay != nil && !order.dayFirst ? header.indices.first { checks[$0].order?.firstsOfMonths == true } : nil
        let dayFirst = order.dayFirst || (eitherWay != nil && mark.comma) || firsts != nil
        columns = header.indices.map { k in checks[k].merged(into: guesses[k], fileDayFirst: dayFirst) }
        totalsLine = ExportInspection.totalsRowLine(tally)
        warnings = ExportInspection.warnings(tally, header: header, headerLine: headerLine, totalsLine: totalsLine, delimiter: reader.delimiter)
        if let stray = tally.strayBytes.warning(header: header) { warnings.append(stray) }
        if let repeated = tally.repeatedLines.warning { warnings.append(repeated) }
        repeatedLines = tally.repeatedLines.repeats
        if let said = order.said {
            if order.dayFirst { dateOrder = said } else { warnings.append(said) }
        }
        if let eitherWay {
            let slash = header.indices.filter { checks[$0].order?.slashDates == true }.map { "'\(header[$0].clipped)'" }
            let named = slash.joinedWithAnd
            let said = eitherWay.sentence("every slash date in \(named)", dayFirst: dayFirst,
                                          why: firsts.map { "as the import reads them, since every date in '\(header[$0].clipped)' is then the 1st of a month (01/MM/YYYY), while read month-first they would all fall on January 1-12" }
                                            ?? (dayFirst ? "as the import reads them with --decimal-comma (decimal: comma), since the numbers are written with a decimal comma, which goes with day-first dates" : "the default"),
                                          kind: kind)
            if dayFirst { dateOrder = said } else { warnings.append(said) }
        }
        if let doubt = mark.undecided {
            let comma = NumberParser(decimalComma: true), point = NumberParser()
            for k in columns.indices where columns[k].type == "number" {
                columns[k].markInDoubt = tally.samples[k].contains { comma.parse($0.text) != point.parse($0.text) }
            }
            // `1,500` is 1.5 with a decimal comma and 1,500 with a point; `1.200` the other way round.
            let byComma = NumberParser(decimalComma: true).parse(doubt), byPoint = NumberParser().parse(doubt)
            let readings = [byComma.map { "\(NumberFormat.fixed($0)) with a decimal comma" }, byPoint.map { "\(NumberFormat.fixed($0)) with a decimal point" }]
                .compactMap { $0 }.joined(separator: " and as ")
            warnings.append("'\(doubt)' reads as \(readings), and no value tells which: give --decimal-comma or --decimal-point (decimal: comma or point)")
        }
        for column in columns where firsts == nil {
            guard let look = column.dayFirstLook else { continue }
            warnings.append(look + ": if the export is monthly, add --date-format dmy")
        }
        self.kind = kind
        if let kind, let schema = InputSchema.all[kind] { suggest(schema) }
    }

    /// The file's one order of slash dates, decided as the import decides it
    /// (`TableImport.secondLook`, `TableImport.orderConflict`) from the evidence of every date
    /// column (`order`, nil for other columns): day-first when some column of slash dates holds
    /// a date that reads only so and no column one that reads only month-first. `said` is the
    /// sentence for the report: which order and from which column, or the two columns whose
    /// dates contradict each other, which stops the import.
    static func dateOrder(_ order: [DayMonthEvidence?], header: [String]) -> (dayFirst: Bool, said: String?) {
        let monthColumn = order.indices.first { order[$0]?.monthFirst == true }
        let dayColumn = order.indices.first { $0 != monthColumn && order[$0]?.dayFirst != nil }
        func at(_ line: Int) -> String { line > 0 ? " on line \(line)" : "" }
        if let monthColumn, let dayColumn, let day = order[dayColumn], let month = order[monthColumn],
           let dayExample = day.dayFirst, let monthExample = month.monthFirstExample {
            return (false, "the dates are written in two orders: '\(dayExample.clipped)' in '\(header[dayColumn].clipped)'\(at(day.dayFirstLine)) reads only day-first (DD/MM/YYYY), while '\(monthExample.clipped)' in '\(header[monthColumn].clipped)'\(at(month.monthFirstLine)) reads only month-first (MM/DD/YYYY); the import stops on such a file: check those lines, then give the order with --date-format dmy or --date-format mdy (date_format: in a pipeline)")
        }
        // The earliest such date names the decision, as the import's note does.
        guard monthColumn == nil, let decider = order.indices.filter({ order[$0]?.callsForDayFirst == true })
                .min(by: { (order[$0]?.dayFirstLine ?? 0) < (order[$1]?.dayFirstLine ?? 0) }),
              let evidence = order[decider], let example = evidence.dayFirst else { return (false, nil) }
        let slashColumns = order.indices.filter { order[$0].map { $0.slashDates && !$0.otherShape } ?? false }
        let named = slashColumns.map { "'\(header[$0].clipped)'" }
        let columns = named.joinedWithAnd
        return (true, "slash dates read day-first (DD/MM/YYYY) in \(columns), the file's one order for its dates, as the import reads them: '\(example.clipped)' in '\(header[decider].clipped)'\(at(evidence.dayFirstLine)) reads only so, and no date reads only month-first; if they are month-first, give --date-format mdy (date_format: mdy in a pipeline)")
    }

    public static var kinds: [String] {
        ["usage", "items", "inventory", "timekeeping", "census", "staffing_targets", "budget", "actuals", "volumes"].filter { InputSchema.all[$0] != nil }
            + InputSchema.all.keys.sorted().filter { !["usage", "items", "inventory", "timekeeping", "census", "staffing_targets", "budget", "actuals", "volumes"].contains($0) }
    }

    // MARK: - Roles

    /// Other names exports use for a role, compared without case, spaces or punctuation
    /// (`Item #` is `item`, `On Hand` is `on_hand`). Kept small on purpose.
    static let synonyms: [String: [String]] = [
        // ERP issue and pharmacy dispensing exports (`Issue Qty`, `Qty Dispensed`): each word's
        // order is one (`HeaderWords`), so `Dispensed Qty` is found too. What was used before
        // what was ordered: a par-location export with both had its orders forecast as its use
        // (a purchase order's `quantity` is what was ordered, and has no `Qty Used`).
        "quantity": ["Qty", "Quantity", "Qty Issued", "Quantity Issued", "Issued Qty", "Issue Qty", "Qty Used", "Used Qty", "Quantity Used", "Usage Qty",
                     "Usage Quantity", "Qty Consumed", "Consumed Qty", "Quantity Consumed", "Qty Dispensed", "Dispensed Qty",
                     "Qty Ordered", "Quantity Ordered", "Order Qty", "Ordered Qty"],
        // Purchase order lines: an ERP's PO export names the PO and the received quantity so;
        // left unmapped, a line exported once per receipt counts twice and every receipt as full.
        "po": ["PO", "PO Number", "PO #", "PO No", "PO Num", "Purchase Order", "PO ID"],
        "po_line": ["PO Line", "Line", "Line Number", "Line #", "Line No", "PO Line Number"],
        // A receipt's own number (a receiver, a goods receipt): two receipts of one line alike
        // in quantity and day are two (`InputSchema.orderReceipt`).
        "receipt": ["Receipt Number", "Receipt #", "Receipt No", "Receipt ID", "Receiver Number", "Receiver #", "Receiver No", "GR Number", "Goods Receipt Number"],
        // PeopleSoft and Lawson write `Receipt Qty`: a quantity, not the receipt's number.
        "received_quantity": ["Qty Received", "Received Qty", "Quantity Received", "Rcvd Qty", "Qty Rcvd", "Receipt Qty", "Receipt Quantity", "Qty Receipt"],
        "receipt_date": ["Received Date", "Date Received", "Rcpt Date", "Receive Date", "GR Date", "Goods Receipt Date"],
        // SAP's purchasing document date (ME2N's `Doc. Date`) is the order's.
        "order_date": ["PO Date", "Ordered Date", "Doc Date", "Document Date", "PO Created Date", "PO Create Date"],
        "unit_price": ["Price", "PO Price", "Unit Cost"],
        "expiry_date": ["Expiration Date", "Exp Date", "Expiry", "Expiration", "Expires", "Use By", "Use By Date", "Best Before"],
        "lot": ["Lot Number", "Lot #", "Lot No", "Batch"],
        "status": ["Line Status", "PO Status", "Order Status"],
        "item": ["Item #", "Item", "SKU", "Item Number", "Item No", "Item ID", "Item Code", "Product Code", "NDC", "NDC/Item", "Medication", "Drug", "Drug Name", "Material",
                 "Part Number", "Part #", "Part No"],
        // Not `Month`: a daily sheet's `Month` of 1 to 12 is a part of the date. A column of
        // periods (`2024-01`) is found by its values (`suggest`).
        "date": ["Date", "Trans Date", "Transaction Date", "Work Date", "Issue Date", "Dispense Date", "Usage Date", "Service Date"],
        // Kronos/UKG's `Apply Date` is the day the hours count for; a census is taken on its day.
        "timekeeping.date": ["Apply Date", "Shift Date", "Punch Date", "Worked Date"],
        "census.date": ["Census Date", "Report Date"],
        "shifts.date": ["Shift Date", "Census Date"],
        "on_hand": ["On Hand", "QOH", "Qty On Hand"],
        "on_order": ["On Order", "On Order Qty", "Open PO Qty", "Open Order Qty", "Qty on PO", "PO Qty", "Open PO", "Open Orders"],
        "unit_cost": ["Unit Cost", "Cost", "Price", "Unit Price", "Cost per Dose", "Cost per Unit", "Avg Cost", "Standard Cost", "Std Unit Cost",
                      "Last Cost", "Current Cost", "Item Cost", "Contract Cost", "Cost Each", "Price Each"],
        // A pharmacy formulary's columns (the demo's formulary.csv): left unmapped, packs of 25
        // were read as packs of 1.
        "prior_unit_cost": ["Prior Cost", "Prior Cost per Dose", "Previous Cost", "Prior Unit Cost"],
        "pack_size": ["Package Size", "Pack Size", "Pkg Size", "Pack Qty", "Units per Pack", "Case Qty", "Case Size", "Units per Case",
                      "Pack Quantity", "Conversion Factor", "UOM Conversion", "Each per Case"],
        "lead_time_sd_days": ["Lead Time SD", "Lead Time Std Dev", "Lead Time Standard Deviation", "Lead Time Variability"],
        "lead_time_weeks": ["Lead Time Weeks", "Lead Weeks", "Lead Time Wks"],
        "lead_time_days": ["Lead Time", "Lead Days", "Lead Time Day", "Replenishment Lead Time", "Delivery Days"],
        "min_order_qty": ["MOQ", "Min Order", "Minimum Order", "Minimum Order Quantity", "Order Minimum"],
        "review_period_days": ["Review Period", "Review Days", "Order Cycle", "Order Cycle Days", "Review Cycle"],
        "shelf_life_days": ["Shelf Life", "Shelf Life Day", "Shelf Days"],
        "criticality": ["Crit", "Criticality Code", "Criticality Class", "VEN", "VEN Class", "VEN Code", "Critical Flag"],
        "service_level": ["Service Level Target", "Target Service Level", "Fill Rate Target", "Service Target"],
        "par_level": ["Par", "Par Qty", "Par Level Qty", "Par Quantity"],
        "discontinued": ["Discontinued Flag", "Is Discontinued"],
        "replaced_by": ["Replacement Item", "Replacement", "Substitute", "Substitute Item", "Successor", "Superseded By"],
        "admissions": ["Admits", "Admit Count", "Admission Count"],
        "visits": ["Visit Count", "Encounters", "Encounter Count"],
        "shift": ["Shift Name", "Shift Code"],
        "patients": ["Patient Count", "Census", "Pts"],
        "account": ["Account Number", "GL Account", "Account Code", "Account Name", "Object Code", "Cost Element"],
        "period": ["Fiscal Period", "Posting Period", "Period Name", "Accounting Period"],
        "fiscal_year": ["Fiscal Year", "FY"],
        "account_type": ["Account Category", "Acct Type", "Expense Type", "Revenue or Expense"],
        "contract_price": ["Contract Price", "Contract Cost", "Agreement Price", "GPO Price"],
        "manufacture_date": ["Manufacture Date", "Mfg Date", "Date of Manufacture", "Production Date"],
        "category": ["Therapeutic Class", "Category", "Class"],
        "as_of": ["Count Date", "Snapshot Date", "As Of Date", "Inventory Date", "Stock Date", "As Of"],
        "department": ["Dept", "Department", "Cost Center"],
        "description": ["Description", "Desc", "Item Description", "Item Name", "Product Description", "Product Name", "Short Description"],
        "location": ["Location", "Loc", "Par Location", "Storeroom", "Inventory Location", "Stock Location", "Bin Location", "Warehouse"],
        // CMS's payroll-based journal names the facility PROVNAME, its residents MDScensus.
        // A timekeeping export's hours belong where they were worked: `Worked Unit` before
        // `Home Unit`, and worked hours, never paid ones (`Hours Paid` beside `Hours Worked` were
        // suggested as two units of one unpivot, and paid and worked hours summed).
        // `Worked Dept` (Kronos/UKG) is the worked unit too, and any `Home ...` column is taken only
        // when nothing else names the unit (`Fit.lastResort`): beside `Worked Dept`, `Home Unit`
        // was mapped, and a float pool's 2,016 hours left 4W (1.8 HPPD flagged for 3.0).
        "unit": ["Unit", "Nursing Unit", "Worked Unit", "Work Unit", "Unit Worked", "Worked Department", "Department Worked", "Work Department",
                 "Worked Cost Center", "Charged Department", "Charge Department", "Home Unit", "Home Department", "Cost Center", "Department", "PROVNAME", "Provider Name", "Facility", "Facility Name"],
        "hours": ["Hours", "Hrs", "Worked Hours", "Hours Worked", "Hrs Worked", "Worked Hrs", "Total Hours Worked"],
        "uom": ["UOM", "Unit of Measure", "Issue UOM", "Stock UOM", "Base UOM"],
        "vendor": ["Vendor", "Supplier", "Vendor Name", "Primary Vendor", "Distributor"],
        "job_code": ["Job Code", "Job"],
        // Timekeeping and staffing targets (the demo's own headers): left unmapped, PTO counted
        // as worked hours with no overtime or agency, and overtime was costed at 1.5x whatever
        // the targets said.
        "pay_type": ["Pay Code", "PayCode", "Pay Type", "Earnings Code", "Earning Code", "Earn Code", "Hours Type"],
        "employee": ["Emp ID", "Employee ID", "Employee", "Emp No", "Employee Number", "Badge"],
        "overtime_multiplier": ["OT Multiplier", "Overtime Multiplier", "OT Factor", "OT Rate Multiplier"],
        "agency_rate": ["Agency Rate", "Agency Hourly Rate", "Contract Labor Rate"],
        "hourly_rate": ["Hourly Rate", "Base Rate", "Avg Hourly Rate"],
        "budgeted_fte": ["Budgeted FTE", "Budget FTE", "FTE Budget"],
        "target_hppd": ["Target HPPD", "HPPD", "HPPD Target", "Hours per Patient Day"],
        "max_patients_per_staff": ["Max Patients per Staff", "Ratio", "Patients per Staff"],
        "patient_days": ["Patient Days", "Census", "Midnight Census", "ADC", "MDScensus", "MDS Census", "Resident Census"],
        "amount": ["Amount", "Amt", "Net Amount", "Posted Amount", "Dollars"],
        "budget.amount": ["Budget Amount", "Budgeted Amount", "Budget Dollars", "Budget"],
        "actuals.amount": ["Actual Amount", "Actual Dollars", "Actual", "Actuals"],
        // Worked spans (punch in and out) and shift times: left unmapped, staffing --shifts
        // stopped at "timekeeping needs start and end".
        "start": ["In", "Punch In", "Clock In", "Time In", "In Punch", "Start Time", "Shift Start"],
        "end": ["Out", "Punch Out", "Clock Out", "Time Out", "Out Punch", "End Time", "Shift End"],
        // A contract's price holds from its start to its end, as GPO and GHX exports name them
        // (`Effective Date`, `Expiration Date`): left unmapped, 2026 orders were measured against
        // a price that expired in 2025 (a false $200 variance on 2,000 units). Only for contracts:
        // a timekeeping `start` is a punch, not a date.
        "contracts.start": ["Effective Date", "Effective", "Effective From", "Start Date", "Contract Start", "Contract Start Date", "Valid From",
                            "Begin Date", "Begin", "From Date", "Date From", "Price Start Date", "Agreement Start Date"],
        "contracts.end": ["Expiration Date", "Expiry Date", "Expiration", "Expires", "Effective To", "Effective Through", "End Date", "Contract End",
                          "Contract End Date", "Valid To", "Valid Through", "Valid Until", "Through Date", "To Date", "Date To", "Price End Date",
                          "Agreement End Date"],
        // A budget's and a ledger's statistic (the demo's own `Stat Volume`): left unmapped,
        // every flexed budget equalled the budget and no variance was split by volume.
        "volume": ["Stat Volume", "Statistic Volume", "Stat Units", "Units of Service", "UOS", "Volume"],
        // A volumes file's two statistics, as finance names them: left unmapped, the file was
        // read with neither and every variance said "no volume to split it by".
        "budget_volume": ["Budget Volume", "Budgeted Volume", "Budget Stat", "Budget Statistic", "Budget Patient Days", "Budgeted Patient Days",
                          "Budget Visits", "Budget Units", "Plan Volume", "Planned Volume"],
        "actual_volume": ["Actual Volume", "Actual Stat", "Actual Statistic", "Actual Patient Days", "Actual Visits", "Actual Units", "Actual Vol"],
        // The same statistics in a budget or a ledger, whose role is `volume`: a budget's
        // `budget_volume` column was left unread without a word, and every variance was rate.
        "budget.volume": ["Budget Volume", "Budgeted Volume", "Budget Stat", "Budget Statistic", "Budget Patient Days",
                          "Budgeted Patient Days", "Budget Visits", "Budget Units", "Plan Volume", "Planned Volume"],
        "actuals.volume": ["Actual Volume", "Actual Stat", "Actual Statistic", "Actual Patient Days", "Actual Visits", "Actual Units", "Actual Vol"],
        // Fixed or variable, in British spelling too: left unread, every account was variable and
        // rent was flexed by the census (a budget director's review).
        "behavior": ["Behaviour", "Cost Behavior", "Cost Behaviour", "Fixed/Variable"],
    ]

    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// The header a role would be read from, for each of `roles` in turn: the first column
    /// not in `used` whose header spells the role's name or one of its `synonyms` (those of the
    /// role in any file, then those of `kind.role`, compared by `key`); the columns taken are
    /// added to `used`. `inspect` suggests the map from it, and an import names the columns it
    /// left unread.
    ///
    /// A column the role should take only when nothing else fits (`Fit.lastResort`: `On Hand $`
    /// for on_hand, `Home Unit` for unit) is looked at after every other column, by spelling
    /// then by words, and never when a column of its own kind is left (`On Hand Qty`); one it
    /// never fits (`Price Unit` for a price) is never taken.
    static func headersNaming(_ roles: [InputSchema.Role], of kind: String, in header: [String], used: inout Set<Int>) -> [(role: String, header: String)] {
        columnsNaming(roles, of: kind, in: header, used: &used).map { ($0.role, header[$0.column]) }
    }

    /// `headersNaming`, each role with its column's index.
    static func columnsNaming(_ roles: [InputSchema.Role], of kind: String, in header: [String], used: inout Set<Int>) -> [(role: String, column: Int)] {
        let keys = header.map(ExportInspection.key)
        let words = header.map(HeaderWords.init)
        var found: [(role: String, column: Int)] = []
        for fit in [Fit.own, Fit.lastResort] {
            // By exact spelling first, then, for the roles still unmapped, by the same words as a
            // name (`HeaderWords`): `Qty On Order` for on_order, `Std Cost` for unit_cost. After
            // every exact spelling, so that a role's own column is never taken by another's words.
            for byWords in [false, true] {
                for role in roles where !found.contains(where: { $0.role == role.name }) {
                    func fits(_ k: Int) -> Bool {
                        guard !used.contains(k), Fit(words[k], role: role.name) == fit else { return false }
                        // Money for a quantity: never while a column of units is left unread.
                        guard fit == .lastResort, words[k].isMoney, ExportInspection.quantityRoles.contains(role.name) else { return true }
                        return !header.indices.contains { !used.contains($0) && words[$0].isQuantity && !words[$0].isMoney }
                    }
                    for name in names(of: role, in: kind) {
                        let spelled = ExportInspection.key(name), named = HeaderWords(name)
                        if byWords && named.isEmpty { continue }
                        guard let k = header.indices.first(where: { fits($0) && (byWords ? words[$0].matches(named) : keys[$0] == spelled) }) else { continue }
                        used.insert(k)
                        found.append((role.name, k))
                        break
                    }
                }
            }
        }
        return roles.compactMap { role in found.first { $0.role == role.name } }
    }

    /// A role's name and its synonyms, those of the role in any file then those of `kind.role`.
    static func names(of role: InputSchema.Role, in kind: String) -> [String] {
        [role.name] + (synonyms[role.name] ?? []) + (synonyms[kind + "." + role.name] ?? [])
    }

    /// For each header not in `used`, the first of `roles` whose name or a synonym is its words
    /// with only a unit or a qualifier beside (`qualifiers`): `Max Lead Time (Days)`, `Par Level
    /// (Days)`, `Unit Cost (CS)`, `Shelf Life (Months)`. Such columns were dropped without a
    /// note (the buyer's second review): not the role as written, but like it, so the import
    /// names them as unread (`ImportStage`), as it does a role's own spelling.
    static func headersQualifying(_ roles: [InputSchema.Role], of kind: String, in header: [String], used: inout Set<Int>) -> [(role: String, header: String)] {
        var found: [(role: String, header: String)] = []
        let names = roles.map { role in (role.name, ExportInspection.names(of: role, in: kind).map(HeaderWords.init).filter { !$0.isEmpty }) }
        for k in header.indices where !used.contains(k) {
            let words = HeaderWords(header[k])
            guard !words.isEmpty, let role = names.first(where: { name in
                !found.contains { $0.role == name.0 }
                    && name.1.contains { $0.words.isStrictSubset(of: words.words) && words.words.subtracting($0.words).isSubset(of: qualifiers) } }) else { continue }
            used.insert(k)
            found.append((role.0, header[k]))
        }
        return found
    }

    /// Words that qualify a role's name without naming another: units and statistics.
    static let qualifiers: Set<String> = ["maximum", "minimum", "average", "mean", "median", "day", "week", "month", "year", "hour",
                                          "ea", "each", "cs", "case", "bx", "box", "in", "standard", "deviation", "dev", "sd"]

    /// For each header not in `used`, the first of `roles` whose name or a synonym is among its
    /// words with more beside (`Purchase UOM` holds `UOM`, `Extended Cost` holds `Cost`): not
    /// surely the role, so `inspect` offers the map entry beside the column it lists as not
    /// read, and never maps it by itself.
    static func headersResembling(_ roles: [InputSchema.Role], of kind: String, in header: [String], used: Set<Int>) -> [Int: String] {
        var resembling: [Int: String] = [:]
        let names = roles.map { role in (role.name, ExportInspection.names(of: role, in: kind).map(HeaderWords.init).filter { !$0.isEmpty }) }
        for k in header.indices where !used.contains(k) {
            let words = HeaderWords(header[k])
            guard !words.isEmpty, let role = names.first(where: { name in
                Fit(words, role: name.0) != .never && name.1.contains { words.resembles($0) } }) else { continue }
            resembling[k] = role.0
        }
        return resembling
    }

    mutating func suggest(_ schema: InputSchema) {
        var used = Set<Int>()
        suggestedMap += ExportInspection.headersNaming(schema.roles, of: schema.kind, in: header, used: &used)
        // A required date role no header names (`datum`, `Fecha`): the one column whose values
        // read as dates, or as periods where the role takes a period or no column holds dates
        // (a monthly export's `Posting Period` of `2024-01`, which the import reads).
        let isDated = { (role: InputSchema.Role) in role.type == .date || role.type == .period }
        for role in schema.roles where role.required && isDated(role) && !suggestedMap.contains(where: { $0.role == role.name }) {
            let free = header.indices.filter { !used.contains($0) }
            var typed = free.filter { columns[$0].type == "date" || (role.type == .period && columns[$0].type == "period") }
            if typed.isEmpty { typed = free.filter { columns[$0].type == "period" } }
            guard typed.count == 1 else { continue }
            used.insert(typed[0])
            suggestedMap.append((role.name, header[typed[0]]))
        }
        let mapped = Set(suggestedMap.map(\.role))
        // A month-per-column sheet: several headers that read as dates or periods.
        var dated = header.indices.filter { !used.contains($0) && DateParser().parse(header[$0].trimmed()) != nil }
        // Codes that happen to read as months (`SET-01`, September 2001) are no run of them.
        let free = header.indices.filter { !used.contains($0) }.map { header[$0] }
        if !MonthHeaderRun.isPlausible(dated.map { header[$0] }, among: free) { dated = [] }
        // Months written YYYYMM (`202401`) read only under that format, which the suggestion names.
        var headerFormat: String?
        if dated.count < 2, let yearMonth = try? DateFormat(parsing: "YYYYMM") {
            let months = header.indices.filter { !used.contains($0) && DateParser().yearMonthHint(header[$0]) != nil && DateParser(format: yearMonth).parse(header[$0].trimmed()) != nil }
            if months.count >= 2 { (dated, headerFormat) = (months, "YYYYMM") }
        }
        var names: [String] = [], glob = ""
        if dated.count >= 2 {
            // A header between the months written as they are that names none (`xyz-26`
            // between `feb-26` and `mar-26`): the import stops on it, so it is warned of here.
            let shapes = Set(dated.map { Unpivot.shape(header[$0]) })
            let odd = header.indices.filter { k in dated[0] < k && k < dated[dated.count - 1] && !dated.contains(k) && !used.contains(k)
                && Unpivot.shape(header[k]).contains("9") && shapes.contains(Unpivot.shape(header[k])) }
            if !odd.isEmpty {
                warnings.append("\(odd.map { "'\(header[$0].clipped)'" }.listed(upTo: 5)) \(odd.count == 1 ? "is" : "are") written like the month headers around \(odd.count == 1 ? "it" : "them") but \(odd.count == 1 ? "names" : "name") no month the import knows (month names and their abbreviations in English, Spanish, French, German, Italian, Portuguese and Dutch): correct or rename \(odd.count == 1 ? "it" : "them") in the export, or the import stops on \(odd.count == 1 ? "it" : "them")")
            }
            glob = ExportInspection.glob(dated.map { header[$0] })
            if let role = schema.roles.first(where: { isDated($0) && !mapped.contains($0.name) }) { names = [role.name] }
        } else {
            // Or headers sharing a prefix such as `Hrs_`.
            let rest = header.indices.filter { !used.contains($0) }
            var groups: [String: Int] = [:]
            for k in rest { if let p = ExportInspection.prefix(header[k]) { groups[p, default: 0] += 1 } }
            // The group must hold most of the numbers: a PBJ file's `Hrs_*` are most of its
            // columns, while a national census's five `totale_*` counters among twenty
            // measures are not its wards, nor are a sterile-processing sheet's `SET-01` and
            // `SET-03` among four items (`SET-*` left out `KIT-02` and `TRAY-04`).
            let numbers = rest.filter { columns[$0].type == "number" }.count
            if let (p, count) = groups.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), count >= 2, 2 * count > numbers {
                glob = p + "*"
                // Headers holding a job code and a pay type (CMS's payroll-based journal:
                // `Hrs_RN_emp`, `Hrs_RN_ctr` beside the `Hrs_RN` totals): unpivoted as one
                // name, every header became a unit.
                if let split = ExportInspection.splitNames(rest.map { header[$0] }, prefix: p, schema: schema, mapped: mapped) {
                    unpivot = split
                    glob = ""
                }
            } else if let split = ExportInspection.splitNamesBySuffix(rest.filter { columns[$0].type == "number" }.map { header[$0] }, numbers: numbers, schema: schema, mapped: mapped) {
                unpivot = split
            } else if schema.roles.contains(where: { isDated($0) && mapped.contains($0.name) }) {
                // Or, beside the date, nothing but columns of numbers: one column per item (a
                // pharmacy's daily sales by drug class, `M01AB, M01AE, ...`). Columns naming a
                // part of the date (its `Year, Month, Hour, Weekday Name`) are the date's, and
                // `*` leaves them out at import.
                let items = rest.filter { !Unpivot.namesADatePart(header[$0]) }
                if items.count >= 2, items.allSatisfy({ columns[$0].type == "number" }) { glob = "*" }
            }
            if !glob.isEmpty, let role = schema.roles.first(where: { $0.type == .text && $0.required && !mapped.contains($0.name) }) { names = [role.name] }
        }
        if !glob.isEmpty {
            let value = schema.roles.first(where: { $0.type == .number && $0.required && !mapped.contains($0.name) })?.name
                ?? schema.roles.first(where: { $0.type == .number && !mapped.contains($0.name) })?.name
            if let value, let name = names.first {
                unpivot = UnpivotSuggestion(columns: glob, namesTo: name, valuesTo: value, dateFormat: headerFormat)
            }
        }
        if unpivot == nil {
            let resembling = ExportInspection.headersResembling(schema.roles.filter { !mapped.contains($0.name) }, of: schema.kind, in: header, used: used)
            let severalUnits = pricesAreForSeveralUnits()
            unreadColumns = header.indices.filter { !used.contains($0) && !header[$0].trimmed().isEmpty }.map { k in
                (header[k], resembling[k].flatMap { severalUnits && ExportInspection.moneyRoles.contains($0) ? nil : $0 })
            }
        }
        mapNotes = notesOnTheMap(schema, used: used)
        let filled = mapped.union(unpivot.map { $0.namesTo.split(separator: ",").map(String.init) + [$0.valuesTo] } ?? [])
        missingRequired = schema.roles.filter { $0.required && !filled.contains($0.name) }.map(\.name)
    }

    /// Headers `PREFIX` + a job code + `_` + one of two or more pay-type words, each word on
    /// two headers or more (`Hrs_RN_emp`, `Hrs_LPN_ctr`, ...): the unpivot that reads them
    /// as job_code and pay_type, leaving out the prefix's totals (`Hrs_RN`), which would count
    /// each hour twice. Only for a kind with both roles unmapped (timekeeping).
    static func splitNames(_ headers: [String], prefix: String, schema: InputSchema, mapped: Set<String>) -> UnpivotSuggestion? {
        let roles = Set(schema.roles.map(\.name))
        guard roles.isSuperset(of: ["job_code", "pay_type"]), mapped.isDisjoint(with: ["job_code", "pay_type"]),
              let value = schema.roles.first(where: { $0.type == .number && $0.required && !mapped.contains($0.name) })?.name else { return nil }
        var words: [String: Int] = [:]
        for h in headers where h.hasPrefix(prefix) {
            let rest = h.dropFirst(prefix.count)
            guard let cut = rest.lastIndex(of: "_"), cut != rest.startIndex, rest.index(after: cut) != rest.endIndex else { continue }
            words[String(rest[rest.index(after: cut)...]), default: 0] += 1
        }
        let kept = words.filter { $0.value >= 2 }.keys.sorted()
        guard kept.count >= 2, kept.allSatisfy({ $0.allSatisfy { $0.isLetter } }) else { return nil }
        let escaped = prefix.map { ".^$*+?()[]{}|\\".contains($0) ? "\\" + String($0) : String($0) }.joined()
        let known = ["emp": "regular", "ctr": "agency"]
        let payTypes = kept.allSatisfy { known[$0] != nil } ? known.filter { kept.contains($0.key) } : [:]
        return UnpivotSuggestion(columns: kept.map { prefix + "*_" + $0 }.joined(separator: ","), namesTo: "job_code,pay_type", valuesTo: value,
                                 namesPattern: escaped + "(.*)_(" + kept.joined(separator: "|") + ")", payTypes: payTypes)
    }

    /// Headers of numbers sharing their last word, most of the file's numbers (a timekeeping
    /// sheet's `RN Reg Hrs, RN OT Hrs, LPN Reg Hrs, CNA OT Hrs, Total Hrs`): the unpivot reading
    /// the words before it as job_code and pay_type (`(.*) (Reg|OT) Hrs`, each pay word on two
    /// headers or more), or as job_code alone, leaving a totals column (`Total Hrs`) out since
    /// it would count each hour twice. Such a sheet got "required roles not found: hours" and
    /// no word of an unpivot (a reviewer's case).
    static func splitNamesBySuffix(_ headers: [String], numbers: Int, schema: InputSchema, mapped: Set<String>) -> UnpivotSuggestion? {
        let roles = Set(schema.roles.map(\.name))
        guard roles.contains("job_code"), !mapped.contains("job_code"),
              let value = schema.roles.first(where: { $0.type == .number && $0.required && !mapped.contains($0.name) })?.name else { return nil }
        let isSeparator = { (c: Character) in c == " " || c == "_" || c == "-" }
        var groups: [String: [String]] = [:]
        for h in headers {
            guard let cut = h.lastIndex(where: isSeparator), cut != h.startIndex, h.index(after: cut) != h.endIndex else { continue }
            groups[String(h[cut...]), default: []].append(h)
        }
        guard let (suffix, members) = groups.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }),
              members.count >= 2, 2 * members.count >= numbers else { return nil }
        let stems = members.map { String($0.dropLast(suffix.count)) }
        let totals: Set<String> = ["total", "totals", "grandtotal", "sum", "all"]
        let kept = stems.filter { !totals.contains(ExportInspection.key($0)) }
        guard kept.count >= 2 else { return nil }
        let escape = { (text: String) in text.map { ".^$*+?()[]{}|\\".contains($0) ? "\\" + String($0) : String($0) }.joined() }
        var words: [String: Int] = [:], separators: [String: Character] = [:]
        for stem in kept {
            guard let cut = stem.lastIndex(where: isSeparator), cut != stem.startIndex, stem.index(after: cut) != stem.endIndex else { continue }
            let word = String(stem[stem.index(after: cut)...])
            words[word, default: 0] += 1
            separators[word] = stem[cut]
        }
        let payWords = words.filter { $0.value >= 2 }.keys.sorted()
        if roles.contains("pay_type"), !mapped.contains("pay_type"), payWords.count >= 2, payWords.allSatisfy({ $0.allSatisfy(\.isLetter) }),
           Set(payWords.compactMap { separators[$0] }).count == 1, let separator = separators[payWords[0]] {
            return UnpivotSuggestion(columns: payWords.map { "*" + String(separator) + $0 + suffix }.joined(separator: ","), namesTo: "job_code,pay_type", valuesTo: value,
                                     namesPattern: "(.*)" + escape(String(separator)) + "(" + payWords.map(escape).joined(separator: "|") + ")" + escape(suffix))
        }
        let columns = members.filter { !totals.contains(ExportInspection.key(String($0.dropLast(suffix.count)))) }
        return UnpivotSuggestion(columns: kept.count == members.count ? "*" + suffix : columns.joined(separator: ","), namesTo: "job_code", valuesTo: value,
                                 namesPattern: "(.*)" + escape(suffix))
    }

    /// A glob for the headers: their common prefix cut back to a separator (`2026-*`), else
    /// the headers themselves, comma-separated.
    static func glob(_ headers: [String]) -> String {
        var common = headers[0]
        for h in headers.dropFirst() { while !h.hasPrefix(common) { common.removeLast() } }
        if let cut = common.lastIndex(where: { !$0.isLetter && !$0.isNumber }) {
            return String(common[...cut]) + "*"
        }
        return headers.joined(separator: ",")
    }

    /// The text up to and including the first `_`, `-` or space, when something follows it.
    static func prefix(_ header: String) -> String? {
        guard let i = header.firstIndex(where: { $0 == "_" || $0 == "-" || $0 == " " }), i != header.startIndex,
              header.index(after: i) != header.endIndex else { return nil }
        return String(header[...i])
    }

    // MARK: - Report

    /// A header line break as a space, as the import matches it (`"Qty\nIssued"` is `Qty Issued`):
    /// pasted, the map reaches the header on one line.
    static func quoted(_ text: String) -> String {
        let text = text.lineBreaksAsSpaces
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? text : "\"" + text.replacingOccurrences("\"", "\"\"") + "\""
    }

    /// `quoted` for YAML: a double-quoted scalar escapes `"` and `\` with a backslash (`""` is
    /// no YAML, and the suggested `item: "Item ""Code"""` failed to parse), and a
    /// line break inside one folds to a space, so it is written as one.
    static func yamlQuoted(_ text: String) -> String {
        let text = text.lineBreaksAsSpaces
        guard !text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return text }
        return "\"" + text.replacingOccurrences("\\", "\\\\").replacingOccurrences("\"", "\\\"") + "\""
    }

    var delimiterName: String {
        switch delimiter {
        case 0x09: return "tab"
        default: return "'" + String(UnicodeScalar(delimiter)) + "'"
        }
    }

    /// What the `sep=` first line said, for the delimiter's line of the report.
    var separatorLineText: String? {
        guard let separatorLine else { return nil }
        let named = separatorLine == 0x09 ? "tab" : "'" + String(UnicodeScalar(separatorLine)) + "'"
        let line = "sep=" + (separatorLine == 0x09 ? "\\t" : String(UnicodeScalar(separatorLine)))
        return separatorLine == delimiter
            ? "from line 1, '\(line)', Excel's delimiter line; imports read it too, and the header below it"
            : "as given; line 1, '\(line)', Excel's delimiter line, names \(named); imports skip it"
    }

    /// The `--columns` value, e.g. `date="Trans Date",item="Item #"`.
    public var columnsFlag: String {
        suggestedMap.map { "\($0.role)=\(ExportInspection.quoted($0.header))" }.joined(separator: ",")
    }

    /// For a usage export: the map `forecast` and `aggregate` take, without the roles they do
    /// not read (`department`, `unit_cost`, `location`), which they refuse whole ("unknown
    /// column role 'department'"). Nil for another kind, or when no role is left.
    public var seriesColumnsFlag: String? {
        guard kind == "usage" else { return nil }
        let read = suggestedMap.filter { SeriesImport.roles.contains(SeriesImport.role($0.role)) }
        return read.isEmpty ? nil : read.map { "\($0.role)=\(ExportInspection.quoted($0.header))" }.joined(separator: ",")
    }

    /// For a usage export: the whole map with each role written `usage.role`, as the commands
    /// reading several files take it (`reorder --usage`, `purchasing --usage`): their one
    /// `--columns` is for every file, and a bare `quantity="Qty Issued"` was looked for in the
    /// purchase orders too, which stopped at "missing required column 'Qty Issued'".
    public var folderColumnsFlag: String? {
        guard kind == "usage", !suggestedMap.isEmpty else { return nil }
        return suggestedMap.map { "usage.\($0.role)=\(ExportInspection.quoted($0.header))" }.joined(separator: ",")
    }

    public var report: String {
        var out = "file: \(file)\n"
        out += "encoding: \(encoding)\(encodingNote.map { " (\($0))" } ?? "")\n"
        out += "delimiter: \(delimiterName)\(separatorLineText.map { " (\($0))" } ?? "")\n"
        let line = headerLine ?? (separatorLine == nil ? nil : 2)
        out += "header: \(header.joined(separator: String(UnicodeScalar(delimiter))))\(line.map { " (line \($0))" } ?? "")\n"
        out += "rows: \(rows) data rows\(skippedLinesText)\n"
        if let dateOrder { out += "date order: \(dateOrder)\n" }
        for warning in warnings { out += "warning: \(warning)\n" }
        // A header named twice is refused by every import that maps it (which column would it
        // be?): said here, before a map that names it is suggested.
        var positions: [String: [Int]] = [:]
        for (k, name) in header.enumerated() where !name.trimmed().isEmpty { positions[name.matchKey(), default: []].append(k + 1) }
        let repeated = header.enumerated().compactMap { k, name -> String? in
            guard let at = positions[name.matchKey()], at.count > 1, at[0] == k + 1 else { return nil }
            return "'\(name)' (columns \(at.map(String.init).joined(separator: ", ")))"
        }
        if !repeated.isEmpty {
            out += "warning: the header names \(repeated.joined(separator: ", ")) more than once: an import mapping \(repeated.count == 1 ? "it" : "one of them") fails until one is renamed in the export\n"
        }
        out += "\ncolumns:\n"
        for (k, c) in columns.enumerated() {
            out += "  \(k + 1). \(c.header): \(ExportInspection.typeText(c)); \(c.emptyCells) empty\n"
            if !c.samples.isEmpty { out += "     samples: \(c.samples.map { "'\($0)'" }.joined(separator: ", "))\n" }
            if let dates = c.dates { out += "     dates: \(dates)\n" }
            if !c.notRead.isEmpty { out += "     not read: \(notReadText(c))\n" }
        }
        guard let kind, let schema = InputSchema.all[kind] else { return out }
        out += "\nas \(kind):\n"
        if suggestedMap.isEmpty {
            out += "  no column matches a role of \(kind)\n"
        } else if let folderColumnsFlag {
            // A map for each command that reads the file: the series import takes fewer roles,
            // and the folder commands one map for all their files.
            if let seriesColumnsFlag { out += "  forecast, aggregate: --columns '\(seriesColumnsFlag)'\n" }
            out += "  reorder, purchasing (--usage): --columns '\(folderColumnsFlag)'\n"
            out += "    (this file's roles only: add the other files' maps after a comma, as `inspect FILE --kind items` and the like suggest them)\n"
        } else {
            out += "  --columns '\(columnsFlag)'\n"
        }
        let mappedTwice = suggestedMap.filter { (positions[$0.header.matchKey()]?.count ?? 0) > 1 }.map { "'\($0.header)'" }
        if !mappedTwice.isEmpty {
            out += "  the map names \(mappedTwice.joined(separator: ", ")), which the header has more than once: rename one in the export first\n"
        }
        if !missingRequired.isEmpty {
            out += "  required roles not found: \(missingRequired.joined(separator: ", "))\n"
        } else if mappedTwice.isEmpty {
            out += "  every required role is found\n"
        }
        if !unreadColumns.isEmpty {
            let prefix = folderColumnsFlag == nil ? "" : "usage."
            let listed = unreadColumns.map { column in
                "'\(column.header)'" + (column.role.map { " (if it is the \($0), add \(prefix)\($0)=\(ExportInspection.quoted(column.header)) to the map)" } ?? "")
            }
            out += "  not read: \(listed.joined(separator: ", "))\n"
        }
        for note in mapNotes { out += "  \(note)\n" }
        for note in roleTypeNotes(schema) { out += "  \(note)\n" }
        let dateFormat = dateRoleFormat
        // The format the import must be told: not one it reads by itself.
        let neededFormat = (dateFormat ?? unpivot?.dateFormat).flatMap { format in
            format != "auto" && format != "iso" && (format != "mdy" || !dateRoleReadsAutomatically) ? format : nil
        }
        var flags: [String] = []
        if let unpivot {
            out += "  wide sheet: unpivot the columns \(unpivot.columns)\n"
            out += "    unpivot:\n" + unpivot.yamlBlock(indent: "      ")
            flags.append("--unpivot '\(unpivot.columns)' --names-to \(unpivot.namesTo)" + (unpivot.namesPattern.map { " --names-pattern '\($0)'" } ?? "")
                + " --values-to \(unpivot.valuesTo)" + (unpivot.dateFormat.map { " --date-format \($0)" } ?? "")
                + (unpivot.payTypes.isEmpty ? "" : " --pay-codes " + unpivot.recodings("=", ",")))
        }
        if unpivot == nil, let neededFormat { flags.append("--date-format \(neededFormat)") }
        if decimalComma { flags.append("--decimal-comma") }
        if decimalPoint { flags.append("--decimal-point") }
        let defaults = CSVLimits()
        if limits.maxFieldBytes != defaults.maxFieldBytes { flags.append("--max-field-bytes \(limits.maxFieldBytes)") }
        if limits.maxColumns != defaults.maxColumns { flags.append("--max-columns \(limits.maxColumns)") }
        if !flags.isEmpty { out += "  flags: \(flags.joined(separator: " "))\n" }
        out += "\nimport stage:\n  \(kind):\n    kind: import\n    table: \(kind)\n    file: \(ExportInspection.yamlQuoted(file))\n"
        if let headerLine { out += "    # delete the \(headerLine == 2 ? "line" : "\(headerLine - 1) lines") above the header (line \(headerLine)) first\n" }
        if !suggestedMap.isEmpty {
            out += "    columns: {\(suggestedMap.map { "\($0.role): \(ExportInspection.yamlQuoted($0.header))" }.joined(separator: ", "))}\n"
        }
        if delimiter != UInt8(ascii: ",") { out += "    delimiter: \(delimiter == 0x09 ? "tab" : "'" + String(UnicodeScalar(delimiter)) + "'")\n" }
        if encoding != "UTF-8" { out += "    encoding: \(encoding.lowercased())\n" }
        if let neededFormat { out += "    date_format: \(neededFormat)\n" }
        if decimalComma { out += "    decimal: comma\n" }
        if decimalPoint { out += "    decimal: point\n" }
        if limits.maxFieldBytes != defaults.maxFieldBytes { out += "    max_field_bytes: \(limits.maxFieldBytes)\n" }
        if limits.maxColumns != defaults.maxColumns { out += "    max_columns: \(limits.maxColumns)\n" }
        if let unpivot {
            out += "    unpivot:\n" + unpivot.yamlBlock(indent: "      ")
        }
        return out
    }

    /// `; the import skips 1 blank line (line 46025) and 1 repeated header row (line 46026)`,
    /// or nothing: lines that hold no row, named as the import's summary names them.
    var skippedLinesText: String {
        var parts: [String] = []
        if blankLines > 0, let firstBlank {
            parts.append("\(NumberFormat.count(blankLines, "blank line")) (\(blankLines == 1 ? "line" : "the first on line") \(firstBlank))")
        }
        if repeatedHeaders > 0, let firstRepeatedHeader {
            parts.append("\(NumberFormat.count(repeatedHeaders, "repeated header row")) (\(repeatedHeaders == 1 ? "line" : "the first on line") \(firstRepeatedHeader))")
        }
        return parts.isEmpty ? "" : "; the import skips " + parts.joined(separator: " and ")
    }

    /// `date (iso), 3 of 4 values read`: the share as a percentage only when every value reads,
    /// since 150 of 151 would round to a 99% or 100% that hides the one that does not.
    static func typeText(_ c: Column) -> String {
        var type = c.type
        if let format = c.dateFormat { type += " (\(format))" }
        if c.decimalComma { type += " (decimal comma)" }
        guard c.share != nil else { return type }
        let values = c.examined == 1 ? "value" : "values"
        if c.markInDoubt { return type + ", decimal mark in doubt (see the warning): the import rejects such values until it is given" }
        return type + (c.read == c.examined ? ", 100% of \(c.examined) \(values) read" : ", \(c.read) of \(c.examined) \(values) read")
    }

    /// `'Total' (line 5, the totals row)`, then how many more do not read.
    func notReadText(_ c: Column) -> String {
        let named = c.notRead.map { "'\($0.text.clipped)' (line \($0.line)\($0.line == totalsLine ? ", the totals row" : ""))" }
        let more = c.examined - c.read - c.notRead.count
        return named.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
    }

    /// A role mapped to a column that does not read as the role's type: the import would
    /// reject its rows, so say so before the stage is copied.
    func roleTypeNotes(_ schema: InputSchema) -> [String] {
        suggestedMap.compactMap { pair in
            guard let role = schema.roles.first(where: { $0.name == pair.role }),
                  let column = columns.first(where: { $0.header == pair.header }) else { return nil }
            // Some values of a column that reads as the role's type do not: the import
            // rejects their rows (a `N/A` on line 98,846 of 138,827 was called clean).
            let typed = (role.type == .number && column.type == "number") || (role.type == .date && (column.type == "date" || column.type == "period"))
            if typed, column.read < column.examined, let first = column.notRead.first {
                let bad = column.examined - column.read
                let number = role.type == .number
                let what = (bad == 1 ? (number ? "a number" : "a date") : (number ? "numbers" : "dates")) + (column.dateFormat.map { " (\($0))" } ?? "")
                let rejected = "the import rejects \(bad == 1 ? "its row" : "their rows")" + (number ? "" : " or reads \(bad == 1 ? "it" : "them") in another order")
                let named = "\(role.name): \(NumberFormat.count(bad, "value")) of \(ExportInspection.quoted(pair.header))"
                return bad == 1
                    ? "\(named), '\(first.text.clipped)' on line \(first.line), does not read as \(what): \(rejected); fix it in the export"
                    : "\(named) do not read as \(what), the first '\(first.text.clipped)' on line \(first.line): \(rejected); fix them in the export"
            }
            switch role.type {
            case .number where column.type != "number":
                return "\(role.name): \(ExportInspection.quoted(pair.header)) does not read as numbers (\(column.type)); the import would reject its rows"
            case .date where column.type != "date" && column.type != "period":
                return "\(role.name): \(ExportInspection.quoted(pair.header)) does not read as dates in the formats tried (\(ExportInspection.dateFormats.joined(separator: ", "))); give its pattern with date_format:"
            default:
                return nil
            }
        }
    }

    /// Whether the import reads the date role's samples without a format: slash dates month-first
    /// do, dashed ones (`01-02-2025`) do not, and a suggested import stage without
    /// `date_format: mdy` rejected every row of them.
    var dateRoleReadsAutomatically: Bool {
        guard let header = suggestedMap.first(where: { $0.role == "date" })?.header,
              let column = columns.first(where: { $0.header == header }) else { return true }
        let automatic = DateParser()
        return column.samples.allSatisfy { automatic.parse($0) != nil }
    }

    /// The format of the column mapped to the date role, when it reads as a date.
    var dateRoleFormat: String? {
        guard let header = suggestedMap.first(where: { $0.role == "date" })?.header else { return nil }
        return columns.first(where: { $0.header == header && !$0.dateFormatIsDefault })?.dateFormat
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
