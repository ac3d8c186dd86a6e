#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Forecasting
import Tabular

/// Reads a long export (one row per series, date and value) into per-period totals:
/// the shared first step of `aggregate` and `forecast`.
public struct SeriesImport: Sendable {
    public var input: String
    /// Header names in the file; `--columns` entries for series/item, date, value/quantity
    /// override them. Left nil (with no `--columns` for them), the file is read under a usage
    /// export's names (`item`, `date`, `quantity`) or, lacking those, under `aggregate`'s own
    /// (`series`, `period`, `value`), so its output reads back as it is (from a file; standard
    /// input cannot be read twice).
    public var seriesColumn: String?
    public var dateColumn: String?
    public var valueColumn: String?
    public var frequency: Frequency = .month
    /// Whether `frequency` was asked for (`--frequency`) rather than the default month.
    public var frequencyGiven = true
    public var options = ImportOptions()
    public var shard: Shard?
    /// A wide export (`--unpivot`): names_to among item (series) and date, values_to quantity (value).
    public var unpivot: Unpivot?
    /// Periods without rows: zero demand (usage) or missing (levels such as census); nil
    /// takes the value column's (`GapPolicy(impliedByValueColumn:)`).
    public var gaps: GapPolicy?
    /// A first or last period the file covers only in part: left out (default) or kept.
    public var partial: PartialPolicy = .drop

    /// For `aggregate`, whose output of totals cannot mark a part period (`PeriodTotals.seriesStartingInPartNote(writtenAsTotals:)`).
    public var writesTotals = false

    public init(input: String) { self.input = input }

    /// The header the values are read from: `--columns` for value or quantity, else the value
    /// column's name, else a usage export's `quantity`.
    var valueHeader: String {
        options.columns.first { SeriesImport.role($0.key) == "value" }?.value ?? valueColumn ?? "quantity"
    }

    /// The gap policy the import reads with: as set, else the value column's (a wide export's
    /// values come from many columns and are usage unless said otherwise).
    public var gapPolicy: GapPolicy { gaps ?? (unpivot == nil ? GapPolicy(impliedByValueColumn: valueHeader) : .zero) }

