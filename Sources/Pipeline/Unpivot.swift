import Foundation
import Forecasting
import Tabular

/// DESIGN.md "Input formats": a wide export (one column per month, per job code and pay type,
/// ...) turned into the long rows of an input kind at import. The chosen columns' header texts
/// become the `namesTo` roles (split by `namesPattern`, recoded by `valuesMap`) and each
/// non-empty cell becomes one row whose `valuesTo` role is the cell.
public struct Unpivot: Sendable, Equatable {
    /// Globs (`*`, `?`, `[A-Z]`, `[!x]`) of the headers to turn into rows; `*` alone is every
    /// column not mapped to a role whose header fits `namesTo` (see `plan`).
    public var columns: [String]
    public var namesTo: [String]
    /// A regular expression that must match the whole header, one group per `namesTo` role.
    public var namesPattern: String?
    public var valuesTo: String
    /// Role -> (name as in the header -> value in the rows).
    public var valuesMap: [String: [String: String]]

    public init(columns: [String], namesTo: [String], namesPattern: String? = nil, valuesTo: String,
                valuesMap: [String: [String: String]] = [:]) {
        self.columns = columns
        self.namesTo = namesTo
        self.namesPattern = namesPattern
        self.valuesTo = valuesTo
        self.valuesMap = valuesMap
    }

    /// The roles the unpivot fills: the names, then the value.
    public var roles: [String] { namesTo + [valuesTo] }

