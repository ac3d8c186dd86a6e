import Forecasting
import Tabular

/// `aggregate`: sums a table's values per series and period (the pipeline's calendar
/// frequency unless set), zero-filling gaps from each series' first use, as the CLI command.
public struct AggregateStage: Stage {
    public static let kind = "aggregate"
    public static let summary = "Sum values per series and period; gaps are zero demand, or missing for levels such as census."
    public static let outputs = ["series"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("input", .reference, required: true, "the table to aggregate (an import's output)"),
        ParameterSpec("series", .list, default: "item", "column(s) naming a series; several are joined with '|' (e.g. item, location)"),
        ParameterSpec("date", .string, default: "date", "date or period column"),
        ParameterSpec("value", .string, default: "quantity", "column to sum"),
        ParameterSpec("frequency", .string, "day, week, month, quarter or year (default: the pipeline calendar)"),
        ParameterSpec("gaps", .string, "a period without rows is zero (usage) or missing (census, levels: written with an empty value, not fitted); default missing when the value column names a level (patient_days, census, occupancy), else zero"),
        ParameterSpec("partial", .string, default: "drop", "a first or last period the dates cover only in part: drop (with a note) or keep"),
        ParameterSpec("as_of", .string, "keep rows dated on or before this day (YYYY-MM-DD): the data as it stood then, e.g. to replay an earlier run; under partial: drop the period holding the day is left out unless it ends that day"),
    ]

    public var input: String
    public var seriesColumns: [String]
    public var dateColumn: String
    public var valueColumn: String
    public var frequency: Frequency?
    public var gaps: GapPolicy
    public var partial: PartialPolicy
    /// Set when `gaps` was not given and the value column's header made them missing: the
    /// run says so.
    public var gapsReadAsLevel = false
    /// Whether `gaps` was given: when not, the export's own header of the value column (an
    /// import's `columns: {quantity: census}`) can make them missing too.
    public var gapsGiven = true
    /// Rows dated after this day are left out (nil keeps every row).
    public var asOf: CalendarDay?

    public var inputs: [String] { [input] }

    public init(input: String, series: [String] = ["item"], date: String = "date", value: String = "quantity", frequency: Frequency? = nil,
                gaps: GapPolicy = .zero, partial: PartialPolicy = .drop) {
        self.input = input
        self.seriesColumns = series
        self.dateColumn = date
        self.valueColumn = value
        self.frequency = frequency
        self.gaps = gaps
        self.partial = partial
    }

    public init(parameters p: StageParameters) throws {
        var frequency: Frequency?
        if let f = try p.string("frequency") {
            guard let parsed = Frequency(rawValue: f) else { throw p.error("frequency", "frequency must be one of \(Frequency.allCases.map(\.rawValue).joined(separator: ", "))") }
            frequency = parsed
        }
        let value = try p.string("value") ?? "quantity"
        self.init(input: try p.requiredString("input"), series: try p.list("series"), date: try p.string("date") ?? "date",
                  value: value, frequency: frequency,
                  gaps: try p.choice("gaps", default: GapPolicy(impliedByValueColumn: value)), partial: try p.choice("partial", default: .drop))
        gapsGiven = try p.string("gaps") != nil
        gapsReadAsLevel = !gapsGiven && gaps == .missing
        if let text = try p.string("as_of") {
            guard let day = AggregateStage.isoDay(text) else {
                // A well-written day that does not exist (2024-02-30) says why, not how to write it.
                let parts = text.split(separator: "-").compactMap { Int($0) }
                if parts.count == 3, AggregateStage.isoShaped(text), let why = DateParser.impossibility(year: parts[0], month: parts[1], day: parts[2]) {
                    throw p.error("as_of", "as_of '\(text.clipped(40))' is not a real day: \(why)")
                }
                throw p.error("as_of", "as_of '\(text.clipped(40))' is not a date written YYYY-MM-DD, e.g. 2025-12-31")
            }
            asOf = day
        }
    }