    /// The totals, the import's counts and notes on what was left out (partial periods).
    ///
    /// `aggregateShaped`: the file is headed as `aggregate` writes it (`series,period,value`),
    /// so its totals may have come from a daily export (`ForecastJob.totalsWithoutDaysNote`).
    public func read() throws -> (totals: PeriodTotals, summary: ImportSummary, notes: [String], aggregateShaped: Bool) {
        // A file's dates may call for reading it again (`TableImport.SecondLook`: two-digit years
        // the pivot at 70 splits, slash dates that read only day-first); standard input cannot be.
        var options = self.options
        options.secondLook = input != "-"
        let rows: (totals: PeriodTotals, summary: ImportSummary, emptyValues: Int, datesReadOneWay: Bool, aggregateShaped: Bool)
        do {
            rows = try readRows(options)
        } catch let look as TableImport.SecondLook {
            // Read again with what was found; the second read looks no further.
            rows = try readRows(look.options)
        }
        var (totals, summary, emptyValues, datesReadOneWay, aggregateShaped) = rows
        if emptyValues > 0 && emptyValues == summary.accepted {
            throw InputError(file: input, "every value is empty (\(emptyValues) rows): nothing was recorded to learn from; check that the file holds the values")
        }
        if let problem = totals.periodsShorterThanRows(option: "--frequency") { throw InputError(file: input, problem) }
        var notes = summary.notes
        summary.notes = []
        if gaps == nil, gapPolicy == .missing {
            notes.append(GapPolicy.impliedMissingNote(header: valueHeader, zero: "--gaps zero"))
        }
        // Weeks labelled `2023-W27` (aggregate's own weekly output) summed into the default
        // months without a word: the user who aggregated by the week meant weeks.
        if !frequencyGiven, let labelled = totals.rowDays.labelled, labelled.rank < frequency.rank {
            notes.append("the rows are labelled with \(labelled.rawValue)s: summed into \(frequency.rawValue)s, the default; --frequency \(labelled.rawValue) keeps the \(labelled.rawValue)s")
        }
        if let twoWeeks = totals.twoWeekTotalsNote(dayOption: "--frequency day") { notes.append(twoWeeks) }
        let gapNotes = notes.count
        if partial == .drop {
            // A level's periods a series covers in part become missing, not left out: one whose
            // every period did so (a unit with three days unrecorded in its one whole month) had
            // no output row and no word.
            func allMissing() -> Set<Int> {
                var ids = Set<Int>()
                if gapPolicy == .missing { totals.forEachSeries { id, _, values in if !values.contains(where: { !$0.isNaN }) { ids.insert(id) } } }
                return ids
            }
            let missingBefore = allMissing()
            notes += totals.leaveOutPartialPeriods().map(\.description)
            let emptied = (0..<totals.seriesCount).filter { totals.isEmpty($0) } + allMissing().subtracting(missingBefore).sorted()
            if !emptied.isEmpty {
                notes.append("\(emptied.count) series had rows only in the periods left out: no output for them (\(SeriesImport.named(emptied, in: totals)))")
            }
            if let inPart = totals.periodsSeriesCoverInPartNote(option: "--gaps") { notes.append(inPart) }
            if let starting = totals.seriesStartingInPartNote(writtenAsTotals: writesTotals) { notes.append(starting) }
        }
        if notes.count > gapNotes { notes[gapNotes] = "partial periods (--partial drop; keep them with --partial keep): " + notes[gapNotes] }
        if partial == .drop, let kept = totals.partialPeriodsKeptNote { notes.append(kept) }
        if partial == .keep, let kept = SeriesImport.partialPeriodsKeptNote(totals, drop: "--partial drop") { notes.append(kept) }
        // (ISO dates in January 1-12 read one way only: no word of day-first for them; nor
        // for dates the import has read day-first already, with its own note.)
        if !datesReadOneWay, summary.slashDateOrder != .dayFirst, let dayFirst = totals.dayFirstNote { notes.append(dayFirst) }
        if gapPolicy == .missing, let silent = SeriesImport.silentAtTheEndNote(totals) { notes.append(silent) }
        if let holes = totals.periodsWithoutAnyRowNote(option: "--gaps") { notes.append(holes) }
        // (A shard holds some spellings of a name and not others: there it says nothing.)
        if shard == nil, let spellings = SeriesImport.spellingsNote(totals) { notes.append(spellings) }
        if let empty = SeriesImport.emptyValuesNote(emptyValues) {
            notes.append(empty)
            let unrecorded = (0..<totals.seriesCount).filter { id in !totals.isEmpty(id) && totals.values(of: id).values.allSatisfy(\.isNaN) }
            if !unrecorded.isEmpty {
                notes.append("\(unrecorded.count) series \(unrecorded.count == 1 ? "has" : "have") only empty values: no output for them (\(SeriesImport.named(unrecorded, in: totals)))")
            }
        }
        try SeriesImport.failIfNothingIsLeft(totals, input: input, notes: Array(notes[gapNotes...]), gaps: gapPolicy, partial: partial)
        // Weekly totals read by the day would be one spike a week; a clinic open one day a week
        // has rows just like them, so they are read, with a word.
        if frequency == .day && totals.rowDays.span == .week {
            // Every other week (`RowDays.weeksPerRow`): two weeks' totals, not one week's.
            let twoWeeks = totals.rowDays.weeksPerRow == 2
            notes.append("the rows fall one \(twoWeeks ? "every two weeks" : "a week") on one weekday (\(totals.rowDays.spanShape)): if they are \(twoWeeks ? "two-week" : "weekly") totals, --frequency week reads them as weeks\(twoWeeks ? ", half of each in its ISO week and half in the week before" : ""); read by the day, each is one day's value and the other \(twoWeeks ? "13" : "six") days are \(gapPolicy == .zero ? "zero" : "missing")")
        }
        return (totals, summary, notes, aggregateShaped)
    }