    /// A problem with the unpivot, naming the setting (`columns`, `names_to`, `names_pattern`,
    /// `values_to`, `values_map`) it is about.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var setting: String
        public var message: String
        public init(_ setting: String, _ message: String) {
            self.setting = setting
            self.message = message
        }
        public var description: String { message }
    }

    /// Checks what needs no file: the roles exist in the input kind, are not also mapped to a
    /// column, and the pattern has one group per name role.
    public func check(kind: String, roles known: [String], mapped: Set<String>) throws {
        guard !columns.isEmpty, !columns.contains(where: \.isEmpty) else {
            throw Problem("columns", "unpivot columns must name headers to turn into rows: a glob such as \"Hrs_*\" or a list of globs")
        }
        guard !namesTo.isEmpty else { throw Problem("names_to", "unpivot names_to must name the role(s) the header text becomes") }
        for (setting, role) in namesTo.map({ ("names_to", $0) }) + [("values_to", valuesTo)] {
            guard known.contains(role) else {
                throw Problem(setting, "unpivot \(setting): '\(role)' is not a column of \(kind); it has \(known.joined(separator: ", "))")
            }
            guard !mapped.contains(role) else {
                throw Problem(setting, "unpivot \(setting): '\(role)' is also mapped to a column in columns:; a role comes from one place")
            }
        }
        guard Set(roles).count == roles.count else {
            throw Problem("names_to", "unpivot names_to and values_to name a role twice (\(roles.joined(separator: ", ")))")
        }
        if let role = valuesMap.keys.sorted().first(where: { !namesTo.contains($0) }) {
            throw Problem("values_map", "unpivot values_map recodes '\(role)', which is not in names_to (\(namesTo.joined(separator: ", ")))")
        }
        if let namesPattern {
            let groups = try Unpivot.regex(namesPattern).numberOfCaptureGroups
            guard groups == namesTo.count else {
                throw Problem("names_pattern", "unpivot names_pattern '\(namesPattern)' has \(groups) group\(groups == 1 ? "" : "s") but names_to has \(namesTo.count) role\(namesTo.count == 1 ? "" : "s") (\(namesTo.joined(separator: ", "))); use one (...) group per role")
            }
        } else if namesTo.count > 1 {
            throw Problem("names_pattern", "unpivot names_to has \(namesTo.count) roles, so names_pattern must split the header with one (...) group per role")
        }
    }

    static func regex(_ pattern: String) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: "^(?:" + pattern + ")$")
        } catch {
            throw Problem("names_pattern", "unpivot names_pattern '\(pattern)' is not a valid regular expression")
        }
    }

    /// The unpivoted columns of one file and the name texts of each (after `valuesMap`).
    public struct Plan: Sendable {
        /// Indices of the columns turned into rows, in file order.
        public var columns: [Int]
        /// For each of those columns, the text of each `namesTo` role.
        public var names: [[String]]
        /// `*` alone: the unmapped columns whose headers do not fit, left out (for the import's note).
        public var leftOut: [Int] = []
        /// `*` alone beside a date: the columns whose headers name a part of it, left out.
        public var dateParts: [Int] = []
        /// A named glob: the unmapped columns it does not take, left out (for the import's
        /// note, as `*` names the ones it leaves out).
        public var notTaken: [Int] = []
        /// `*` alone: the columns among `leftOut` that are the row sum of the others
        /// (`rowSumColumns`).
        public var rowSums: [Int] = []
    }

    /// The columns among `kept` that are a total named otherwise than `TotalsLabel.isTotalsHeader`
    /// knows (`Total Doses Dispensed`, `Line Total`, `Total Hours Worked`): a header holding a
    /// totals word whose value is, to the cent, the sum of the other columns' on every one of
    /// `rows` (the file's first lines, two at least, one sum not zero). Unpivoted as one more
    /// item, `Total Doses Dispensed` beside four drugs doubled every cross-item sum (December's
    /// 4,985 doses read 9,970). A column of its own (`Total Care Kit`) does not add up, and stays.
    static func rowSumColumns(_ kept: [Int], header: [String], rows: [[String]]) -> [Int] {
        let candidates = kept.filter { TotalsLabel.holdsTotalWord(header[$0]) }
        guard !candidates.isEmpty, rows.count >= 2 else { return [] }
        let point = NumberParser(decimalComma: false), comma = NumberParser(decimalComma: true)
        func value(_ row: [String], _ k: Int) -> Double? {
            guard k < row.count else { return 0 }
            let text = row[k]
            if text.trimmed().isEmpty { return 0 }
            return point.parse(text) ?? comma.parse(text)
        }
        func sums(_ c: Int, _ others: [Int]) -> Bool {
            guard others.count >= 2 else { return false }
            var nonZero = false
            for row in rows {
                guard let total = value(row, c) else { return false }
                var sum = 0.0
                for k in others {
                    guard let v = value(row, k) else { return false }
                    sum += v
                }
                guard abs(total - sum) < 0.005 else { return false }
                if sum != 0 { nonZero = true }
            }
            return nonZero
        }
        // The sum of every other column (an item named `Total Care Kit` among them), or, beside
        // another total (`Total Doses`, `Total Cost`), of the columns without a totals word.
        return candidates.filter { c in
            sums(c, kept.filter { $0 != c }) || sums(c, kept.filter { !candidates.contains($0) })
        }
    }

    /// Headers (compared by `ExportInspection.key`) that name a part of a date: beside rows
    /// that carry their own date, columns the export derived from it. A pharmacy's daily
    /// sales by drug class come with `Year, Month, Hour, Weekday Name`, which `*` read as
    /// four more drugs (a "Year" of 2,014 a day).
    static let datePartHeaders: Set<String> = ["year", "month", "day", "hour", "minute", "week", "weekday", "weekdayname",
                                               "dayofweek", "dow", "dayname", "monthname", "quarter", "weeknumber", "weekno",
                                               "weekofyear", "isoweek", "dayofmonth", "dayofyear", "yearmonth", "monthyear"]

    /// How a header is written, for telling a month header from the description beside it:
    /// each run of letters as one `a`, each digit as `9`, the rest as it is (`feb-26` and
    /// `xyz-26` are both `a-99`, `Descripción` is `a`).
    static func shape(_ header: String) -> String {
        var out = "", inWord = false
        for c in header.trimmed() {
            if c.isLetter {
                if !inWord { out.append("a") }
                inWord = true
                continue
            }
            inWord = false
            out.append(c.isASCII && c.isNumber ? "9" : c)
        }
        return out
    }

    /// Whether `header` names a part of a date (`Year`, `Weekday Name`).
    public static func namesADatePart(_ header: String) -> Bool {
        datePartHeaders.contains(ExportInspection.key(header))
    }

    /// `columns: "*"`: every column not mapped to a role whose header fits.
    public var isEveryColumn: Bool { columns == ["*"] }

    /// Picks the columns of `header` (leaving out `mapped` ones) and splits their header texts.
    /// Runs once per file, so the pattern is applied once per column, not per row.
    ///
    /// A header a named glob picks must fit: match `namesPattern`, and give names `fits`
    /// accepts (a date for a date role, ...), else the plan fails naming it. `*` alone takes
    /// the headers that fit and leaves the others out (an item sheet's description, price
    /// and total columns; a PBJ file's `Hrs_RN` totals beside `Hrs_RN_emp`), listing them in
    /// `leftOut`; it fails only when no header fits. A header that is a totals label as a
    /// whole (`Total`, `Grand Total`, `Sum`, `All`: `TotalsLabel.isTotalsHeader`) never fits,
    /// even where its text could be a name (an item, a unit). Beside a date of the row's own
    /// (`datedRows`), `*` also leaves out the headers that name a part of it (`dateParts`).
    ///
    /// A header `*` would leave out that names a month but does not read as one (`Jan 26` beside
    /// `Jul-25`, in a sheet whose months were typed by hand) is a month lost, not a description:
    /// `monthLike` says why it does not read, and the plan fails with that. Left out, half a
    /// year of budget vanished and an on-budget department read $300,000 over.
    ///
    /// A header a named glob leaves out that reads as a period (`period`, given when names_to
    /// has a date) is a period lost too: `[A-Z][A-Z][A-Z][0-9][0-9]` left out `SEPT24` between
    /// `AUG24` and `OCT24`, and September read 0. The plan fails naming it. The glob's other
    /// left-out columns are listed in `notTaken`. Two columns with one header would be summed
    /// into one name without a word: the plan fails naming both, as a long file's header does.
    ///
    /// So is a header `*` would leave out, between two month headers read, written as they are
    /// (`xyz-26` between `feb-26` and `mar-26`, `Unpivot.shape`) when `months` says names_to is
    /// a month: listed beside the description as "header does not fit", a month whose name the
    /// import does not know vanished unseen.
    public func plan(header: [String], mapped: Set<Int>, datedRows: Bool = false, fits: ([String]) -> Bool = { _ in true },
                     monthLike: (String) -> String? = { _ in nil }, period: (String) -> Bool = { _ in false },
                     months: Bool = false, rows: [[String]] = []) throws -> Plan {
        var chosen: [Int] = [], notTaken: [Int] = []
        var used = Set<String>()
        for k in header.indices where !mapped.contains(k) {
            let matching = columns.filter { Unpivot.glob($0, matches: header[k]) }
            if !matching.isEmpty { chosen.append(k); used.formUnion(matching) } else { notTaken.append(k) }
        }
        /// Wide headers are often dates, so the header is listed as it is (not taken for a data row).
        func unmapped() -> String {
            let free = header.indices.filter { !mapped.contains($0) }
            let shown = free.prefix(20).map { "'\(header[$0].clipped)'" }.joined(separator: ", ") + (free.count > 20 ? " and \(free.count - 20) more" : "")
            return "the columns not mapped to a role are \(free.isEmpty ? "none" : shown)"
        }
        if let unused = columns.first(where: { !used.contains($0) }) {
            throw Problem("columns", "unpivot columns '\(unused)' match no column; " + unmapped())
        }
        if isEveryColumn { notTaken = [] }
        if let lost = notTaken.first(where: { !TotalsLabel.isTotalsHeader(header[$0]) && period(header[$0]) }) {
            let globs = columns.map { "'\($0)'" }.joined(separator: ", ")
            throw Problem("columns", "header '\(header[lost].clipped)' (column \(lost + 1)) reads as a period but the unpivot glob\(columns.count == 1 ? "" : "s") \(globs) leave\(columns.count == 1 ? "s" : "") it out, so its values would be lost; widen the glob to take it (\"*\" takes every column whose header reads as a period), or rename the header in the export")
        }
        notTaken.removeAll { header[$0].trimmed().isEmpty }
        let regex = try namesPattern.map(Unpivot.regex)
        var names: [[String]] = [], kept: [Int] = [], leftOut: [Int] = [], dateParts: [Int] = []
        for k in chosen {
            let text = header[k]
            if isEveryColumn && datedRows && Unpivot.namesADatePart(text) { dateParts.append(k); continue }
            // A total column (`Total`, `Grand Total`, `All`) sums the others: `*` leaves it out
            // whatever names_to is (as an item it counted every row twice). Listed, it is read.
            if isEveryColumn && TotalsLabel.isTotalsHeader(text) { leftOut.append(k); continue }
            var parts = [text]
            if let regex, let namesPattern {
                let range = NSRange(text.startIndex..., in: text)
                guard let match = regex.firstMatch(in: text, range: range) else {
                    if isEveryColumn { leftOut.append(k); continue }
                    throw Problem("names_pattern", "header '\(text.clipped)' does not match unpivot names_pattern '\(namesPattern)'; narrow columns: to the headers it fits")
                }
                parts = (1..<match.numberOfRanges).map { g in
                    Range(match.range(at: g), in: text).map { String(text[$0]) } ?? ""
                }
            }
            let recoded = zip(namesTo, parts).map { role, part in valuesMap[role]?[part] ?? part }
            if isEveryColumn && !fits(recoded) { leftOut.append(k); continue }
            names.append(recoded)
            kept.append(k)
        }
        // A total column named otherwise (`Total Doses Dispensed`, `Line Total`): told by its values.
        var rowSums: [Int] = []
        if isEveryColumn {
            rowSums = Unpivot.rowSumColumns(kept, header: header, rows: rows)
            for k in rowSums {
                guard let at = kept.firstIndex(of: k) else { continue }
                kept.remove(at: at)
                names.remove(at: at)
                leftOut.append(k)
            }
            leftOut.sort()
        }
        var monthLost: (Int, String)?
        if isEveryColumn && namesPattern == nil && namesTo.count == 1 {
            for k in leftOut { if let why = monthLike(header[k]) { monthLost = (k, why); break } }
            if monthLost == nil, months, let first = kept.first, let last = kept.last {
                let shapes = Set(kept.map { Unpivot.shape(header[$0]) })
                if let k = leftOut.first(where: { first < $0 && $0 < last && !TotalsLabel.isTotalsHeader(header[$0])
                                                  && Unpivot.shape(header[$0]).contains("9") && shapes.contains(Unpivot.shape(header[$0])) }) {
                    monthLost = (k, "it is written like the month headers around it but names no month the import knows (month names and their abbreviations in English, Spanish, French, German, Italian, Portuguese and Dutch, such as Jan, ene, janv., Mär or dic); correct or rename it in the export")
                }
            }
        }
        if let (k, why) = monthLost, let first = kept.first {
            throw Problem("columns", "header '\(header[k].clipped)' looks like a month but does not read as one ('\(header[first].clipped)'\(kept.count > 1 ? " and \(kept.count - 1) more" : "") did): \(why); or list the unpivot columns to leave it out")
        }
        if isEveryColumn && kept.isEmpty {
            let parts = dateParts.isEmpty ? "" : "; \(dateParts.map { "'\(header[$0].clipped)'" }.joined(separator: ", ")) name parts of the rows' date, left out by \"*\": list them in the unpivot columns to read them"
            let month = monthLost.map { "; " + $0.1 } ?? ""
            throw Problem("columns", "unpivot columns \"*\" found no header that gives \(namesTo.joined(separator: " and "))\(namesPattern.map { " through names_pattern '\($0)'" } ?? ""); " + unmapped() + parts + month)
        }
        var firstWithHeader: [String: Int] = [:]
        for k in kept {
            let key = header[k].trimmed()
            if let earlier = firstWithHeader[key] {
                throw Problem("columns", "the header names '\(key.clipped)' twice (columns \(earlier + 1) and \(k + 1)), which unpivot would sum into one without a word; rename or remove one of them in the export")
            }
            firstWithHeader[key] = k
        }
        return Plan(columns: kept, names: names, leftOut: leftOut, dateParts: dateParts, notTaken: notTaken, rowSums: rowSums)
    }

    /// The longer period (a year, a quarter) a header names, or nil.
    static func longPeriod(_ text: String) -> Frequency? {
        var text = text
        return text.withUTF8 { Frequency.longPeriodNamed(by: $0) }
    }

    /// Whether a header a named glob leaves out reads as a period: a date without a time of day,
    /// and not a year's or quarter's total beside shorter periods.
    static func readsAsPeriod(_ text: String, dates: DateParser, shorterPeriodsBeside: Bool) -> Bool {
        !text.contains(":") && dates.parse(text) != nil && (longPeriod(text) == nil || !shorterPeriodsBeside)
    }

    /// Shell-style match of a whole header: `*` any run, `?` one character, `[A-Z]`, `[abc]`
    /// and `[!x]` one character from (or not from) a set.
    public static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        func match(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == t.count }
            switch p[i] {
            case "*":
                for k in j...t.count where match(i + 1, k) { return true }
                return false
            case "?":
                return j < t.count && match(i + 1, j + 1)
            case "[":
                guard let close = p[(i + 1)...].firstIndex(of: "]"), close > i + 1 else { fallthrough }
                guard j < t.count else { return false }
                var set = Array(p[(i + 1)..<close])
                let negated = set.first == "!" || set.first == "^"
                if negated { set.removeFirst() }
                var found = false, k = 0
                while k < set.count {
                    if k + 2 < set.count, set[k + 1] == "-" {
                        if set[k] <= t[j] && t[j] <= set[k + 2] { found = true }
                        k += 3
                    } else {
                        if set[k] == t[j] { found = true }
                        k += 1
                    }
                }
                return found != negated && match(close + 1, j + 1)
            default:
                return j < t.count && p[i] == t[j] && match(i + 1, j + 1)
            }
        }
        return match(0, 0)
    }
}

