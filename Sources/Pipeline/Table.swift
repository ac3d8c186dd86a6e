import Forecasting
import Planning
import Tabular

/// A table passed between pipeline stages: named columns of text or numbers.
///
/// Dates travel as ISO text (`2026-07-01`) or period labels, so every stage reads them the
/// same way whatever the source export used.
public struct Table: Sendable {
    public enum Column: Sendable {
        case text([String])
        case number([Double])
        /// Days, kept typed so large imports neither format nor re-parse them.
        case date([CalendarDay])

        var count: Int {
            switch self {
            case .text(let v): return v.count
            case .number(let v): return v.count
            case .date(let v): return v.count
            }
        }
    }

    public private(set) var names: [String] = []
    public private(set) var columns: [Column] = []
    /// For an imported table: each role with the header it had in the file, in file order,
    /// so an output meant to be loaded back can use the export's own layout.
    public var sourceHeaders: [SourceHeader] = []
    /// For an imported table: the file it was read from, so a later stage's message about
    /// its content can name the file the user has to fix.
    public var sourceFile: String?
    /// For an imported table: the columns its import left unread that look like one of its
    /// optional roles (`'Lead Time (Days)' (lead_time_days)`), said in the console's notes, so
    /// a report built on the table can say it too: reorder.md stated the 7-day default as an
    /// implant's own lead time, where the item master's column gave 21.
    public var unreadLookalikes: [String] = []
    /// For an import of a kind with a unique key (inventory, lots, the item master, PO lines):
    /// each row's line in its file, so a later check of that key names the lines to fix (two
    /// inventory rows that are one item once its code is read as the master's). Usage keeps none.
    public var sourceLines: [Int32]?
    /// Units (a census's key) whose every row left its level empty (`InputSchema.Role.emptyIsUnrecorded`):
    /// the import left them out, and staffing names them as units without census, not as
    /// timekeeping units spelled otherwise than the census.
    public var unrecordedKeys: [String] = []
    /// Rows the import left out because their level was empty (`emptyIsUnrecorded`), for a
    /// report to count: shifts with no patient count are shifts not checked.
    public var unrecordedRows = 0
    /// Those rows by unit, most first (`ImportStage.rowsByUnit`), for the report to name them.
    public var unrecordedRowsByUnit: [(unit: String, rows: Int)] = []
    /// Units whose rows go on, their level empty, after their last recorded one: the last such
    /// row's day. Staffing says their census was left empty, not that they closed (a unit
    /// whose last 90 days were blank, with 17,415 hours worked on it, was "a closed unit").
    public var unrecordedThrough: [String: CalendarDay] = [:]
    /// For an import's period columns, read as months: the last day their rows named and how
    /// many days of the month they used (counted to eight). A ledger dated by the day that
    /// stops mid-month holds part of its last month (`LedgerMonths.partialLastMonth`).
    public var periodDays: [String: (lastDay: CalendarDay, daysOfMonth: Int)] = [:]
    /// For an import's date columns carrying two times of day or more (`2026-01-05 12:00`):
    /// each row's time, minutes after midnight, -1 for a row without one. The day alone is kept
    /// in the column; a census of occupied beds counted at midnight and noon is two counts of
    /// one day, not two days (`CensusSnapshots` reads them).
    public var timeOfDayByRow: [String: [Int32]] = [:]
    /// For an import's period columns whose rows fall on more than one day of a month (a
    /// ledger dated by the posting day): each row's day, while the column holds its month. A
    /// payroll posted on the 15th and on the last day books the same amounts twice a month,
    /// which read by month alone looked like a month exported twice
    /// (`LedgerMonths.repeated`).
    public var periodDayByRow: [String: [CalendarDay]] = [:]
    /// For an aggregate stage's output: the periods its totals are, the weekdays they sum when
    /// summed from daily rows, the series that began within their first period and those used
    /// on fewer weekdays than the file records (`PeriodTotals.keysOnFewerWeekdays`). A forecast
    /// stage reading it at the same frequency then fits months per average length and leaves
    /// those first periods out, as `forecast` does on the daily rows themselves (a drug used
    /// 10 a day was forecast at 305 for every month, February's 280 outside the 95% interval).
    public var periodTotals: (frequency: Frequency, daysSummed: OpenWeekdays?, startingInPart: Set<String>, weekdays: [String: OpenWeekdays], readAtTheirRate: [String: PeriodTotals.Days])?
    /// For an aggregate stage's output under `partial: keep` (nil under `drop`): the periods its
    /// rows cover only in part, kept to fit. A forecast stage records no actual of them in the
    /// run history, and, summing the rows into longer periods, keeps partial ones to fit too
    /// (it refused them as under `drop`).
    public var partialPeriodsKept: Set<String>?
    /// For an aggregate stage's output under `partial: drop` whose every period is covered only
    /// in part (kept, as leaving them out would leave nothing): why a forecast stage at the same
    /// frequency refuses them, as `forecast` refuses the export. A pipeline forecast 6 weeks of
    /// July and August at 462 for a month of 22 a day where `forecast` stopped.
    public var nothingCompleteToLearnFrom: String?
    /// By date column, the period every row's label names (`2026-Q2`, `2025-W40`; see
    /// `PeriodLabelMix.labelledSpan`), for an aggregate stage reading the column.
    public var labelledSpans: [String: Frequency] = [:]
    /// The distinct days of the `date` column before a shard kept its rows: what a usage row
    /// stands for (a day, or a month's total) is told from the whole file, as the unsharded run
    /// tells it (`reorder`; a shard holding only month-end rows read them as monthly totals).
    public var unshardedDays: [CalendarDay]?
    /// For a period column dated by the day (`periodDayByRow`) read in a shard: the whole
    /// file's distinct days, so that whether a ledger's first or last month is whole
    /// (`LedgerDays`) does not change with the shard split.
    public var unshardedPeriodDays: [String: [CalendarDay]] = [:]
    /// The `as_of` dates of an inventory's rows before a shard kept its rows: its snapshot date
    /// is the whole file's, as the unsharded run reads it (`reorder`; a shard whose items were
    /// counted on another day read its last month to another day).
    public var unshardedCountDates: PartialLastPeriod.CountDates?
    /// The text columns a shard keeps whole (`ShardKey.wholeColumns`), by name, as they were
    /// before the shard kept its rows.
    public var unshardedTexts: [String: [String]] = [:]
    /// For an aggregate stage's output by the day under `gaps: zero`: by row, whether its zero
    /// was written for a day the series had no row on, as against a 0 the export recorded.
    public var filledDays: [Bool]?
    /// For an aggregate stage's output under `gaps: missing` (given, or implied by a value
    /// column that names a level): its values are levels, a census rather than amounts used.
    /// A forecast stage reading it by the day leaves a level on a series' closed day out, as
    /// `forecast` does, where summed into the next open day a clinic census of 20 was forecast
    /// 30.94 on Mondays (`OpenDaySeries.openDays(of:first:flows:)`).
    public var valuesAreLevels = false

