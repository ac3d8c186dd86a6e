import Forecasting
import Planning
import Tabular

/// `import`: reads one export into a table with DESIGN.md's column names, typed, dates as
/// ISO text; bad rows go to `<stage>.rejects.csv` in the output folder.
public struct ImportStage: Stage {
    public static let kind = "import"
    public static let summary = "Read a CSV export (usage, items, inventory, timekeeping, census, staffing_targets, budget, actuals, volumes, orders, contracts, lots)."
    public static let outputs = ["table"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("file", .inputFile, required: true, "the export, relative to the pipeline file"),
        ParameterSpec("table", .string, required: true, "input kind from DESIGN.md: \(InputSchema.all.keys.sorted().joined(separator: ", "))"),
        ParameterSpec("columns", .map, "role: \"Header in your file\" for columns not named like the roles"),
        ParameterSpec("delimiter", .string, "',' ';' tab '|' (detected when omitted)"),
        ParameterSpec("date_format", .string, default: "auto", "auto, iso, mdy, dmy or a pattern like DD/MM/YYYY"),
        ParameterSpec("encoding", .string, default: "auto", "auto, utf-8, windows-1252, latin-1 (read as Windows-1252) utf-16 (without a byte-order mark, the byte order its zero bytes show), utf-16le or utf-16be (that byte order without a mark) (auto: UTF-8, UTF-16 by its byte-order mark or zero bytes, else Windows-1252)"),
        ParameterSpec("decimal", .string, default: "point", "point, or comma for 1.234,50; point written out also reads 1,500 and 1.200 in a file separated by semicolons (otherwise refused as ambiguous)"),
        ParameterSpec("on_error", .string, default: "fail", "fail above reject_threshold, or skip"),
        ParameterSpec("reject_threshold", .number, default: "1", "largest share of rejected rows, in percent"),
        ParameterSpec("layout", .string, default: "long", "long, or wide (one column per item)"),
        ParameterSpec("id_columns", .list, "wide layout: the columns that are not items (e.g. the date)"),
        ParameterSpec("unpivot.columns", .list, "wide export: headers to turn into rows, a glob (* ? [A-Z]) or a list of globs; \"*\" = every column not mapped to a role whose header fits names_to"),
        ParameterSpec("unpivot.names_to", .list, "wide export: role(s) the header text becomes"),
        ParameterSpec("unpivot.names_pattern", .string, "wide export: regular expression matching the whole header, one (...) group per names_to role"),
        ParameterSpec("unpivot.values_to", .string, "wide export: role the cell values become"),
        ParameterSpec("unpivot.values_map", .map, "wide export: recoding of the names, {role: {name: value}}"),
        ParameterSpec("where", .map, "keep rows whose role equals the value (alternatives separated by |)"),
        ParameterSpec("max_field_bytes", .integer, default: String(CSVLimits().maxFieldBytes), "longest field accepted, in bytes (a guard against broken quoting)"),
        ParameterSpec("max_columns", .integer, default: String(CSVLimits().maxColumns), "most columns accepted in a record"),
    ]

    public var file: String
    public var schema: InputSchema
    public var options: ImportOptions
    public var wide: Bool
    public var idColumns: [String]
    /// The words of the note naming columns left unread that look like a role, which the
    /// runner repeats with a later stage's failure they may explain.
    static let unreadLookalikes = "left unread that look"

    /// A wide export turned into long rows (`unpivot:`); nil for a long export.
    public var unpivot: Unpivot?
    public var conditions: [String: Set<String>]
    /// Set by the planning commands' `--shard`: only the rows of this shard are kept.
    public var shard: ShardKey?
    /// The roles the table's reader uses, when not all of its kind's (purchasing reads an item
    /// master's lead time and cost alone): only those are suggested for columns left unread.
    public var rolesRead: Set<String>? {
        didSet { options.roleFinder = ExportInspection.roleFinder(kind: schema.kind, rolesRead: rolesRead) }
    }

    public var inputFiles: [String] { [file] }

    /// An import built in Swift: the export, its DESIGN.md kind and its column map.
    public init(file: String, table: String, columns: [String: String] = [:], options: ImportOptions = ImportOptions()) throws {
        var values: [String: ParameterValue] = ["file": .scalar(file), "table": .scalar(table)]
        if !columns.isEmpty { values["columns"] = .map(columns) }
        try self.init(parameters: StageParameters(stage: "import", values: values, specs: ImportStage.parameters,
                                                  location: SourceLocation(file: "(Swift)", line: 0, column: 0)))
        let columns = self.options.columns
        self.options = options
        self.options.columns = columns
        self.options.kind = table
        self.options.roleFinder = ExportInspection.roleFinder(kind: table)
    }

    public init(parameters p: StageParameters) throws {
        file = try p.requiredString("file")
        let table = try p.requiredString("table")
        guard let schema = InputSchema.all[table] else {
            throw p.error("table", "unknown table kind '\(table)'; use \(InputSchema.all.keys.sorted().joined(separator: ", "))")
        }
        self.schema = schema
        let columns = try p.map("columns")
        let roles = Set(schema.roles.map(\.name))
        if let unknown = columns.keys.sorted().first(where: { !roles.contains($0) }) {
            throw p.error("columns", "'\(unknown)' is not a column of \(table); it has \(schema.roles.map(\.name).joined(separator: ", "))")
        }
        // In any case, as the command line's `--decimal budget=Comma` (`decimal: Comma` was refused).
        let decimal = (try p.string("decimal") ?? "point").trimmed().lowercased()
        guard decimal == "point" || decimal == "comma" else { throw p.error("decimal", "decimal must be point or comma") }
        guard let policy = RejectPolicy(rawValue: try p.string("on_error") ?? "fail") else { throw p.error("on_error", "on_error must be fail or skip") }
        let threshold = try p.number("reject_threshold") ?? 1
        guard (0...100).contains(threshold) else { throw p.error("reject_threshold", "reject_threshold is a percentage 0-100") }
        var delimiter: UInt8?
        if let d = try p.string("delimiter") {
            do { delimiter = try ImportOptions.delimiter(named: d) } catch let e as UsageError { throw p.error("delimiter", e.message) }
        }
        let dateFormat: DateFormat
        do { dateFormat = try DateFormat(parsing: try p.string("date_format") ?? "auto") } catch let e as UsageError { throw p.error("date_format", e.message) }
        let encoding: TextEncoding
        do { encoding = try TextEncoding(parsing: try p.string("encoding") ?? "auto") } catch let e as UsageError { throw p.error("encoding", e.message) }
        let maxFieldBytes = try p.integer("max_field_bytes") ?? CSVLimits().maxFieldBytes
        guard maxFieldBytes > 0 else { throw p.error("max_field_bytes", "max_field_bytes must be a positive number of bytes") }
        let maxColumns = try p.integer("max_columns") ?? CSVLimits().maxColumns
        guard maxColumns > 0 else { throw p.error("max_columns", "max_columns must be a positive number of columns") }
        options = ImportOptions(columns: columns, delimiter: delimiter, dateFormat: dateFormat, decimalComma: decimal == "comma",
                                rejectThreshold: threshold / 100, onError: policy,
                                limits: CSVLimits(maxFieldBytes: maxFieldBytes, maxColumns: maxColumns), encoding: encoding)
        // `decimal: point` written out settles what the default leaves in doubt (`1,500` in a
        // file separated by semicolons).
        options.decimalPointStated = p.values["decimal"] != nil && decimal == "point"
        options.decimalCommaSource = .pipeline(stage: p.stage)
        options.kind = table
        // Headers `inspect` maps by a role's other names are read so too (`Supplier Name`).
        options.roleFinder = ExportInspection.roleFinder(kind: table)
        let layout = try p.string("layout") ?? "long"
        guard layout == "long" || layout == "wide" else { throw p.error("layout", "layout must be long or wide") }
        wide = layout == "wide"
        idColumns = try p.list("id_columns")
        if wide && (table != "usage" || idColumns.isEmpty) {
            throw p.error("layout", "layout: wide is for usage exports and needs id_columns (e.g. [\"Date\"])")
        }
        unpivot = try ImportStage.unpivot(p, kind: table, schema: schema, mapped: Set(columns.keys))
        if wide && unpivot != nil { throw p.error("layout", "layout: wide and unpivot: are two ways to read one wide export; keep unpivot:") }
        conditions = try p.map("where").mapValues { Set($0.split(separator: "|").map(String.init)) }
        // A `where:` on a role the table does not have kept every row: an ICU-only report
        // that covered the whole hospital.
        if let unknown = conditions.keys.sorted().first(where: { !roles.contains($0) }) {
            throw p.error("where", "'\(unknown)' is not a column of \(table); it has \(schema.roles.filter { !$0.isPrivate }.map(\.name).joined(separator: ", "))")
        }
        // The wide reader has no filter: the conditions were ignored and every row kept.
        if wide && !conditions.isEmpty {
            throw p.error("where", "where: is not applied to layout: wide; read the sheet with unpivot: (columns: \"*\", names_to: item) to filter it, or filter its table in a filter stage")
        }
    }