    /// Throws when the file has series and none has a recorded value left to write or fit: a
    /// supply export read with --gaps missing had every month of its 7 items left out as
    /// recorded in part, and `forecast` wrote a header alone with exit 0 (a scheduled run passed
    /// the empty file on). `notes` say what was left out; the message repeats them, since the
    /// run prints no notes when it fails, and names the settings that keep more.
    static func failIfNothingIsLeft(_ totals: PeriodTotals, input: String, notes: [String], gaps: GapPolicy, partial: PartialPolicy) throws {
        let count = totals.seriesCount
        guard count > 0, (0..<count).allSatisfy({ totals.isEmpty($0) || totals.values(of: $0).values.allSatisfy(\.isNaN) }) else { return }
        var what: [String] = []
        if partial == .drop { what.append("--partial keep keeps periods the file covers in part") }
        if gaps == .missing { what.append("--gaps zero sums periods with rows on only some days as they are") }
        let why = notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
        throw InputError(file: input, "no series is left to write: " + (count == 1 ? "the file's one series had its" : "all \(count) series had their") + " periods left out\(why); nothing was written"
            + (what.isEmpty ? "" : ": " + what.joined(separator: ", and ")))
    }

    /// The period and value headers `aggregate` writes: in a file headed so, an empty value is a
    /// period recorded as missing (how `aggregate` writes one under missing gaps), not a
    /// rejected row. So is it under missing gaps (levels: a census day nobody recorded).
    static func marksMissingByEmptyValue(dateHeader: String, valueHeader: String) -> Bool {
        dateHeader == AggregateJob.header[1] && valueHeader == AggregateJob.header[2]
    }

    /// The partial periods `partial: keep` keeps, named, or nil when none is: a week of 3 of its 7
    /// days kept with no word pulled ED-MAIN's next weekly forecast from 1,120 to 906. `drop`
    /// spells the other setting (`--partial drop`, `partial: drop`). Worked out on a copy: the
    /// totals keep every period.
    static func partialPeriodsKeptNote(_ totals: PeriodTotals, drop: String) -> String? {
        var whole = totals
        let parts = whole.leaveOutPartialPeriods()
        guard !parts.isEmpty else { return nil }
        let keep = drop.hasPrefix("--") ? "--partial keep" : "partial: keep"
        return "partial periods kept (\(keep)): " + parts.map(\.coverage).joined(separator: ", ")
            + "; kept as the sums of the days the file holds, which a forecast reads as whole periods (\(drop) leaves them out)"
    }

    /// Periods without a value at a level series' end that make it read as stopped: four weeks.
    static func silentPeriods(_ frequency: Frequency) -> Int {
        switch frequency {
        case .day: 28
        case .week: 4
        case .month: 3
        case .quarter, .year: 2
        }
    }

    /// A level series (a unit's census) without rows for its last weeks: a unit that closed
    /// was forecast at its last level, 105 a week, with no word.
    static func silentAtTheEndNote(_ totals: PeriodTotals) -> String? {
        let periods = silentPeriods(totals.frequency)
        let silent = totals.seriesSilentAtTheEnd(periods: periods)
        guard !silent.isEmpty else { return nil }
        let named = silent.prefix(5).map { "\(totals.keys.key($0.id)) to \(totals.frequency.label($0.lastRecorded))" }.sorted().listed(of: silent.count)
        let one = silent.count == 1
        return "\(one ? "1 series has" : "\(silent.count) series have") no value in \(one ? "its" : "their") last \(periods) \(totals.frequency.rawValue)s or more (\(named)): forecast from what \(one ? "it" : "they") last recorded, as if still open; leave \(one ? "it" : "them") out if closed"
    }

    /// Series named alike but for case and spaces (`GAUZE 4X4` and ` gauze 4x4 `): kept apart
    /// as written, and named, since one of them is most often the other mistyped (a row of
    /// 1,234 units made a series of its own and a filter on the usual spelling dropped it
    /// without a word).
    static func spellingsNote(_ totals: PeriodTotals) -> String? {
        var spellings: [String: [String]] = [:]
        for id in 0..<totals.seriesCount {
            let key = totals.keys.key(id)
            spellings[key.matchKey(), default: []].append(key)
        }
        let alike = spellings.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        guard !alike.isEmpty else { return nil }
        let count = alike.reduce(0) { $0 + $1.count }
        let shown = alike.prefix(3).map { $0.map { "'\($0)'" }.joined(separator: " and ") }.listed(of: alike.count)
        return "\(count) series differ from another only in case or spaces (\(shown)): kept apart as written; if they are one, spell them one way"
    }