    /// `YYYY-MM-DD`, a real calendar day.
    static func isoDay(_ text: String) -> CalendarDay? {
        guard isoShaped(text) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0)! }
        return CalendarDay(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Written `YYYY-MM-DD` (four, two and two digits), whether or not the day exists.
    static func isoShaped(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        let rows = try context.table(input)
        // A census imported onto `quantity` (`columns: {quantity: census}`) is still a level: its
        // unrecorded months were written as 0 census and fitted, where the command line, reading
        // the export's header, leaves them missing.
        var gaps = self.gaps, levelHeader = gapsReadAsLevel ? valueColumn : nil
        if !gapsGiven && gaps == .zero, let source = rows.sourceHeaders.first(where: { $0.role == valueColumn })?.header, GapPolicy.namesALevel(source) {
            gaps = .missing
            levelHeader = source
        }
        let stageFrequency = frequency ?? context.calendar.frequency ?? .month
        // By the day with zeros for the days without a row: which days had rows, so that a
        // forecast stage summing them into months tells the zeros written from the rows'.
        var withRows = Set<Int64>()
        let marksFilledDays = stageFrequency == .day && gaps == .zero
        var (totals, mixedUnits) = try withUnsafeMutablePointer(to: &withRows) { days in
            try AggregateStage.totalsAndUnits(of: rows, series: seriesColumns, date: dateColumn, value: valueColumn,
                                              frequency: stageFrequency, stage: context.stage, gaps: gaps,
                                              through: asOf, rowDays: marksFilledDays ? days : nil, context: context)
        }
        if let problem = totals.periodsShorterThanRows(option: "frequency:") { throw PipelineError(location: nil, "stage '\(context.stage)': \(problem)") }
        if let levelHeader {
            context.note(GapPolicy.impliedMissingNote(header: levelHeader, zero: "gaps: zero"))
        }
        var nothingComplete: String?
        if partial == .drop {
            try AggregateStage.leaveOutPartialPeriods(&totals, context)
            nothingComplete = totals.nothingCompleteToLearnFrom(keep: "partial: keep on stage '\(context.stage)'", frequencyOption: "frequency:")
            if let asOf, let open = totals.leaveOutPeriod(endingAfter: asOf) {
                context.note("partial period \(open): it ends after as_of \(asOf), and its rows are whole periods, which the data as it stood then did not hold yet; left out (partial: keep keeps it)")
            }
        }
        if let holes = totals.periodsWithoutAnyRowNote(option: "gaps:") { context.note(holes) }
        if let twoWeeks = totals.twoWeekTotalsNote(dayOption: "frequency: day") { context.note(twoWeeks) }
        if let spellings = SeriesImport.spellingsNote(totals) { context.note(spellings) }
        if let mixedUnits { context.note(mixedUnits) }
        var keys: [String] = [], periods: [String] = [], values: [Double] = [], filled: [Bool] = []
        // A series' first period begun within is left out as the file's partial ones are
        // (`PeriodTotals.aggregateValues`): a forecast stage reading the table fits what it holds.
        totals.forEachSeries(leavingOutPartFirstPeriods: partial == .drop) { id, first, series in
            let key = totals.keys.key(id)
            // A missing period (gaps: missing) gets an empty value, never a zero, as `aggregate`
            // writes it; a forecast stage reads it back as missing.
            guard series.contains(where: { !$0.isNaN }) else { return }
            for (offset, v) in series.enumerated() {
                keys.append(key)
                periods.append(totals.frequency.label(first + offset))
                values.append(v)
                if marksFilledDays { filled.append(v == 0 && !withRows.contains(AggregateStage.dayKey(id, Int32(truncatingIfNeeded: first + offset)))) }
            }
        }
        if keys.isEmpty, rows.rowCount > 0, let asOf { throw keptNothing(asOf: asOf, rows: rows, context) }
        var table = Table([("series", .text(keys)), ("period", .text(periods)), ("value", .number(values))])
        if marksFilledDays { table.filledDays = filled }
        table.valuesAreLevels = gaps == .missing
        // (No series' part first period is left in the table for a forecast stage to leave out.)
        // (Series whose part first period is their only one keep it: the forecast stage reads it
        // at its days' rate, as `forecast` does.)
        table.periodTotals = (totals.frequency, totals.daysSummed, [], totals.keysOnFewerWeekdays, totals.keysReadAtTheirRate)
        if partial == .keep {
            var whole = totals
            table.partialPeriodsKept = Set(whole.leaveOutPartialPeriods().map(\.label))
            if let kept = SeriesImport.partialPeriodsKeptNote(totals, drop: "partial: drop") { context.note(kept) }
        }
        table.nothingCompleteToLearnFrom = nothingComplete
        return ["series": table]
    }

    /// The error when `as_of` leaves none of the input's rows (or only a partial period).
    ///
    /// A replay typed a year early (`as_of: 2023-12-31` on an export starting 2024-01) kept no
    /// row, yet the run exited 0, replaced the 9 forecasts of the output folder with an empty
    /// file and archived a run with as_of NULL: nothing said the typo emptied it, as an
    /// import's `where:` that keeps no row already does.
    func keptNothing(asOf: CalendarDay, rows: Table, _ context: StageContext) -> PipelineError {
        let first = rows.days(dateColumn)?.min()
        let rowCount = NumberFormat.count(rows.rowCount, "row")
        guard let first, asOf >= first else {
            return PipelineError(location: nil, "stage '\(context.stage)': as_of \(asOf) is before the first row of '\(input)' (\(first.map(\.description) ?? "no date")): it keeps none of its \(rowCount), so there is nothing to forecast or plan from; give as_of a day on or after \(first.map(\.description) ?? "the first date") (the data as it stood then), or leave as_of out to read every row")
        }
        return PipelineError(location: nil, "stage '\(context.stage)': as_of \(asOf) keeps only rows of the period holding it, which is partial then and left out (partial: drop): nothing whole is left of '\(input)' (its \(rowCount) begin \(first)); give as_of the last day of a period after it, or partial: keep")
    }

    /// A series' day as one key, for the set of days with rows (`Table.filledDays`).
    static func dayKey(_ series: Int, _ day: Int32) -> Int64 { Int64(series) << 32 | Int64(UInt32(bitPattern: day)) }

    /// `partial: drop`: the periods the rows cover in part are left out, with the notes; how
    /// many the file's ends lost. With `refusing`, a stage that would fit them throws when every
    /// period is partial, naming that way to keep them.
    @discardableResult
    static func leaveOutPartialPeriods(_ totals: inout PeriodTotals, _ context: StageContext, refusing keep: String? = nil) throws -> Int {
        let left = totals.leaveOutPartialPeriods()
        if let keep, let problem = totals.nothingCompleteToLearnFrom(keep: keep, frequencyOption: "frequency:") {
            throw PipelineError(location: nil, "stage '\(context.stage)': \(problem)")
        }
        for period in left { context.note("partial period \(period)") }
        if let inPart = totals.periodsSeriesCoverInPartNote(option: "gaps:") { context.note(inPart) }
        if let starting = totals.seriesStartingInPartNote(writtenAsTotals: true) { context.note(starting) }
        if let kept = totals.partialPeriodsKeptNote { context.note(kept) }
        return left.count
    }

    /// Per-period totals of a table's rows.
    static func totals(of table: Table, series: [String], date: String, value: String, frequency: Frequency, stage: String,
                       gaps: GapPolicy = .zero, through last: CalendarDay? = nil, skipping: [Bool]? = nil, context: StageContext? = nil) throws -> PeriodTotals {
        try totalsAndUnits(of: table, series: series, date: date, value: value, frequency: frequency, stage: stage, gaps: gaps, through: last,
                           skipping: skipping, context: context).totals
    }

    /// The series of rows whose series columns are all empty (a left join's unmatched rows
    /// keyed by a lookup column, an export's blank item): kept, under the name a spreadsheet's
    /// pivot table gives them, so the totals still add up and the series is seen, with a note.
    /// Keyed by the empty text, such rows were summed into a series with no name, written
    /// `,2026-01,9` and forecast, without a word (a reviewer's case: 9 of 149 units).
    public static let blankSeries = "(blank)"

    /// The note on the rows `blankSeries` holds: how many, their total, which columns are empty.
    static func blankSeriesNote(rows: Int, total: Double, series: [String], value: String) -> String {
        "\(NumberFormat.count(rows, "row")) with an empty \(series.joined(separator: " and ")) (\(NumberFormat.fixed(total)) of \(value) in all) \(rows == 1 ? "is" : "are") kept as the series '\(blankSeries)', as a pivot table shows them, so the totals add up; fill in the \(series.joined(separator: " and ")) (a left join leaves \(series.count == 1 ? "it" : "them") empty where the lookup table lacks the row's key), or filter \(rows == 1 ? "the row" : "the rows") out"
    }

    /// The totals, and the note on the series whose summed rows are written in more than one
    /// unit of measure when the table has a `uom` column (`UnitsBySeries`), from one pass.
    static func totalsAndUnits(of table: Table, series: [String], date: String, value: String, frequency: Frequency, stage: String,
                               gaps: GapPolicy = .zero, through last: CalendarDay? = nil, skipping: [Bool]? = nil,
                               rowDays: UnsafeMutablePointer<Set<Int64>>? = nil, context: StageContext? = nil) throws -> (totals: PeriodTotals, mixedUnits: String?) {
        func missing(_ name: String) -> PipelineError {
            PipelineError(location: nil, "stage '\(stage)': the input has no column '\(name)'; it has \(table.names.joined(separator: ", "))")
        }
        let keyColumns = try series.map { name -> [String] in
            guard let c = table.texts(name) else { throw missing(name) }
            return c
        }
        guard let dates = table.days(date) else {
            throw table.index(of: date) == nil ? missing(date)
                : PipelineError(location: nil, "stage '\(stage)': the column '\(date)' holds values that are not dates")
        }
        guard let amounts = table.numbers(value) else { throw missing(value) }
        var totals = PeriodTotals(frequency: frequency, gaps: gaps)
        // An empty value in aggregate's shape is a period recorded as missing (see `SeriesImport`).
        let emptyMarksMissing = gaps == .missing || SeriesImport.marksMissingByEmptyValue(dateHeader: date, valueHeader: value)
        let uom = series.contains("uom") ? nil : table.texts("uom")
        var units = UnitsBySeries(), tags = SeriesTags()
        // Parts holding the `|` that joins them, by the key they make: only such tuples can
        // make one key of two (`B|X` at `ICU` and `B` at `X|ICU` are both `B|X|ICU`), which summed
        // two series into one without a word.
        var barred: [String: [String]] = [:]
        var blankRows = 0, blankTotal = 0.0
        defer {
            if blankRows > 0 { context?.note(AggregateStage.blankSeriesNote(rows: blankRows, total: blankTotal, series: series, value: value)) }
        }
        for row in 0..<table.rowCount {
            let day = dates[row]
            guard amounts[row].isFinite || emptyMarksMissing && amounts[row].isNaN else { continue }
            if let skipping, row < skipping.count, skipping[row] { continue }
            if let last, last < day { continue }
            var key = keyColumns.count == 1 ? keyColumns[0][row] : keyColumns.map { $0[row] }.joined(separator: "|")
            if keyColumns.allSatisfy({ $0[row].isEmpty }) {
                key = AggregateStage.blankSeries
                blankRows += 1
                if amounts[row].isFinite { blankTotal += amounts[row] }
            }
            if keyColumns.count > 1, keyColumns.contains(where: { $0[row].utf8.contains(UInt8(ascii: "|")) }) {
                let parts = keyColumns.map { $0[row] }
                if let other = barred[key], other != parts {
                    let named = { (values: [String]) in zip(series, values).map { "\($0) '\($1)'" }.joined(separator: ", ") }
                    throw PipelineError(location: nil, "stage '\(stage)': \(named(parts)) and \(named(other)) both make the series '\(key)', as '|' joins the parts: they would be summed as one; replace the '|' in the values, or key the series by fewer columns")
                }
                barred[key] = parts
            }
            let id = key.withUTF8 { totals.id(adding: $0, day: day, value: amounts[row]) }
            rowDays?.pointee.insert(AggregateStage.dayKey(id, day.daysSinceEpoch))
            if var unit = uom?[row] {
                let tag = unit.withUTF8 { units.tag(of: $0) }
                if tag >= 0 { tags.see(series: id, tag: tag) }
            }
        }
        if let span = table.labelledSpans[date] { totals.markRowsLabelled(span) }
        return (totals, units.note(tags.mixed.map { (totals.keys.key($0.key), $0.value) }, column: "uom"))
    }
}