    /// The `where:` roles the file does not have (neither mapped nor found by name): filtering
    /// on them would keep every row.
    func conditionsMissing(from resolved: Set<String>) -> [String] {
        conditions.keys.sorted().filter { !resolved.contains($0) }
    }

    func conditionsMissingMessage(_ missing: [String], path: String) -> String {
        "\(path) has no \(missing.map { "'\($0)'" }.joined(separator: " or ")) column to filter on (where:); map it with columns: {\(missing[0]): \"Its Header\"}"
    }

    /// Rows by unit, most first, as notes name them: the first five with their counts and how
    /// many units more (`'ICU' 30, '5 East' 2 and 3 more units`).
    public static func rowsByUnit(_ units: [(unit: String, rows: Int)], shown: Int = 5) -> String {
        let named = units.prefix(shown).map { "'\($0.unit)' \($0.rows)" }.joined(separator: ", ")
        let more = units.count - min(shown, units.count)
        return named + (more == 0 ? "" : " and \(more) more unit\(more == 1 ? "" : "s")")
    }

    /// The `unpivot:` block, checked against the input kind; nil when the stage has none.
    static func unpivot(_ p: StageParameters, kind: String, schema: InputSchema, mapped: Set<String>) throws -> Unpivot? {
        guard p.values.keys.contains(where: { $0.hasPrefix("unpivot.") }) else { return nil }
        let columns = try p.list("unpivot.columns"), namesTo = try p.list("unpivot.names_to")
        guard let valuesTo = try p.string("unpivot.values_to"), !valuesTo.isEmpty else {
            throw p.error("unpivot.values_to", "unpivot needs values_to: the role the cell values become (e.g. quantity)")
        }
        var valuesMap: [String: [String: String]] = [:]
        for (key, value) in try p.map("unpivot.values_map") {
            guard let dot = key.firstIndex(of: ".") else {
                throw p.error("unpivot.values_map", "unpivot values_map is {role: {name: value}}, e.g. {pay_type: {emp: regular}}; got '\(key)'")
            }
            valuesMap[String(key[..<dot]), default: [:]][String(key[key.index(after: dot)...])] = value
        }
        let unpivot = Unpivot(columns: columns, namesTo: namesTo, namesPattern: try p.string("unpivot.names_pattern"),
                              valuesTo: valuesTo, valuesMap: valuesMap)
        do {
            try unpivot.check(kind: kind, roles: schema.roles.map(\.name), mapped: mapped)
        } catch let problem as Unpivot.Problem {
            throw p.error("unpivot." + problem.setting, problem.message)
        }
        return unpivot
    }

    /// The columns the import's table will have, read from the file's header (the roles it
    /// maps or finds, and the unpivot's); nil when the header cannot be read (the import's own
    /// check names why) or the export is wide.
    func columnsPresent(pipelineDirectory: String) -> [String]? {
        let path = PipelinePaths.resolve(file, relativeTo: pipelineDirectory)
        guard !wide, let reader = try? CSVReader(path: path, delimiter: options.delimiter, limits: options.limits, encoding: options.encoding),
              let resolved = try? TableImport.resolve(fileColumns, options: options, header: reader.header, file: path) else { return nil }
        let present = Set(resolved.keys).union(unpivot?.roles ?? [])
        return schema.roles.filter { !$0.isPrivate && present.contains($0.name) }.map(\.name)
    }