    /// The keys of the first five of `ids`, sorted, then ", ..." when there are more.
    static func named(_ ids: [Int], in totals: PeriodTotals) -> String {
        ids.prefix(5).map { totals.keys.key($0) }.sorted().listed(of: ids.count)
    }

    /// A note on the periods read as missing from empty values, or nil.
    static func emptyValuesNote(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        return "\(count) \(count == 1 ? "row has" : "rows have") an empty value (not recorded; aggregate writes a missing period so): missing, neither fitted nor written as zero"
    }

    /// The totals, the import's counts, the empty values read as missing, and whether some date
    /// is written so that it reads one way only (`DayFirstLook.couldBeDayFirst`).
    private func readRows(_ base: ImportOptions) throws -> (totals: PeriodTotals, summary: ImportSummary, emptyValues: Int, datesReadOneWay: Bool, aggregateShaped: Bool) {
        var options = base
        var columns = ["series": seriesColumn ?? "item", "date": dateColumn ?? "date", "value": valueColumn ?? "quantity"]
        let named = seriesColumn != nil || dateColumn != nil || valueColumn != nil
            || options.columns.keys.contains { ["series", "date", "value"].contains(SeriesImport.role($0)) }
        // `--series location` beside `--columns item=item` named two series columns, and the
        // map won without a word: the forecast was by item where the user asked for location.
        let flags = ["series": seriesColumn, "date": dateColumn, "value": valueColumn]
        for (role, header) in options.columns.sorted(by: { $0.key < $1.key }) {
            let target = SeriesImport.role(role)
            if let flag = flags[target] ?? nil, flag != header {
                throw UsageError("--\(target) \(flag) and --columns \(role)=\(header) both name the \(target) column; give one of them")
            }
            columns[target] = header
        }
        if let unpivot { let (totals, summary, oneWay) = try readWide(unpivot, columns, options); return (totals, summary, 0, oneWay, false) }
        options.columns = columns
        // The three roles stand in for a usage export's item, date and quantity and for
        // aggregate's own series, period and value: a header lacking the mapped name is looked
        // up under the role's (and then as aggregate's output, below).
        options.sharedColumnRoles = ["series", "date", "value"]
        // Aggregate's own `series,period,value` on standard input: `series` and `value` are the
        // roles' own names, and `period` is the date's other name.
        if input == "-" && !named { options.alternateRoleNames = ["date": AggregateJob.header[1]] }
        options.kind = "usage"
        // A usage export's other headers (`Issue Qty`, `NDC/Item`), read as `inspect --kind usage` maps them.
        let usage = ExportInspection.roleFinder(kind: "usage")
        options.roleFinder = { header, taken, roles in
            let found = usage(header, taken, roles.map { ["series": "item", "value": "quantity"][$0] ?? $0 })
            return Dictionary(found.map { (SeriesImport.role($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        options.onlyInput = true
        // `--date` and `--value` named and no series column in the file: the file is one
        // series, named after its value column (a national census's ICU column); a file
        // with an `item` column is still read by it.
        let oneSeriesAllowed = seriesColumn == nil && dateColumn != nil && valueColumn != nil
            && !self.options.columns.keys.contains { SeriesImport.role($0) == "series" }
        // A unit of measure, when the file has one, is only looked at: one item issued in boxes
        // and in eaches was summed as one number without a word.
        let specs = [ColumnSpec("series", required: !oneSeriesAllowed), ColumnSpec("date"), ColumnSpec("value"), ColumnSpec("uom", required: false)]
        assert(Set(specs.map(\.role)) == SeriesImport.roles)
        let table: TableImport
        do {
            table = try TableImport(path: input, columns: specs, options: options)
        } catch let error as InputError where !named && error.message.hasPrefix("missing required column") {
            // Standard input cannot be read twice: there the columns must be named.
            guard input != "-" else {
                guard error.message.contains(AggregateJob.header.map { "'\($0)'" }.joined(separator: ", ")) else { throw error }
                throw InputError(file: input, line: 1, error.message + "; from standard input, aggregate's own output needs --series series --date period --value value")
            }
            options.columns = SeriesImport.aggregateOutput
            do {
                table = try TableImport(path: input, columns: specs, options: options)
            } catch let second as InputError where second.message.hasPrefix("missing required column") {
                throw error
            }
        }
        guard let d = table.column("date"), let v = table.column("value") else {
            throw InputError(file: input, "required columns could not be resolved")
        }
        let s = table.column("series")
        let oneKey = Array(table.header[v].utf8)
        let u = table.column("uom")
        var units = UnitsBySeries()
        // A column named location, when the series are not read from it, is summed over: its
        // totals rows (`Total` beside ICU and ED) would double every item. Only looked at: a
        // file with two is read as before.
        let places = table.header.indices.filter { table.header[$0].trimmed().lowercased() == "location" }
        let place = places.count == 1 && places[0] != s ? places[0] : nil
        var lastPlace: [UInt8] = []
        let lastKey = PreviousKey()
        var loader = PeriodTotalsLoader(frequency: frequency, gaps: gapPolicy)
        let shard = self.shard
        var dates = DateFieldCache()
        let emptyMarksMissing = gapPolicy == .missing || SeriesImport.marksMissingByEmptyValue(dateHeader: table.header[d], valueHeader: table.header[v])
        var emptyValues = 0
        var labels = PeriodLabelMix()
        var datesReadOneWay = false
        // Rows of an item whose name holds a total word are weighed and held to the end,
        // when the item's rows together say whether it is a subtotal (`SubtotalCheck`).
        var subtotals = SubtotalCheck()
        var weighedItems: [[UInt8]: Int] = [:]
        var weighed: [(held: SubtotalCheck.Held, key: [UInt8], day: CalendarDay, unit: Int32)] = []
        /// A row's value under its series, or only its day seen when another shard holds it.
        func load(_ key: UnsafeBufferPointer<UInt8>, day: CalendarDay, value: Double, unit: Int32) {
            if let shard, !shard.contains(key: key) { loader.see(day: day); return }
            loader.add(key: key, day: day, value: value, tag: unit)
        }
        var summary = try table.run({ row in
            let day = try row.date(d, cache: &dates)
            let field = row.record[d]
            if !datesReadOneWay && !DayFirstLook.couldBeDayFirst(field) { datesReadOneWay = true }
            labels.see(field, parsed: day, line: row.line)
            let value: Double
            if emptyMarksMissing && ImportRow.isEmpty(row.record[v]) {
                value = .nan
                emptyValues += 1
            } else {
                value = try row.number(v)
            }
            let unit = u.map { units.tag(of: ImportRow.unwrapped(row.record[$0])) } ?? -1
            func add(_ key: UnsafeBufferPointer<UInt8>) { load(key, day: day, value: value, unit: unit) }
            if let place {
                let field = row.record[place]
                // Locations repeat: a field seen on the row before was no totals label then.
                if !field.elementsEqual(lastPlace) {
                    if TotalsLabel.isLabel(field) { throw SeriesImport.totalsRow(field, column: place) }
                    lastPlace.removeAll(keepingCapacity: true)
                    lastPlace.append(contentsOf: field)
                }
            }
            if let s {
                let key = try row.text(s)
                if TotalsLabel.isLabel(key) { throw SeriesImport.totalsRow(key, column: s) }
                try lastKey.follow(key, value: value, column: s)
                if TotalsLabel.holdsTotalWord(key) {
                    let name = Array(key)
                    let item = weighedItems[name] ?? weighedItems.count
                    if item == weighedItems.count { weighedItems[name] = item }
                    let what = subtotals.weigh(item: item, day: day, value: value, label: String(decoding: name, as: UTF8.self))
                    weighed.append((SubtotalCheck.Held(item: item, record: HeldRecord(row.record), value: value, what: what), name, day, unit))
                    return
                }
                subtotals.add(day: day, value: value)
                add(key)
            } else {
                oneKey.withUnsafeBufferPointer(add)
            }
        }, atEnd: {
            subtotals.settle()
            var late: [LateRejection] = []
            for (held, name, day, unit) in weighed {
                if subtotals.isSubtotal(item: held.item) {
                    late.append(held.rejection(String(decoding: name, as: UTF8.self), column: s))
                    continue
                }
                name.withUnsafeBufferPointer { load($0, day: day, value: held.value, unit: unit) }
            }
            return late
        })
        if s == nil {
            summary.notes.append("no series column (item): the file is one series, '\(table.header[v])'; name the column that tells series apart with --series")
        }
        var totals = loader.finish()
        if let span = labels.labelledSpan { totals.markRowsLabelled(span) }
        if let u, let mixed = units.note(loader.tags.mixed.map { (totals.keys.key($0.key), $0.value) }, column: table.header[u]) { summary.notes.append(mixed) }
        if let problem = labels.problem(file: input, column: table.header[d]) { throw problem }
        // (Once a run, from the header: no work per row.)
        let aggregateShaped = s.map { table.header[$0] } == AggregateJob.header[0] && table.header[d] == AggregateJob.header[1]
            && table.header[v] == AggregateJob.header[2]
        return (totals, summary, emptyValues, datesReadOneWay, aggregateShaped)
    }

    /// The run of rows above with one series key, to tell Excel's subtotal rows (`ICU Total`
    /// below the ICU rows, holding their sum) from the series they sum. A key spelled so is a
    /// subtotal only when its value is the run's sum: in a file sorted by date, `Total Hip`
    /// after `Hip` is a procedure line of its own. Kept in a buffer of its own, compared and
    /// copied with memcmp and memcpy: it runs on every row, and a file sorted by date changes
    /// key on each.
    final class PreviousKey {
        private var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        private var capacity = 64, count = 0
        private var runSum = 0.0

        deinit { bytes.deallocate() }

        /// Takes the row's key and value, or throws when it is the subtotal of the rows above.
        func follow(_ key: UnsafeBufferPointer<UInt8>, value: Double, column: Int) throws {
            if key.count == count && (count == 0 || memcmp(bytes, key.baseAddress!, count) == 0) {
                if value.isFinite { runSum += value }
                return
            }
            let previous = UnsafeBufferPointer(start: bytes, count: count)
            if key.count >= count + 6 && value.isFinite && abs(value - runSum) <= 1e-9 * max(1, abs(runSum)) && TotalsLabel.isSubtotal(key, under: previous) {
                throw RowRejection(column: column, InputSchema.subtotalRowReason(String(decoding: key, as: UTF8.self), group: String(decoding: previous, as: UTF8.self)))
            }
            if key.count > capacity {
                bytes.deallocate()
                capacity = max(key.count, 2 * capacity)
                bytes = .allocate(capacity: capacity)
            }
            if let base = key.baseAddress { memcpy(bytes, base, key.count) }
            count = key.count
            runSum = value.isFinite ? value : 0
        }
    }

    /// A row whose series is a totals label (`Grand Total` under the item): the other rows'
    /// sum, rejected as the imports of the other kinds reject it (`InputSchema.ValueRule.notATotalsRow`).
    static func totalsRow(_ key: UnsafeBufferPointer<UInt8>, column: Int) -> RowRejection {
        RowRejection(column: column, TotalsLabel.rowReason(String(decoding: key, as: UTF8.self)))
    }

    /// The headers `aggregate` writes, by role.
    static let aggregateOutput = Dictionary(uniqueKeysWithValues: zip(["series", "date", "value"], AggregateJob.header))

    /// The roles a series import reads (`forecast`, `aggregate`): any other in `--columns` is
    /// refused. `inspect --kind usage` suggests these apart from the usage import's others.
    public static let roles: Set<String> = ["series", "date", "value", "uom"]

    /// The roles of a series file under the names of a usage export.
    static func role(_ name: String) -> String {
        switch name {
        case "item": return "series"
        case "quantity": return "value"
        default: return name
        }
    }

    /// `--unpivot`: each non-empty cell of the chosen columns is one value, its series and/or
    /// date coming from the header when they are not columns of their own.
    /// `datesReadOneWay` as `readRows` gives it: the header dates read day-first, or one written
    /// otherwise than as numbers (`Sep-25`, `Okt-25`), which no day-first note is about: month
    /// names `Sep-25` to `Dez-25` were told they "would be January 9-12 written day-first".
    func readWide(_ unpivot: Unpivot, _ headers: [String: String], _ base: ImportOptions) throws -> (totals: PeriodTotals, summary: ImportSummary, datesReadOneWay: Bool) {
        do {
            try unpivot.check(kind: "usage", roles: ["item", "series", "date", "quantity", "value"], mapped: [])
        } catch let problem as Unpivot.Problem {
            throw UsageError(problem.message)
        }
        let names = unpivot.namesTo.map(SeriesImport.role)
        guard SeriesImport.role(unpivot.valuesTo) == "value", names.allSatisfy({ $0 == "series" || $0 == "date" }), Set(names).count == names.count else {
            throw UsageError("--names-to takes item and/or date and --values-to quantity for aggregate and forecast (got --names-to \(unpivot.namesTo.joined(separator: ",")) --values-to \(unpivot.valuesTo))")
        }
        var options = base
        let specs = ["series", "date"].filter { !names.contains($0) }.map { ColumnSpec($0) }
        options.columns = headers.filter { key, _ in specs.contains { $0.role == key } }
        options.sharedColumnRoles = ["series", "date", "value"]
        let table = try TableImport(path: input, columns: specs, options: options)
        let plan: Unpivot.Plan
        // The header dates' order, the file's one (`HeaderDateOrder`), before the headers are fitted.
        let mapped = Set(table.indices.values)
        let headerOrder = names.contains("date")
            ? try HeaderDateOrder(of: table.header.indices.filter { !mapped.contains($0) }.map { table.header[$0] }, options: options,
                                  file: table.file, headerLine: table.reader.headerLine)
            : HeaderDateOrder()
        let dates = DateParser(format: options.dateFormat, slashesDayFirst: headerOrder.dayFirst)
        do {
            // A year's or a quarter's column beside months or days is a total, not a period: it
            // would be counted twice, or all on January (a sheet of years alone is years).
            func longPeriod(_ text: String) -> Frequency? {
                var text = text
                return text.withUTF8 { Frequency.longPeriodNamed(by: $0) }
            }
            let shorterPeriodsBeside = names == ["date"] && table.header.contains { dates.parse($0) != nil && longPeriod($0) == nil }
            plan = try unpivot.plan(header: table.header, mapped: Set(table.indices.values), datedRows: !names.contains("date"), fits: { texts in
                zip(names, texts).allSatisfy { role, text in
                    role != "date" || dates.parse(text) != nil && (longPeriod(text) == nil || !shorterPeriodsBeside)
                }
            }, monthLike: { names == ["date"] ? dates.monthLikeFailure($0) : nil },
               period: { names.contains("date") && Unpivot.readsAsPeriod($0, dates: dates, shorterPeriodsBeside: shorterPeriodsBeside) },
               months: names == ["date"], rows: table.reader.leadingRows(TableImport.rowsLookedAt))
        } catch let problem as Unpivot.Problem {
            throw InputError(file: table.file, line: 1, problem.message)
        }
        // The headers' two-digit years are read as one run of years, as a long file's column's
        // are (`TwoDigitYearWindow`): `JAN69` to `FEB70` were 2069 and 1970.
        var headerYears = TwoDigitYearsSeen()
        for texts in plan.names {
            for (role, text) in zip(names, texts) where role == "date" {
                var bytes = Array(text.utf8), yy = -1
                _ = bytes.withUnsafeMutableBufferPointer { dates.parse(UnsafeBufferPointer($0), twoDigitYear: &yy) }
                if yy >= 0 { headerYears.insert(yy) }
            }
        }
        var datesReadOneWay = headerOrder.dayFirst
        for texts in plan.names {
            for (role, text) in zip(names, texts) where role == "date" && !datesReadOneWay {
                var text = text
                datesReadOneWay = !text.withUTF8 { DayFirstLook.couldBeDayFirst($0) }
            }
        }
        var headerDates = dates
        var notes: [String] = []
        if let window = headerYears.window, window.differsFromPivot(for: headerYears) {
            headerDates = DateParser(format: options.dateFormat, twoDigitYears: window, slashesDayFirst: headerOrder.dayFirst)
            notes.append(window.note(in: "the header", for: headerYears))
        }
        // Per column, typed once: the series key's bytes and the day.
        var keys = [[UInt8]](repeating: [], count: table.header.count)
        var days = [CalendarDay](repeating: CalendarDay(daysSinceEpoch: 0), count: table.header.count)
        var named: [String: Int] = [:]
        for (column, texts) in zip(plan.columns, plan.names) {
            for (role, text) in zip(names, texts) {
                if role == "series" { keys[column] = Array(text.utf8) }
                guard role == "date" else { continue }
                guard let day = headerDates.parse(text) else {
                    throw InputError(file: table.file, line: 1, column: table.header[column], "header '\(table.header[column].clipped)' gives date '\(text.clipped)', which is not a date or period; "
                                     + (dates.yearMonthHint(text) ?? "narrow --unpivot to the headers that hold dates"))
                }
                days[column] = day
            }
            // Two headers naming one period (and series): `MAR25` and `Mar-25` were summed.
            let name = (names.contains("series") ? String(decoding: keys[column], as: UTF8.self) : "") + (names.contains("date") ? "\u{0}\(days[column].daysSinceEpoch)" : "")
            if let earlier = named[name] {
                throw InputError(file: table.file, line: 1, column: table.header[column],
                                 "the header names one \(names.contains("date") ? "period" : "series") twice: '\(table.header[earlier].clipped)' (column \(earlier + 1)) and '\(table.header[column].clipped)' (column \(column + 1)), which would be summed into one without a word; rename or remove one of them in the export")
            }
            named[name] = column
        }
        let s = table.column("series"), d = table.column("date")
        var totals = PeriodTotals(frequency: frequency, gaps: gapPolicy)
        let shard = self.shard
        var rowKey: UnsafeBufferPointer<UInt8>?
        var rowDay = CalendarDay(daysSinceEpoch: 0)
        // A category's subtotal line says so in a column left unread (`Antibiotics,Subtotal,420,...`,
        // the category in the code column): read as the item `Antibiotics`, its figures, the
        // sum of the items above it, counted twice (July's 578 doses over all series as 998).
        // Wide sheets have a line per item, so looking at these few fields costs little.
        let labelColumns = plan.leftOut.filter { !TotalsLabel.isTotalsHeader(table.header[$0]) }
        var summary = try table.run(cells: plan.columns, record: { row in
            for k in labelColumns where k < row.record.count && TotalsLabel.isLabel(row.record[k]) {
                throw SeriesImport.totalsRow(row.record[k], column: k)
            }
            if let s {
                let key = try row.text(s)
                if TotalsLabel.isLabel(key) { throw SeriesImport.totalsRow(key, column: s) }
                rowKey = key
            }
            if let d { rowDay = try row.date(d) }
        }, cell: { row, cell in
            let value = try row.number(cell)
            let day = d == nil ? days[cell] : rowDay
            func add(_ key: UnsafeBufferPointer<UInt8>) {
                if let shard, !shard.contains(key: key) { totals.cover(day); return }
                totals.add(key: key, day: day, value: value)
            }
            if let rowKey, s != nil { add(rowKey) } else { keys[cell].withUnsafeBufferPointer { add($0) } }
        })
        summary.leftOutHeaders = plan.leftOut.map { table.header[$0] }
        summary.rowSumHeaders = plan.rowSums.map { table.header[$0] }
        summary.notTakenHeaders = plan.notTaken.map { table.header[$0] }
        summary.dateParts = plan.dateParts.map { table.header[$0] }
        summary.notes += notes
        if let note = headerOrder.note { summary.notes.append(note) }
        if let order = headerOrder.order { summary.slashDateOrder = order }
        if let note = summary.emptyColumnsNote(names.contains("series") ? "no series made" : "nothing read from \(summary.emptyColumns.count == 1 ? "it" : "them")") {
            summary.notes.append(note)
        }
        return (totals, summary, datesReadOneWay)
    }
}