/// An unpivot planned for one file: its columns and each column's names, typed for their
/// roles once per file (a month header parsed as a date, a job code checked against its rule).
struct UnpivotReader {
    enum Name { case text(String), number(Double), day(CalendarDay) }

    let unpivot: Unpivot
    let plan: Unpivot.Plan
    /// names[c][r]: the value of `namesTo[r]` on the rows of `plan.columns[c]`.
    let names: [[Name]]
    /// What reading the header found worth a word: its two-digit years read in another window,
    /// the order of its slash dates (`HeaderDateOrder`).
    var notes: [String] = []
    /// How the header's slash dates were read (`HeaderDateOrder`), for the import's summary.
    var slashDateOrder: SlashDateOrder?

    /// - Parameter mapped: the column of each role mapped to one.
    /// - Parameter file: the file's name, for the notes and errors on its header dates.
    /// - Parameter rows: the file's first lines, for telling a total column by its values.
    init(_ unpivot: Unpivot, schema: InputSchema, options: ImportOptions, header: [String], mapped: [String: Int], file: String, headerLine: Int = 1,
         rows: [[String]] = []) throws {
        self.unpivot = unpivot
        let roles = unpivot.namesTo.map { name in schema.roles.first { $0.name == name }! }
        // The header dates' order, the file's one, before the headers are fitted.
        let taken = Set(mapped.values)
        let headerOrder = roles.contains(where: { $0.type == .date || $0.type == .period })
            ? try HeaderDateOrder(of: header.indices.filter { !taken.contains($0) }.map { header[$0] }, options: options, file: file, headerLine: headerLine)
            : HeaderDateOrder()
        var dates = DateParser(format: options.dateFormat, slashesDayFirst: headerOrder.dayFirst)
        let numbers = NumberParser(decimalComma: options.decimalComma)
        /// The names of one header, typed for their roles; `header` is for the message.
        func typed(_ texts: [String], header: String) throws -> [Name] {
            try zip(roles, texts).map { role, text in
                func problem(_ what: String) -> Unpivot.Problem {
                    Unpivot.Problem(unpivot.valuesMap[role.name] == nil ? "names_to" : "values_map",
                                    "header '\(header.clipped)' gives \(role.name) '\(text.clipped)', which \(what); narrow columns: to the headers that hold \(role.name)s, or recode it with values_map")
                }
                switch role.type {
                case .text:
                    if text.trimmed().isEmpty { throw problem("is empty") }
                    if let rule = role.rule, !rule.judgesRowsOnly, let why = rule.problem(text) { throw problem("does not fit: \(why)") }
                    return .text(text)
                case .number:
                    guard let value = numbers.parse(text) else { throw problem("is not a number") }
                    if let rule = role.rule, let why = rule.problem(value) { throw problem("does not fit: \(why)") }
                    return .number(value)
                case .date, .period:
                    guard let day = role.periodMeansLastDay ? dates.parseLastDay(text) : dates.parse(text) else { throw problem("is not a date or period" + (dates.yearMonthHint(text).map { " (\($0))" } ?? "")) }
                    if role.type == .date { return .day(day) }
                    if let why = dates.notOneMonth(text) {
                        throw problem("is not a month: \(why)")
                    }
                    if role.keepsDay { return .day(day) }
                    let months = Frequency.month
                    return .day(months.firstDay(of: months.period(of: day)))
                case .time, .dateTime:
                    var bytes = Array(text.utf8)
                    if let zone = bytes.withUnsafeMutableBufferPointer({ ClockTime.zone(UnsafeBufferPointer($0)) }) {
                        throw problem("carries a time zone ('\(zone)'); times are compared on the unit's local clock, so export them without a zone")
                    }
                    let value = bytes.withUnsafeMutableBufferPointer { p in
                        role.type == .time ? ClockTime.minuteOfDay(UnsafeBufferPointer(p)) : ClockTime.minutesSinceEpoch(UnsafeBufferPointer(p), dates: dates)
                    }
                    guard let value else { throw problem(role.type == .time ? "is not a time of day" : "is not a date-time") }
                    return .number(Double(value))
                }
            }
        }
        let datedRows = schema.roles.contains { ($0.type == .date || $0.type == .period) && mapped[$0.name] != nil }
        let monthRole = roles.count == 1 && (roles[0].type == .date || roles[0].type == .period)
        // A year's or quarter's column beside months is their total, not a period lost.
        let shorterPeriodsBeside = header.contains { dates.parse($0) != nil && Unpivot.longPeriod($0) == nil }
        plan = try unpivot.plan(header: header, mapped: Set(mapped.values), datedRows: datedRows, fits: { (try? typed($0, header: "")) != nil },
                                monthLike: { monthRole ? dates.monthLikeFailure($0) : nil },
                                period: { monthRole && Unpivot.readsAsPeriod($0, dates: dates, shorterPeriodsBeside: shorterPeriodsBeside) }, months: monthRole,
                                rows: rows)
        // The headers' two-digit years are one run of years, as a column's are (`TwoDigitYearWindow`).
        var years = TwoDigitYearsSeen(), headerNotes: [String] = []
        for texts in plan.names {
            for (role, text) in zip(roles, texts) where role.type == .date || role.type == .period {
                var bytes = Array(text.utf8), yy = -1
                _ = bytes.withUnsafeMutableBufferPointer { [dates] in dates.parse(UnsafeBufferPointer($0), twoDigitYear: &yy) }
                if yy >= 0 { years.insert(yy) }
            }
        }
        if let window = years.window, window.differsFromPivot(for: years) {
            dates = DateParser(format: options.dateFormat, twoDigitYears: window, slashesDayFirst: headerOrder.dayFirst)
            headerNotes.append(window.note(in: "the header", for: years))
        }
        if let note = headerOrder.note { headerNotes.append(note) }
        slashDateOrder = headerOrder.order
        names = try zip(plan.columns, plan.names).map { column, texts in try typed(texts, header: header[column]) }
        notes = headerNotes
        // Two headers naming one period (`MAR25` and `Mar-25`) were summed without a word.
        if monthRole {
            var seen: [Int32: Int] = [:]
            for (k, column) in plan.columns.enumerated() {
                guard case .day(let day) = names[k][0] else { continue }
                if let earlier = seen[day.daysSinceEpoch] {
                    throw Unpivot.Problem("columns", "the header names one period twice: '\(header[earlier].clipped)' (column \(earlier + 1)) and '\(header[column].clipped)' (column \(column + 1)), which would be summed into one without a word; rename or remove one of them in the export")
                }
                seen[day.daysSinceEpoch] = column
            }
        }
    }
}