    public func check(_ context: ValidationContext) -> [PipelineError] {
        let path = context.resolve(file)
        do {
            let reader = try CSVReader(path: path, delimiter: options.delimiter, limits: options.limits, encoding: options.encoding)
            if wide {
                let missing = idColumns.filter { !reader.header.contains($0) }
                return missing.isEmpty ? [] : [context.error("id_columns", "\(path) has no column \(missing.map { "'\($0)'" }.joined(separator: ", ")); it has \(reader.header.map { "'\($0)'" }.joined(separator: ", "))")]
            }
            let resolved = try TableImport.resolve(fileColumns, options: options, header: reader.header, file: path, headerLine: reader.headerLine)
            var fromUnpivot = Set<String>()
            if let unpivot {
                _ = try UnpivotReader(unpivot, schema: schema, options: options, header: reader.header, mapped: resolved, file: path,
                                      headerLine: reader.headerLine)
                fromUnpivot = Set(unpivot.roles)
            }
            let missing = conditionsMissing(from: Set(resolved.keys).union(fromUnpivot))
            return missing.isEmpty ? [] : [context.error("where", conditionsMissingMessage(missing, path: path))]
        } catch let problem as Unpivot.Problem {
            return [context.error("unpivot." + problem.setting, "\(path): " + problem.message)]
        } catch let error as InputError {
            return [context.error(error.message.contains("column") ? "columns" : "file", error.description)]
        } catch {
            return [context.error("file", "\(path): \(error)")]
        }
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        var options = self.options
        let rejectsName = context.stage + ".rejects.csv"
        options.rejectsPath = context.outputDirectory + "/" + rejectsName
        let path = context.resolve(file)
        let checksum = FileChecksum(path: path, concurrent: context.threads > 1)
        var table: Table, summary: ImportSummary
        // A long file's dates may call for reading it again (`TableImport.SecondLook`): two-digit
        // years the pivot at 70 splits, slash dates that read only day-first. Standard input
        // cannot be read again: read twice, `purchasing --orders -` of a day-first export
        // stopped at "file is empty"; it is read once, its day-first dates rejected with the
        // hint to give --date-format dmy, as `SeriesImport` reads it. The older `layout: wide`
        // too: read once, a Spanish sheet of 2, 3 and 12 March with `decimal: comma` was read
        // month-first (GASA 1,200.5 in February, 1,100 in March, 900 in December) with no note.
        options.secondLook = path != "-"
        do {
            do {
                (table, summary) = wide ? try readWide(path, options) : try readLong(path, options)
            } catch let look as TableImport.SecondLook {
                (table, summary) = wide ? try readWide(path, look.options) : try readLong(path, look.options)
            }
        } catch let nothing as KeptNothing {
            // A filter that keeps nothing is the pipeline's mistake: named at the stage's line
            // (it named the CSV alone, and two imports of one file could not be told apart).
            throw PipelineError(location: nil, "stage '\(context.stage)': \(nothing.file): \(nothing.message)")
        }
        if summary.rejectsFileListsLines { _ = context.output(rejectsName) }
        context.recordInput(path: path, rows: summary.read, sha256: checksum.value())
        // Rejected rows are worth a line of their own even under a canned command's --quiet.
        if summary.rejected > 0 { context.note(summary.description) } else { context.summary(summary.description) }
        for note in summary.notes { context.note(note) }
        if let order = summary.slashDateOrder { context.slashDateOrder = (path, options.kind ?? "", order) }
        if summary.overlappingSpans > 0 {
            context.note("\(summary.overlappingSpans) span\(summary.overlappingSpans == 1 ? " overlaps" : "s overlap") an earlier span of the same employee: counted on duty once (the staffing report names them)")
        }
        if summary.joinedSpans > 0 {
            context.note("\(NumberFormat.count(summary.joinedSpans, "span")) of an employee \(summary.joinedSpans == 1 ? "begins" : "begin") within a minute of the end of the one before (a shift split at midnight, 23:59 then 00:00): joined, on duty throughout")
        }
        if let shard {
            let keep = try shard.rows(of: table)
            if table.unshardedDays == nil, let days = table.days("date") {
                var seen = Set<Int32>()
                table.unshardedDays = days.filter { seen.insert($0.daysSinceEpoch).inserted }
            }
            for (name, days) in table.periodDayByRow where table.unshardedPeriodDays[name] == nil {
                var seen = Set<Int32>()
                table.unshardedPeriodDays[name] = days.filter { seen.insert($0.daysSinceEpoch).inserted }
            }
            if table.unshardedCountDates == nil, let counted = table.dayNumbers("as_of") {
                table.unshardedCountDates = PartialLastPeriod.CountDates(counted.lazy.map(\.known))
            }
            for name in shard.wholeColumns where table.unshardedTexts[name] == nil { table.unshardedTexts[name] = table.texts(name) }
            table = table.filtered(keep)
            context.note("shard \(shard.shard) of \(shard.columns.joined(separator: " and ")) keeps \(table.rowCount) of \(keep.count) rows")
        }
        return ["table": table]
    }

    /// `where:` kept none of the rows: the run names the stage.
    struct KeptNothing: Error {
        var file: String
        var message: String
    }

    /// The roles read from the file's own columns: all of them, less those an unpivot fills.
    var fileColumns: [ColumnSpec] {
        let filled = Set(unpivot?.roles ?? [])
        return schema.columnSpecs.filter { !filled.contains($0.role) }
    }