    /// " (budget.csv)" for a table read from a file, to follow its name in a message; "" for
    /// a table built otherwise.
    public var fromFile: String { sourceFile.map { " (\($0))" } ?? "" }

    public struct SourceHeader: Sendable, Equatable {
        public var role: String
        public var header: String
    }

    public init() {}

    public init(_ columns: [(String, Column)]) {
        for (name, column) in columns { append(name, column) }
    }

    public var rowCount: Int { columns.first?.count ?? 0 }

    public mutating func append(_ name: String, _ column: Column) {
        precondition(columns.isEmpty || column.count == rowCount, "column \(name) has \(column.count) rows, table has \(rowCount)")
        names.append(name)
        columns.append(column)
    }

    public func index(of name: String) -> Int? { names.firstIndex(of: name) }

    /// Replaces the column `name` (of the same length), or does nothing when there is none.
    public mutating func replace(_ name: String, with column: Column) {
        guard let i = index(of: name) else { return }
        precondition(column.count == rowCount, "column \(name) has \(column.count) rows, table has \(rowCount)")
        columns[i] = column
    }

    /// A column as text (numbers formatted as they would be written).
    public func texts(_ name: String) -> [String]? {
        guard let i = index(of: name) else { return nil }
        switch columns[i] {
        case .text(let v): return v
        case .number(let v): return v.map { NumberFormat.fixed($0) }
        case .date(let v): return v.map(\.description)
        }
    }

    /// A column as days; nil when absent or when a value is not a date.
    public func days(_ name: String) -> [CalendarDay]? {
        guard let i = index(of: name) else { return nil }
        switch columns[i] {
        case .date(let v): return v
        case .number: return nil
        case .text(let v):
            let parser = DateParser()
            var result: [CalendarDay] = []
            result.reserveCapacity(v.count)
            for s in v {
                guard let d = parser.parse(s) else { return nil }
                result.append(d)
            }
            return result
        }
    }