    func readLong(_ path: String, _ options: ImportOptions) throws -> (Table, ImportSummary) {
        let importer = try TableImport(path: path, columns: fileColumns, options: options)
        if let problem = DebitCreditColumns.problem(header: importer.header, amount: importer.column("amount")) {
            throw InputError(file: importer.file, line: 1, column: importer.column("amount").map { importer.header[$0] }, problem)
        }
        var unpivoted: UnpivotReader?
        if let unpivot {
            do {
                unpivoted = try UnpivotReader(unpivot, schema: schema, options: options, header: importer.header,
                                              mapped: importer.indices, file: importer.file, headerLine: importer.reader.headerLine,
                                              rows: importer.reader.leadingRows(TableImport.rowsLookedAt))
            } catch let problem as Unpivot.Problem {
                throw InputError(file: importer.file, line: 1, problem.message)
            }
        }
        let fromUnpivot = Set(unpivot?.roles ?? [])
        // Private columns (employee ids) are validated by the import but never kept.
        let present = schema.roles.filter { (importer.column($0.name) != nil || fromUnpivot.contains($0.name)) && !$0.isPrivate }
        let unfiltered = conditionsMissing(from: Set(present.map(\.name)))
        if !unfiltered.isEmpty { throw InputError(file: importer.file, line: 1, conditionsMissingMessage(unfiltered, path: importer.file)) }
        // The record column of each role; -1 for the roles the unpivot fills.
        let columns = present.map { importer.column($0.name) ?? -1 }
        let count = present.count
        var texts = [[String]](repeating: [], count: count)
        var numbers = [[Double]](repeating: [], count: count)
        // Each kept row's line, for a kind with a unique key (`Table.sourceLines`).
        let keepsLines = schema.unique != nil
        var lines: [Int32] = []
        var days = [[CalendarDay]](repeating: [], count: count)
        // Text values repeat (units, vendors, pay codes): each distinct value becomes a String once.
        var interned = [ByteKeyTable](repeating: ByteKeyTable(capacity: 64), count: count)
        var internedStrings = [[String]](repeating: [], count: count)
        // Per-row scratch, reused so a row costs no allocation.
        var rowText = [Int](repeating: -1, count: count)
        var rowNumber = [Double](repeating: .nan, count: count)
        var rowDay = [CalendarDay](repeating: CalendarDay(daysSinceEpoch: 0), count: count)
        // Dates (and the date part of date-times) repeat row after row: parsed once per run.
        var dateCaches = [DateFieldCache](repeating: DateFieldCache(), count: count)
        // The distinct days of each month column, to tell a year of months dated the 1st and
        // written day-first (01/07/2025 for July) that read as January 1-12 (`DayFirstLook`).
        var periodDays = [Set<Int32>](repeating: [], count: count)
        var periodLooks = [DayFirstLook](repeating: DayFirstLook(), count: count)
        // The days a period column's rows name before they become months: its last day, and
        // the days of the month it uses (to eight), for `Table.periodDays`.
        var periodSeen = [CalendarDay](repeating: CalendarDay(daysSinceEpoch: .min), count: count)
        var periodLast = periodSeen, periodDayBits = [UInt32](repeating: 0, count: count)
        // Each row's own day for a period column (`Table.periodDayByRow`), kept from the first
        // row not on its month's first day (the rows before it are their months' first days).
        var rowPeriodDay = periodSeen, periodDaysByRow = [[CalendarDay]?](repeating: nil, count: count)
        let watchesDayFirst = options.dateFormat == .automatic
        // Each row's time for a date column (`Table.timeOfDayByRow`), looked for in fields longer
        // than a date alone and kept from the first row that carries one; and the first two
        // distinct times, as the column is kept only with two.
        var distinctTimes = [[Int]](repeating: [], count: count)
        var minutesByRow = [[Int32]?](repeating: nil, count: count), rowMinute = [Int32](repeating: -1, count: count)
        // So do units and codes: the previous row's id is reused without hashing.
        var textCaches = [TextFieldCache](repeating: TextFieldCache(), count: count)
        // A year's, a quarter's or a month's total among the usage's or the census's dated rows
        // (`PeriodLabelMix`), as the command line refuses it: a week of 70 read 770.
        // (An unpivoted date comes from the headers, judged when the sheet is planned.)
        let watchesLabels = present.indices.map { present[$0].name == "date" && columns[$0] >= 0 && (schema.kind == "usage" || schema.kind == "census") }
        var labelMixes = [PeriodLabelMix](repeating: PeriodLabelMix(), count: count)
        let months = Frequency.month
        // A number's condition is its value written as the rows' are (`NumberFormat.fixed`):
        // `7.50`, `10.0` or `1,000` in the pipeline matched no row, as the file's side was
        // normalised and the pipeline's was not (the filter stage compared them by value).
        let numberParser = NumberParser()
        let conditions = present.indices.compactMap { k in
            self.conditions[present[k].name].map { allowed in
                (k, present[k].type == .number ? Set(allowed.map { text in numberParser.parse(text.trimmed()).map { NumberFormat.fixed($0) } ?? text }) : allowed)
            }
        }
        // The `where:` values some row had, to name those none had (`icu` against `ICU`): the
        // import kept nothing and said only "0 rows" downstream. Every condition is judged on
        // every row (a row failing one still shows the others' values present); a text value's
        // verdict is kept by its interned id (0 unseen, 1 allowed, 2 not), so each distinct
        // value is hashed once, and other types record a value only when it changes.
        var verdicts = [[UInt8]](repeating: [], count: conditions.count)
        var matched = [Set<String>](repeating: [], count: conditions.count), lastMatched = [String?](repeating: nil, count: conditions.count)
        var unique = UniqueRows(schema.unique, present: present.map(\.name))
        // Rows whose span has one punch (kept, their hours not placed on the clock), those
        // missing the end, and the first one's line, for the note.
        var lonePunches = (rows: 0, withoutEnd: 0, firstLine: 0)
        var rowRules = RowRuleCheck(schema.rowRules, present: present.map(\.name),
                                    mapped: Set(schema.roles.filter { importer.column($0.name) != nil }.map(\.name)))
        // Spans of one employee that overlap are found from the (private) employee column.
        // So are days of one employee with more hours than a day holds (`OverlongDays`).
        let employeeColumn = importer.column("employee")
        var overlaps = SpanOverlaps()
        // The roles' fields as plain arrays: copying a Role (names, rules) for every field of
        // every row cost a retain and a release each.
        let types = present.map(\.type), required = present.map(\.required)
        let rules = present.map(\.rule), hasRule = present.map { $0.rule != nil }, lastDay = present.map(\.periodMeansLastDay), keepsDay = present.map(\.keepsDay)
        // Rows whose level was not recorded (an empty census value): left out, counted, and
        // the first one's line kept for the note.
        let emptyIsUnrecorded = present.map(\.emptyIsUnrecorded)
        let readsPercentSign = present.map(\.readsPercentSign)
        // A charge line's empty item (`Role.emptyOnChargeLine`): the row's role left empty, judged
        // on its description when the row is complete; each distinct description judged once.
        let emptyOnChargeLine = present.map(\.emptyOnChargeLine)
        let descriptionSlot = emptyOnChargeLine.contains(true) ? present.firstIndex { $0.name == "description" && $0.type == .text } : nil
        var rowEmptyCharge = -1
        var describesCharge: [UInt8] = []
        var rowUnrecorded = false
        var unrecorded = (rows: 0, firstLine: 0, role: "")
        // By the unit's interned id, the last day of a recorded row and of an empty one
        // (`.min`: none).
        let unitSlot = emptyIsUnrecorded.contains(true) ? present.firstIndex { $0.name == "unit" } : nil
        let dateSlot = present.firstIndex { $0.name == "date" && $0.type == .date }
        // And the rows it left empty, so the note names the units they are on: "1,040 rows with
        // an empty patient_days" left the reader to search the file for whose census was blank.
        var lastRecordedDay: [Int32] = [], lastEmptyDay: [Int32] = [], emptyRows: [Int] = []
        func seeUnit(recorded: Bool) {
            guard let u = unitSlot, rowText[u] >= 0 else { return }
            let id = rowText[u]
            if id >= lastRecordedDay.count {
                let more = id - lastRecordedDay.count + 1
                lastRecordedDay += [Int32](repeating: .min, count: more)
                lastEmptyDay += [Int32](repeating: .min, count: more)
                emptyRows += [Int](repeating: 0, count: more)
            }
            let day = dateSlot.map { rowDay[$0].daysSinceEpoch } ?? 0
            if recorded {
                lastRecordedDay[id] = max(lastRecordedDay[id], day)
            } else {
                lastEmptyDay[id] = max(lastEmptyDay[id], day)
                emptyRows[id] += 1
            }
        }
        /// Reads role `k` of the row from record column `column` into the row scratch.
        func read(_ row: ImportRow, _ k: Int, _ column: Int) throws {
            switch types[k] {
            case .text:
                let bytes: UnsafeBufferPointer<UInt8>
                if required[k] && emptyOnChargeLine[k] && descriptionSlot != nil && ImportRow.unwrapped(row.record[column]).isEmpty {
                    rowEmptyCharge = k
                    rowText[k] = -1
                    return
                } else if required[k] {
                    bytes = try row.text(column)
                } else if let given = try row.optionalText(column) {
                    bytes = given
                } else {
                    rowText[k] = -1
                    return
                }
                // A value seen before passed its rule then (a rejected one is never kept).
                if let known = textCaches[k].id(of: bytes) {
                    rowText[k] = known
                    return
                }
                if hasRule[k], let problem = rules[k]!.problem(String(decoding: bytes, as: UTF8.self)) {
                    throw RowRejection(column: column, problem)
                }
                let id = interned[k].intern(bytes)
                if id == internedStrings[k].count { internedStrings[k].append(String(decoding: bytes, as: UTF8.self)) }
                textCaches[k].remember(bytes, id: id)
                rowText[k] = id
            case .number:
                if emptyIsUnrecorded[k] && ImportRow.isEmpty(row.record[column]) {
                    rowUnrecorded = true
                    if unrecorded.rows == 0 { unrecorded = (0, row.line, present[k].name) }
                    rowNumber[k] = .nan
                    return
                }
                let value = readsPercentSign[k] ? (ImportRow.isEmpty(row.record[column]) ? .nan : try row.numberOrPercent(column))
                    : required[k] ? try row.number(column) : try row.optionalNumber(column) ?? .nan
                if hasRule[k], !value.isNaN, var problem = rules[k]!.problem(value) {
                    // A percentage is quoted as written (`100%`), not as the fraction read.
                    if readsPercentSign[k], let written = try? row.string(column).trimmed(), !written.isEmpty {
                        problem = rules[k]!.problem(value, written: written) ?? problem
                    }
                    throw RowRejection(column: column, problem)
                }
                rowNumber[k] = value
            case .date:
                rowMinute[k] = -1
                if !required[k] && row.record[column].isEmpty {
                    rowDay[k] = CalendarDay(daysSinceEpoch: .min)
                } else if lastDay[k] {
                    rowDay[k] = try row.lastDate(column, cache: &dateCaches[k])
                } else {
                    rowDay[k] = try row.date(column, cache: &dateCaches[k])
                    if watchesLabels[k] { labelMixes[k].see(row.record[column], parsed: rowDay[k], line: row.line) }
                    if row.record[column].count > 10, let minute = ClockTime.timeOfDay(row.record[column]) {
                        rowMinute[k] = Int32(minute)
                        if distinctTimes[k].count < 2 && !distinctTimes[k].contains(minute) { distinctTimes[k].append(minute) }
                    }
                }
            case .period:
                let day = try row.monthDate(column, cache: &dateCaches[k])
                rowDay[k] = keepsDay[k] ? day : months.firstDay(of: months.period(of: day))
                rowPeriodDay[k] = day
                if !keepsDay[k] && day != periodSeen[k] {
                    periodSeen[k] = day
                    if day > periodLast[k] { periodLast[k] = day }
                    if periodDayBits[k].nonzeroBitCount < 8 { periodDayBits[k] |= 1 << UInt32(day.components.day) }
                }
                if watchesDayFirst && !keepsDay[k] && !periodLooks[k].ruledOut && periodDays[k].insert(day.daysSinceEpoch).inserted {
                    if DayFirstLook.couldBeDayFirst(row.record[column]) { periodLooks[k].see(day) } else { periodLooks[k].ruleOut() }
                }
            case .time, .dateTime:
                if !required[k] && ImportRow.isEmpty(row.record[column]) {
                    rowNumber[k] = .nan
                } else {
                    rowNumber[k] = Double(types[k] == .time ? try row.minuteOfDay(column) : try row.dateTime(column, cache: &dateCaches[k]))
                }
            }
        }
        /// Role `k`'s value in the scratch as an id for a unique key: the interned text, the
        /// day or the number's bits; -1 when empty. (Unpivoted names set only the value.)
        func keyID(_ k: Int) -> Int {
            switch types[k] {
            case .text: return rowText[k]
            case .date, .period: return rowDay[k].daysSinceEpoch == .min ? -1 : Int(rowDay[k].daysSinceEpoch) &- Int(Int32.min)
            case .number, .time, .dateTime: return rowNumber[k].isNaN ? -1 : Int(bitPattern: UInt(rowNumber[k].bitPattern))
            }
        }
        /// Role `k`'s value in the scratch as text, for a unique key's match key and message.
        func keyText(_ k: Int) -> String {
            switch types[k] {
            case .text: return rowText[k] >= 0 ? internedStrings[k][rowText[k]] : ""
            case .date, .period: return rowDay[k].daysSinceEpoch == .min ? "" : rowDay[k].description
            case .number, .time, .dateTime: return rowNumber[k].isNaN ? "" : NumberFormat.fixed(rowNumber[k])
            }
        }
        // A usage row whose item holds a total word and whose quantity is the rows' sum is a
        // subtotal (`SubtotalCheck`); whether an item holds one is kept by its interned id
        // (0 unseen, 1 yes, 2 no), so each distinct name is looked at once.
        let subtotalRoles: (item: Int, quantity: Int, date: Int)? = {
            guard schema.kind == "usage", let i = present.firstIndex(where: { $0.name == "item" }), let q = present.firstIndex(where: { $0.name == "quantity" }),
                  let d = present.firstIndex(where: { $0.name == "date" }), columns[i] >= 0, columns[q] >= 0, columns[d] >= 0 else { return nil }
            return (i, q, d)
        }()
        // Its rows are weighed as read and judged when the file is (`SubtotalCheck`): each is
        // kept with its row's place in the columns (-1 when a filter left it out), to take it
        // out again when its item is a subtotal.
        var subtotals = SubtotalCheck()
        var holdsTotalWord: [UInt8] = []
        var weighed: [(held: SubtotalCheck.Held, row: Int)] = []
        func subtotalRejections() -> [LateRejection] {
            guard let (i, _, _) = subtotalRoles else { return [] }
            subtotals.settle()
            return weighed.compactMap { held, _ in
                subtotals.isSubtotal(item: held.item) ? held.rejection(internedStrings[i][held.item], column: columns[i] >= 0 ? columns[i] : nil) : nil
            }
        }
        // Negative receipts of orders, judged against their lines' receipts at the end (`ReceiptReversals`).
        var reversals = ReceiptReversals()
        let reversalSlot = schema.kind == "orders" ? present.firstIndex(where: { $0.name == "received_quantity" }) : nil
        let orderedSlot = schema.kind == "orders" ? present.firstIndex(where: { $0.name == "quantity" }) : nil
        func reversalRejections() -> [LateRejection] {
            guard let r = reversalSlot, !reversals.isEmpty else { return [] }
            let slot = { (name: String) in present.firstIndex { $0.name == name } }
            let po = slot("po"), lineSlots = ["po_line", "item", "vendor", "order_date", "quantity"].compactMap(slot)
            func value(_ k: Int, _ row: Int) -> String {
                switch types[k] {
                case .text: return texts[k][row]
                case .date, .period: return days[k][row].description
                case .number, .time, .dateTime: return String(numbers[k][row].bitPattern)
                }
            }
            return reversals.rejections(rows: numbers[r].count, column: columns[r] >= 0 ? columns[r] : nil,
                                        po: { row in po.map { texts[$0][row] } ?? "" },
                                        line: { row in lineSlots.map { value($0, row) }.joined(separator: "\u{1F}") },
                                        received: { row in numbers[r][row] })
        }
        func lateRejections() -> [LateRejection] { subtotalRejections() + reversalRejections() }
        /// Filters the row in the scratch and appends it; `cell` is the unpivoted column, if any.
        func emit(_ row: ImportRow, cell: Int) throws {
            if rowUnrecorded {
                rowUnrecorded = false
                unrecorded.rows += 1
                seeUnit(recorded: false)
                return
            }
            if unitSlot != nil { seeUnit(recorded: true) }
            if rowEmptyCharge >= 0 {
                let k = rowEmptyCharge
                rowEmptyCharge = -1
                var charge = false
                if let d = descriptionSlot, rowText[d] >= 0 {
                    let id = rowText[d]
                    if id >= describesCharge.count { describesCharge += [UInt8](repeating: 0, count: id - describesCharge.count + 1) }
                    if describesCharge[id] == 0 { describesCharge[id] = ChargeLine.isChargeDescription(internedStrings[d][id]) ? 1 : 2 }
                    charge = describesCharge[id] == 1
                }
                if !charge {
                    throw RowRejection(column: columns[k] >= 0 ? columns[k] : cell,
                                       "value is empty; a PO line for freight, tax, handling or a surcharge may leave \(present[k].name) empty when its description says so, any other line needs its \(present[k].name)")
                }
            }
            // Checks across columns, like the per-field rules in `read`, before any filter.
            if rowRules.isActive, let (slot, problem) = rowRules.problem(numbers: rowNumber, days: rowDay, ids: rowText,
                                                                         text: { k in rowText[k] >= 0 ? internedStrings[k][rowText[k]] : "" }) {
                throw RowRejection(column: columns[slot] >= 0 ? columns[slot] : cell, problem)
            }
            // A missed punch: the hours kept, off the clock (`RowRuleCheck.lonePunch`), and named.
            if rowRules.isActive, let lone = rowRules.lonePunch(numbers: rowNumber) {
                if lonePunches.rows == 0 { lonePunches.firstLine = row.line }
                lonePunches.rows += 1
                if present[lone].name == "start" { lonePunches.withoutEnd += 1 }
                rowNumber[lone] = .nan
            }
            var weighing: SubtotalCheck.Held?
            if let (i, q, d) = subtotalRoles, rowText[i] >= 0 {
                let id = rowText[i]
                if id >= holdsTotalWord.count { holdsTotalWord += [UInt8](repeating: 0, count: id - holdsTotalWord.count + 1) }
                if holdsTotalWord[id] == 0 { holdsTotalWord[id] = TotalsLabel.holdsTotalWord(internedStrings[i][id]) ? 1 : 2 }
                if holdsTotalWord[id] == 1 {
                    // The interned id numbers the item.
                    let what = subtotals.weigh(item: id, day: rowDay[d], value: rowNumber[q], label: internedStrings[i][id])
                    weighing = SubtotalCheck.Held(item: id, record: HeldRecord(row.record), value: rowNumber[q], what: what)
                } else {
                    subtotals.add(day: rowDay[d], value: rowNumber[q])
                }
            }
            var kept = true
            for (c, (k, allowed)) in conditions.enumerated() {
                if types[k] == .text && rowText[k] >= 0 {
                    let id = rowText[k]
                    if id >= verdicts[c].count { verdicts[c] += [UInt8](repeating: 0, count: id - verdicts[c].count + 1) }
                    if verdicts[c][id] == 0 { verdicts[c][id] = allowed.contains(internedStrings[k][id]) ? 1 : 2 }
                    if verdicts[c][id] != 1 { kept = false }
                    continue
                }
                let value: String
                switch types[k] {
                case .text: value = ""
                case .number, .time, .dateTime: value = NumberFormat.fixed(rowNumber[k])
                case .date: value = rowDay[k].description
                case .period: value = months.label(months.period(of: rowDay[k]))
                }
                if !allowed.contains(value) { kept = false } else if value != lastMatched[c] { matched[c].insert(value); lastMatched[c] = value }
            }
            if !kept {
                if let weighing { weighed.append((weighing, -1)) }
                return
            }
            if unique.isActive, let problem = unique.problem(ids: keyID, values: keyText, line: row.line) {
                let column = columns[unique.indices.last!]
                throw RowRejection(column: column >= 0 ? column : cell, problem)
            }
            if keepsLines { lines.append(Int32(clamping: row.line)) }
            for k in 0..<count {
                switch types[k] {
                case .text: texts[k].append(rowText[k] >= 0 ? internedStrings[k][rowText[k]] : "")
                case .number, .time, .dateTime: numbers[k].append(rowNumber[k])
                case .date:
                    days[k].append(rowDay[k])
                    if rowMinute[k] >= 0 && minutesByRow[k] == nil { minutesByRow[k] = [Int32](repeating: -1, count: days[k].count - 1) }
                    minutesByRow[k]?.append(rowMinute[k])
                case .period:
                    days[k].append(rowDay[k])
                    if periodDaysByRow[k] == nil && rowPeriodDay[k] != rowDay[k] { periodDaysByRow[k] = Array(days[k].dropLast()) }
                    periodDaysByRow[k]?.append(rowPeriodDay[k])
                }
            }
            if employeeColumn != nil { overlaps.accept() }
            // A return line (ordered below 0) is no reversal of a receipt (`PurchaseOrderLines.returns`).
            if let r = reversalSlot, rowNumber[r] < 0, !(orderedSlot.map { rowNumber[$0] < 0 } ?? false) { reversals.hold(row.record, row: numbers[r].count - 1) }
            if let weighing, let (i, _, _) = subtotalRoles { weighed.append((weighing, texts[i].count - 1)) }
        }
        var summary: ImportSummary
        if let unpivoted {
            // The names are the same on every row of a column: typed (and text interned) once.
            let nameSlots = unpivoted.unpivot.namesTo.map { name in present.firstIndex { $0.name == name } }
            let valueSlot = present.firstIndex { $0.name == unpivoted.unpivot.valuesTo }
            var presets: [[(Int, UnpivotReader.Name, Int)]] = unpivoted.names.map { names in
                zip(nameSlots, names).compactMap { k, name in k.map { ($0, name, -1) } }
            }
            for c in presets.indices {
                for p in presets[c].indices {
                    guard case .text(let text) = presets[c][p].1 else { continue }
                    let k = presets[c][p].0
                    let id = Array(text.utf8).withUnsafeBufferPointer { interned[k].intern($0) }
                    if id == internedStrings[k].count { internedStrings[k].append(text) }
                    presets[c][p].2 = id
                }
            }
            var slotOfColumn = [Int](repeating: -1, count: importer.header.count)
            for (c, column) in unpivoted.plan.columns.enumerated() { slotOfColumn[column] = c }
            summary = try importer.run(cells: unpivoted.plan.columns, record: { row in
                rowUnrecorded = false
                rowEmptyCharge = -1
                for k in 0..<count where columns[k] >= 0 { try read(row, k, columns[k]) }
                if let employeeColumn { overlaps.read(row, column: employeeColumn) }
            }, cell: { row, cell in
                for (k, name, id) in presets[slotOfColumn[cell]] {
                    switch name {
                    case .text: rowText[k] = id
                    case .number(let value): rowNumber[k] = value
                    case .day(let day): rowDay[k] = day
                    }
                }
                if let valueSlot { try read(row, valueSlot, cell) }
                try emit(row, cell: cell)
            }, atEnd: lateRejections)
            summary.leftOutHeaders = unpivoted.plan.leftOut.map { importer.header[$0] }
            summary.rowSumHeaders = unpivoted.plan.rowSums.map { importer.header[$0] }
            summary.notTakenHeaders = unpivoted.plan.notTaken.map { importer.header[$0] }
            summary.notes += unpivoted.notes
            if let order = unpivoted.slashDateOrder { summary.slashDateOrder = order }
            summary.dateParts = unpivoted.plan.dateParts.map { importer.header[$0] }
            if let note = summary.emptyColumnsNote("no row made (\(unpivoted.unpivot.namesTo.joined(separator: ", ")) from the header)") { summary.notes.append(note) }
        } else {
            summary = try importer.run({ row in
                rowUnrecorded = false
                rowEmptyCharge = -1
                for k in 0..<count { try read(row, k, columns[k]) }
                if let employeeColumn { overlaps.read(row, column: employeeColumn) }
                try emit(row, cell: -1)
            }, atEnd: lateRejections)
        }
        // By unit as staffing matches them, ignoring case and spaces (`6060 TELEMETRY`'s empty
        // rows under `6060 Telemetry`'s recorded ones were "no census recorded for it"): its first
        // spelling, the last days of each kind (none recorded: no census for it) and its empty rows.
        var byUnit: [String: (name: String, lastRecorded: Int32, lastEmpty: Int32, emptyRows: Int)] = [:]
        if let u = unitSlot {
            for id in lastRecordedDay.indices where lastRecordedDay[id] != .min || lastEmptyDay[id] != .min {
                let key = internedStrings[u][id].matchKey()
                var unit = byUnit[key] ?? (internedStrings[u][id], .min, .min, 0)
                unit.lastRecorded = max(unit.lastRecorded, lastRecordedDay[id])
                unit.lastEmpty = max(unit.lastEmpty, lastEmptyDay[id])
                unit.emptyRows += emptyRows[id]
                byUnit[key] = unit
            }
        }
        // The units the empty rows are on, most first (ties by name), as the other notes of
        // rows left out name where they are.
        let emptyByUnit = byUnit.values.filter { $0.emptyRows > 0 }.sorted { ($1.emptyRows, $0.name) < ($0.emptyRows, $1.name) }
            .map { (unit: $0.name, rows: $0.emptyRows) }
        if unrecorded.rows > 0 {
            let units = emptyByUnit.isEmpty ? "" : "; " + ImportStage.rowsByUnit(emptyByUnit)
            summary.notes.append("\(NumberFormat.count(unrecorded.rows, "row")) with an empty \(unrecorded.role) (first: line \(unrecorded.firstLine)\(units)): not recorded, so left out as missing, not read as zero")
        }
        let unitsUnrecorded = byUnit.values.filter { $0.lastRecorded == .min }.map(\.name).sorted()
        if !unitsUnrecorded.isEmpty {
            summary.notes.append("every \(unrecorded.role) of \(unitsUnrecorded.count == 1 ? "unit" : "units") \(unitsUnrecorded.prefix(5).map { "'\($0)'" }.listed(of: unitsUnrecorded.count)) is empty: no census recorded for \(unitsUnrecorded.count == 1 ? "it" : "them"); check the export's column")
        }
        // The rows of the items found to be subtotals, and the reversals no receipt covers,
        // rejected above, leave the columns.
        subtotals.settle()
        let subtotalRows = Set(weighed.compactMap { $0.row >= 0 && subtotals.isSubtotal(item: $0.held.item) ? $0.row : nil })
            .union(reversals.rejectedRows)
        if !subtotalRows.isEmpty {
            func drop<T>(_ values: inout [T]) {
                guard !values.isEmpty else { return }
                values = values.enumerated().compactMap { subtotalRows.contains($0.offset) ? nil : $0.element }
            }
            for k in 0..<count {
                drop(&texts[k]); drop(&numbers[k]); drop(&days[k])
                if minutesByRow[k] != nil { drop(&minutesByRow[k]!) }
                if periodDaysByRow[k] != nil { drop(&periodDaysByRow[k]!) }
            }
            drop(&lines)
        }
        for k in 0..<count where watchesLabels[k] {
            if let problem = labelMixes[k].problem(file: importer.file, column: importer.header[columns[k]]) { throw problem }
        }
        var table = Table()
        table.sourceFile = path
        table.unrecordedKeys = unitsUnrecorded
        table.unrecordedRows = unrecorded.rows
        table.unrecordedRowsByUnit = emptyByUnit
        for unit in byUnit.values where unit.lastRecorded != .min && unit.lastEmpty > unit.lastRecorded {
            table.unrecordedThrough[unit.name] = CalendarDay(daysSinceEpoch: unit.lastEmpty)
        }
        if keepsLines { table.sourceLines = lines }
        for k in 0..<count where watchesLabels[k] {
            if let span = labelMixes[k].labelledSpan { table.labelledSpans[present[k].name] = span }
        }
        // Unpivoted roles have no header of their own: they follow the file's columns, named as roles.
        table.sourceHeaders = zip(present, columns).sorted { ($0.1 < 0 ? Int.max : $0.1) < ($1.1 < 0 ? Int.max : $1.1) }
            .map { Table.SourceHeader(role: $0.0.name, header: $0.1 >= 0 ? importer.header[$0.1] : $0.0.name) }
        for (k, role) in present.enumerated() {
            switch role.type {
            case .text: table.append(role.name, .text(texts[k]))
            case .number, .time, .dateTime: table.append(role.name, .number(numbers[k]))
            case .date:
                if distinctTimes[k].count >= 2, let minutes = minutesByRow[k], minutes.count == days[k].count { table.timeOfDayByRow[role.name] = minutes }
                // An optional date column with gaps stays text, so the gaps stay empty. Each
                // day's text is made once (a million receipt dates hold a few hundred days).
                if days[k].contains(where: { $0.daysSinceEpoch == .min }) {
                    var labels: [Int32: String] = [:]
                    table.append(role.name, .text(days[k].map { day in
                        if day.daysSinceEpoch == .min { return "" }
                        if let label = labels[day.daysSinceEpoch] { return label }
                        let label = day.description
                        labels[day.daysSinceEpoch] = label
                        return label
                    }))
                } else {
                    table.append(role.name, .date(days[k]))
                }
            case .period where role.keepsDay:
                table.append(role.name, .date(days[k]))
            case .period:
                if periodLast[k].daysSinceEpoch != .min {
                    table.periodDays[role.name] = (periodLast[k], periodDayBits[k].nonzeroBitCount)
                }
                if periodDayBits[k].nonzeroBitCount >= 2, let byRow = periodDaysByRow[k], byRow.count == days[k].count {
                    table.periodDayByRow[role.name] = byRow
                }
                var labels: [Int: String] = [:]
                table.append(role.name, .text(days[k].map { day in
                    let period = months.period(of: day)
                    if let label = labels[period] { return label }
                    let label = months.label(period)
                    labels[period] = label
                    return label
                }))
            }
        }
        if lonePunches.rows > 0 {
            let missing = lonePunches.withoutEnd == lonePunches.rows ? "a start but no end (a missed punch-out)"
                : lonePunches.withoutEnd == 0 ? "an end but no start (a missed punch-in)" : "one punch of the two (a missed punch-in or punch-out)"
            summary.notes.append("\(NumberFormat.count(lonePunches.rows, "row")) with \(missing), first on line \(lonePunches.firstLine): "
                + "\(lonePunches.rows == 1 ? "its" : "their") hours are kept as worked, but not placed on the clock (not counted on duty in shift checks, "
                + "which name them beside the shifts they fall on); add the missing punch to count them on duty")
        }
        if employeeColumn != nil, let days = table.days("date"), let units = table.texts("unit"), let hours = table.numbers("hours") {
            let overlong = OverlongDays(employees: overlaps.employees, days: days, units: units, hours: hours)
            // Pay-period totals (rows every other week) are two weeks' hours, read over their 14
            // days by staffing, which says so (`StaffingJob.timekeepingByDay`): 12 such rows of
            // 168 hours were called "employee-days with more than 24 hours" to check.
            if overlong.count > 0, StaffingJob.payPeriods(days) == nil {
                let shown = overlong.largest.map { "\($0.unit) on \($0.day): \(NumberFormat.fixed($0.hours, decimals: 1)) h" }
                summary.notes.append("\(NumberFormat.count(overlong.count, "employee-day")) with more than \(NumberFormat.fixed(OverlongDays.limit, decimals: 0)) hours ("
                    + shown.listed(of: overlong.count) + "), counted as written: a shift exported twice under two pay codes, or a pay period's total on one day, reads this way; check those rows")
            }
        }
        if employeeColumn != nil, rowRules.isActive, let s = present.firstIndex(where: { $0.name == "start" && $0.type == .dateTime }),
           let e = present.firstIndex(where: { $0.name == "end" && $0.type == .dateTime }) {
            let resolved = overlaps.resolve(starts: numbers[s], ends: numbers[e], hours: table.numbers("hours"))
            var rebuilt = Table()
            for (name, column) in zip(table.names, table.columns) {
                rebuilt.append(name, name == "start" ? .number(resolved.starts) : name == "end" ? .number(resolved.ends) : column)
            }
            rebuilt.append("overlap", .number(resolved.flags))
            rebuilt.sourceFile = table.sourceFile
            rebuilt.sourceHeaders = table.sourceHeaders
            rebuilt.sourceLines = table.sourceLines
            table = rebuilt
            summary.overlappingSpans = resolved.count
            summary.joinedSpans = resolved.joined
        }
        // Optional roles the header does not name but one of its unused columns names as
        // `inspect` would suggest (`Line Status` for status, `Qty Received` for
        // received_quantity): left unread without a word, cancelled PO lines counted as on
        // order and every receipt as complete.
        var unmatched: [String] = []
        for (c, (k, allowed)) in conditions.enumerated() {
            for (id, verdict) in verdicts[c].enumerated() where verdict == 1 { matched[c].insert(internedStrings[k][id]) }
            let missing = allowed.subtracting(matched[c]).sorted()
            guard !missing.isEmpty else { continue }
            unmatched.append(WhereValues.unmatched(missing, column: present[k].name, present: types[k] == .text ? internedStrings[k] : [], in: "the file"))
        }
        // Nothing kept at all is a filter that cannot be meant: the run wrote empty outputs and
        // exited 0.
        if !conditions.isEmpty && summary.accepted > 0 && texts.allSatisfy(\.isEmpty) && numbers.allSatisfy(\.isEmpty) && days.allSatisfy(\.isEmpty) {
            throw KeptNothing(file: importer.file, message: "where: kept none of the \(summary.accepted) rows accepted" + (unmatched.isEmpty ? "" : "; " + unmatched.joined(separator: "; ")) + "; fix the values (or the column map)")
        }
        summary.notes += unmatched
        for k in 0..<count where columns[k] >= 0 {
            if let sentence = periodLooks[k].sentence("every \(present[k].name) of the file") {
                throw InputError(file: importer.file, "\(sentence): add --date-format \(schema.kind)=dmy (date_format: dmy on its import in a pipeline); if they are days of \(DateParser.monthName(periodLooks[k].month ?? 1)), add --date-format \(schema.kind)=mdy (date_format: mdy)")
            }
        }
        var used = Set(importer.indices.values)
        let unread = schema.roles.filter { role in importer.column(role.name) == nil && !role.required && (rolesRead?.contains(role.name) ?? true) }
        var lookalikes = unpivot == nil ? ExportInspection.headersNaming(unread, of: schema.kind, in: importer.header, used: &used) : []
        // A role's words with a unit or a qualifier beside (`Max Lead Time (Days)`): named too.
        if unpivot == nil {
            let named = Set(lookalikes.map(\.role))
            lookalikes += ExportInspection.headersQualifying(unread.filter { !named.contains($0.name) }, of: schema.kind, in: importer.header, used: &used)
        }
        if !lookalikes.isEmpty {
            let shown = lookalikes.map { "'\($0.header)' (\($0.role))" }.joined(separator: ", ")
            table.unreadLookalikes = lookalikes.map { "'\($0.header)' (\($0.role))" }
            let map = lookalikes.map { "\($0.role): \"\($0.header)\"" }.joined(separator: ", ")
            summary.notes.append("\(lookalikes.count == 1 ? "a column" : "columns") \(ImportStage.unreadLookalikes)\(lookalikes.count == 1 ? "s" : "") like \(lookalikes.count == 1 ? "a role" : "roles") of \(schema.kind): \(shown); if \(lookalikes.count == 1 ? "it is" : "they are"), map \(lookalikes.count == 1 ? "it" : "them") with columns: {\(map)} (--columns in a canned command)")
        }
        return (table, summary)
    }

    /// One column per item (a pharmacy's daily sheet): each non-empty cell becomes a row.
    /// Rows that do not parse go to the rejects file like those of a long import.
    func readWide(_ path: String, _ options: ImportOptions) throws -> (Table, ImportSummary) {
        var wideOptions = options
        let dateHeader = options.columns["date"] ?? idColumns[0]
        wideOptions.columns = ["date": dateHeader]
        let importer: TableImport
        do {
            importer = try TableImport(path: path, columns: [ColumnSpec("date")], options: wideOptions)
        } catch let error as InputError where error.message.hasPrefix("missing required column") {
            throw InputError(file: path, line: 1, "wide layout: no date column '\(dateHeader)'; map it with columns: {date: \"Header\"}")
        }
        guard let dateIndex = importer.column("date") else {
            throw InputError(file: path, line: 1, "wide layout: no date column '\(dateHeader)'; map it with columns: {date: \"Header\"}")
        }
        let header = importer.header
        let itemIndices = header.indices.filter { !idColumns.contains(header[$0]) && $0 != dateIndex }
        var dateColumn: [String] = [], items: [String] = [], quantities: [Double] = []
        var cells: [(Int, Double)] = []
        let summary = try importer.run { row in
            let day = try row.date(dateIndex)
            cells.removeAll(keepingCapacity: true)
            for k in itemIndices where !row.record[k].isEmpty {
                cells.append((k, try row.number(k)))
            }
            let label = day.description
            for (k, q) in cells { dateColumn.append(label); items.append(header[k]); quantities.append(q) }
        }
        return (Table([("date", .text(dateColumn)), ("item", .text(items)), ("quantity", .number(quantities))]), summary)
    }
}