    /// A column as numbers; nil when absent or when a text value is not a number.
    public func numbers(_ name: String) -> [Double]? {
        guard let i = index(of: name) else { return nil }
        switch columns[i] {
        case .number(let v): return v
        case .date: return nil
        case .text(let v):
            let parser = NumberParser()
            var result: [Double] = []
            result.reserveCapacity(v.count)
            for s in v {
                guard let x = parser.parse(s) else { return nil }
                result.append(x)
            }
            return result
        }
    }

    /// Keeps the rows where `keep` is true. The columns, and so their source headers, stay, as
    /// do the file's name and what the import saw of its dates.
    public func filtered(_ keep: [Bool]) -> Table {
        var result = Table()
        result.sourceHeaders = sourceHeaders
        result.sourceFile = sourceFile
        result.unreadLookalikes = unreadLookalikes
        result.periodDays = periodDays
        // Fewer rows of the same totals: a `filter` or `join` between an aggregate and a
        // forecast dropped these, and the partial month kept to fit was recorded as an actual
        // (15 days of August, 165, scored a forecast of 330 as 165 too high).
        result.periodTotals = periodTotals
        result.partialPeriodsKept = partialPeriodsKept
        result.nothingCompleteToLearnFrom = nothingCompleteToLearnFrom
        result.labelledSpans = labelledSpans
        result.unshardedDays = unshardedDays
        result.unshardedPeriodDays = unshardedPeriodDays
        result.unshardedCountDates = unshardedCountDates
        result.unshardedTexts = unshardedTexts
        result.valuesAreLevels = valuesAreLevels
        result.filledDays = filledDays.map { zip($0, keep).compactMap { $1 ? $0 : nil } }
        result.sourceLines = sourceLines.map { zip($0, keep).compactMap { $1 ? $0 : nil } }
        for (name, minutes) in timeOfDayByRow { result.timeOfDayByRow[name] = zip(minutes, keep).compactMap { $1 ? $0 : nil } }
        for (name, days) in periodDayByRow { result.periodDayByRow[name] = zip(days, keep).compactMap { $1 ? $0 : nil } }
        for (name, column) in zip(names, columns) {
            switch column {
            case .text(let v): result.append(name, .text(zip(v, keep).compactMap { $1 ? $0 : nil }))
            case .number(let v): result.append(name, .number(zip(v, keep).compactMap { $1 ? $0 : nil }))
            case .date(let v): result.append(name, .date(zip(v, keep).compactMap { $1 ? $0 : nil }))
            }
        }
        return result
    }

    /// Writes the table as CSV (atomically, formula-safe).
    public func write(to path: String) throws {
        let writer = try CSVWriter(path: path, header: names)
        do {
            for row in 0..<rowCount {
                for column in columns {
                    switch column {
                    case .text(let v): try writer.text(v[row])
                    case .number(let v): try writer.number(v[row])
                    case .date(let v): try writer.text(v[row].description)
                    }
                }
                try writer.endRow()
            }
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Reads a CSV written by `write(to:)` (or any plain CSV), numbers where a whole column parses.
    /// `text` names columns kept as text whatever they hold: item codes of digits alone
    /// (`101100`, `000123`) are codes, not numbers to show as 101,100.00. A column whose
    /// non-empty cells are all numbers is numbers, its empty cells missing.
    public static func read(_ path: String, text: Set<String> = []) throws -> Table {
        let reader = try CSVReader(path: path)
        var values = [[String]](repeating: [], count: reader.header.count)
        try reader.forEachRecord { record in
            guard !record.isBlank else { return }
            guard record.count == values.count else {
                throw InputError(file: path, line: record.line, "row has \(record.count) fields but the header has \(values.count)")
            }
            for k in 0..<record.count { values[k].append(record.string(k)) }
        }
        var table = Table()
        let parser = NumberParser()
        for (name, column) in zip(reader.header, values) {
            let parsed = column.map { $0.isEmpty ? Double.nan : parser.parse($0) }
            if !text.contains(name), column.contains(where: { !$0.isEmpty }), parsed.allSatisfy({ $0 != nil }) {
                table.append(name, .number(parsed.map { $0! }))
            } else {
                table.append(name, .text(column))
            }
        }
        return table
    }
}
