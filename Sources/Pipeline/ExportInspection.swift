import Tabular

/// `quartermaster inspect` (issue 17): what the tool sees in an export before anyone writes
/// a pipeline — encoding, delimiter, header, row count, each column's guessed type with
/// samples, and, for an input kind, a suggested column map, the required roles it could not
/// find, an `unpivot:` block for a month-per-column sheet, and the import stage to copy.
///
/// The whole file is streamed once through `CSVReader`; per column at most `sampleLimit`
/// non-empty values are kept for the type guess, so memory stays flat in the number of rows.
public struct ExportInspection: Sendable {
    /// Non-empty values per column that the type guess looks at.
    public static let sampleLimit = 1_000

    public struct Column: Sendable {
        public var header: String
        /// text, number, date, period or empty.
        public var type: String
        /// For a date column: the format that reads it (iso, mdy, dmy, DD-MMM-YY, ..., auto).
        public var dateFormat: String?
        /// Share of the examined non-empty values that read as the type (dates, numbers, periods).
        public var share: Double?
        public var examined: Int
        public var samples: [String]
        public var emptyCells: Int
    }

    public struct UnpivotSuggestion: Sendable, Equatable {
        public var columns: String
        public var namesTo: String
        public var valuesTo: String
        /// The date format the headers need (`YYYYMM` for `202401`), nil when the default reads them.
        public var dateFormat: String? = nil
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
    public var header: [String]
    public var rows: Int
    public var columns: [Column]
    public var kind: String?
    /// Role -> header, in the order of the kind's roles.
    public var suggestedMap: [(role: String, header: String)] = []
    public var missingRequired: [String] = []
    public var unpivot: UnpivotSuggestion?

    /// Reads `path` (`-` for standard input). Throws `UsageError` for an unknown kind (before
    /// the file is opened) and `InputError` for a missing, unreadable or empty file.
    public init(path: String, kind: String? = nil, delimiter: UInt8? = nil, encoding: TextEncoding = .auto) throws {
        if let kind, InputSchema.all[kind] == nil {
            throw UsageError("unknown kind '\(kind)'; use one of \(ExportInspection.kinds.joined(separator: ", "))")
        }
        let reader = try CSVReader(path: path, delimiter: delimiter, encoding: encoding)
        file = reader.displayName
        header = reader.header
        let width = header.count
        var values = [[String]](repeating: [], count: width)
        var empty = [Int](repeating: 0, count: width)
        var rows = 0
        try reader.forEachRecord { record in
            if record.isBlank { return }
            rows += 1
            for k in 0..<width {
                guard k < record.count else { empty[k] += 1; continue }
                let field = record[k]
                if ExportInspection.isBlank(field) { empty[k] += 1; continue }
                if values[k].count < ExportInspection.sampleLimit { values[k].append(record.string(k)) }
            }
        }
        self.rows = rows
        self.encoding = reader.encoding.description
        encodingNote = reader.encodingNote
        self.delimiter = reader.delimiter
        let names = reader.header
        columns = (0..<width).map { ExportInspection.guess(header: names[$0], values: values[$0], empty: empty[$0]) }
        self.kind = kind
        if let kind, let schema = InputSchema.all[kind] { suggest(schema) }
    }

    public static var kinds: [String] {
        ["usage", "items", "inventory", "timekeeping", "census", "staffing_targets", "budget", "actuals", "volumes"].filter { InputSchema.all[$0] != nil }
            + InputSchema.all.keys.sorted().filter { !["usage", "items", "inventory", "timekeeping", "census", "staffing_targets", "budget", "actuals", "volumes"].contains($0) }
    }

    // MARK: - Column types

    static func isBlank(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        field.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Date formats tried on a column, in order of preference on a tie.
    static let dateFormats = ["iso", "mdy", "dmy", "DD-MMM-YY", "DD-MMM-YYYY", "MMM D, YYYY", "auto"]

    static func guess(header: String, values: [String], empty: Int) -> Column {
        var column = Column(header: header, type: "empty", examined: values.count, samples: samples(values), emptyCells: empty)
        guard !values.isEmpty else { return column }
        let n = Double(values.count)
        let numbers = NumberParser()
        let numberShare = Double(values.filter { numbers.parse($0) != nil }.count) / n
        let periodShare = Double(values.filter(isPeriod).count) / n
        var best: (format: String, share: Double)?
        for name in dateFormats {
            guard let format = try? DateFormat(parsing: name) else { continue }
            let parser = DateParser(format: format)
            let share = Double(values.filter { parser.parse($0) != nil }.count) / n
            if share > (best?.share ?? 0) { best = (name, share) }
        }
        if numberShare >= 0.9 {
            column.type = "number"; column.share = numberShare
        } else if periodShare >= 0.8 {
            column.type = "period"; column.share = periodShare
        } else if let best, best.share >= 0.8 {
            column.type = "date"; column.dateFormat = best.format; column.share = best.share
        } else {
            column.type = "text"
        }
        return column
    }

    /// The first 3 distinct values, clipped to 40 characters.
    static func samples(_ values: [String]) -> [String] {
        var seen: [String] = []
        for value in values where !seen.contains(value) {
            seen.append(value)
            if seen.count == 3 { break }
        }
        return seen.map { $0.count > 40 ? String($0.prefix(37)) + "..." : $0 }
    }

    /// A month, week or quarter without a day: `2026-07`, `2026-W27`, `2026-Q3`, `JAN96`,
    /// `Jun-06`, `June 2026`.
    static func isPeriod(_ text: String) -> Bool {
        let t = text.trimmed()
        guard DateParser().parse(t) != nil else { return false }
        let bytes = Array(t.utf8)
        let digits = bytes.filter { $0 >= 48 && $0 <= 57 }.count
        let letters = bytes.filter { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }.count
        if letters == 0 { return bytes.count == 7 && bytes[4] == UInt8(ascii: "-") && digits == 6 }
        if t.count == 8, bytes[4] == UInt8(ascii: "-"), letters == 1 { return true }  // 2026-W27
        if t.count == 7, bytes[4] == UInt8(ascii: "-"), letters == 1 { return true }  // 2026-Q3
        // A month name and a year only (2 or 4 digits): no day.
        return letters >= 3 && (digits == 2 || digits == 4) && bytes.first.map { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 } == true
    }

    // MARK: - Roles

    /// Other names exports use for a role, compared without case, spaces or punctuation
    /// (`Item #` is `item`, `On Hand` is `on_hand`). Kept small on purpose.
    static let synonyms: [String: [String]] = [
        "quantity": ["Qty", "Quantity", "Qty Issued", "Quantity Issued", "Issued Qty"],
        "item": ["Item #", "Item", "SKU", "Item Number", "Item No", "Item ID"],
        "date": ["Date", "Trans Date", "Transaction Date", "Work Date", "Issue Date"],
        "on_hand": ["On Hand", "QOH", "Qty On Hand"],
        "on_order": ["On Order"],
        "unit_cost": ["Unit Cost", "Cost", "Price", "Unit Price"],
        "department": ["Dept", "Department", "Cost Center"],
        "description": ["Description", "Desc", "Item Description"],
        "location": ["Location", "Loc", "Par Location"],
        "unit": ["Unit", "Nursing Unit"],
        "hours": ["Hours", "Hrs", "Worked Hours"],
        "uom": ["UOM", "Unit of Measure"],
        "vendor": ["Vendor", "Supplier"],
        "job_code": ["Job Code", "Job"],
        "amount": ["Amount", "Amt"],
    ]

    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    mutating func suggest(_ schema: InputSchema) {
        var used = Set<Int>()
        let keys = header.map(ExportInspection.key)
        for role in schema.roles {
            let names = [role.name] + (ExportInspection.synonyms[role.name] ?? [])
            for name in names.map(ExportInspection.key) {
                if let k = keys.indices.first(where: { !used.contains($0) && keys[$0] == name }) {
                    used.insert(k)
                    suggestedMap.append((role.name, header[k]))
                    break
                }
            }
        }
        let mapped = Set(suggestedMap.map(\.role))
        // A month-per-column sheet: several headers that read as dates or periods.
        var dated = header.indices.filter { !used.contains($0) && DateParser().parse(header[$0].trimmed()) != nil }
        // Months written YYYYMM (`202401`) read only under that format, which the suggestion names.
        var headerFormat: String?
        if dated.count < 2, let yearMonth = try? DateFormat(parsing: "YYYYMM") {
            let months = header.indices.filter { !used.contains($0) && DateParser().yearMonthHint(header[$0]) != nil && DateParser(format: yearMonth).parse(header[$0].trimmed()) != nil }
            if months.count >= 2 { (dated, headerFormat) = (months, "YYYYMM") }
        }
        var names: [String] = [], glob = ""
        if dated.count >= 2 {
            glob = ExportInspection.glob(dated.map { header[$0] })
            if let role = schema.roles.first(where: { ($0.type == .date || $0.type == .period) && !mapped.contains($0.name) }) { names = [role.name] }
        } else {
            // Or headers sharing a prefix such as `Hrs_`.
            let rest = header.indices.filter { !used.contains($0) }.map { header[$0] }
            var groups: [String: Int] = [:]
            for h in rest { if let p = ExportInspection.prefix(h) { groups[p, default: 0] += 1 } }
            if let (p, count) = groups.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), count >= 2 {
                glob = p + "*"
                if let role = schema.roles.first(where: { $0.type == .text && $0.required && !mapped.contains($0.name) }) { names = [role.name] }
            }
        }
        if !glob.isEmpty {
            let value = schema.roles.first(where: { $0.type == .number && $0.required && !mapped.contains($0.name) })?.name
                ?? schema.roles.first(where: { $0.type == .number && !mapped.contains($0.name) })?.name
            if let value, let name = names.first {
                unpivot = UnpivotSuggestion(columns: glob, namesTo: name, valuesTo: value, dateFormat: headerFormat)
            }
        }
        let filled = mapped.union(unpivot.map { [$0.namesTo, $0.valuesTo] } ?? [])
        missingRequired = schema.roles.filter { $0.required && !filled.contains($0.name) }.map(\.name)
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

    static func quoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? text : "\"" + text.replacingOccurrences("\"", "\"\"") + "\""
    }

    var delimiterName: String {
        switch delimiter {
        case 0x09: return "tab"
        default: return "'" + String(UnicodeScalar(delimiter)) + "'"
        }
    }

    /// The `--columns` value, e.g. `date="Trans Date",item="Item #"`.
    public var columnsFlag: String {
        suggestedMap.map { "\($0.role)=\(ExportInspection.quoted($0.header))" }.joined(separator: ",")
    }

    public var report: String {
        var out = "file: \(file)\n"
        out += "encoding: \(encoding)\(encodingNote.map { " (\($0))" } ?? "")\n"
        out += "delimiter: \(delimiterName)\n"
        out += "header: \(header.joined(separator: String(UnicodeScalar(delimiter))))\n"
        out += "rows: \(rows) data rows\n\ncolumns:\n"
        for (k, c) in columns.enumerated() {
            var type = c.type
            if let format = c.dateFormat { type += " (\(format))" }
            if let share = c.share { type += ", \(NumberFormat.percent(share)) of \(c.examined) \(c.examined == 1 ? "value" : "values") read" }
            out += "  \(k + 1). \(c.header): \(type); \(c.emptyCells) empty\n"
            if !c.samples.isEmpty { out += "     samples: \(c.samples.map { "'\($0)'" }.joined(separator: ", "))\n" }
        }
        guard let kind else { return out }
        out += "\nas \(kind):\n"
        out += suggestedMap.isEmpty ? "  no column matches a role of \(kind)\n" : "  --columns '\(columnsFlag)'\n"
        out += missingRequired.isEmpty ? "  every required role is found\n" : "  required roles not found: \(missingRequired.joined(separator: ", "))\n"
        let dateFormat = dateRoleFormat
        if let unpivot {
            out += "  wide sheet: unpivot the columns \(unpivot.columns)\n"
            out += "    unpivot:\n      columns: \(unpivot.yamlColumns)\n      names_to: \(unpivot.namesTo)\n      values_to: \(unpivot.valuesTo)\n"
            out += "  flags: --unpivot '\(unpivot.columns)' --names-to \(unpivot.namesTo) --values-to \(unpivot.valuesTo)"
                + (unpivot.dateFormat.map { " --date-format \($0)" } ?? "") + "\n"
        }
        out += "\nimport stage:\n  \(kind):\n    kind: import\n    table: \(kind)\n    file: \(ExportInspection.quoted(file))\n"
        if !suggestedMap.isEmpty {
            out += "    columns: {\(suggestedMap.map { "\($0.role): \(ExportInspection.quoted($0.header))" }.joined(separator: ", "))}\n"
        }
        if delimiter != UInt8(ascii: ",") { out += "    delimiter: \(delimiter == 0x09 ? "tab" : "'" + String(UnicodeScalar(delimiter)) + "'")\n" }
        if encoding != "UTF-8" { out += "    encoding: \(encoding.lowercased())\n" }
        if let dateFormat = dateFormat ?? unpivot?.dateFormat, dateFormat != "auto", dateFormat != "iso", dateFormat != "mdy" { out += "    date_format: \(dateFormat)\n" }
        if let unpivot {
            out += "    unpivot:\n      columns: \(unpivot.yamlColumns)\n      names_to: \(unpivot.namesTo)\n      values_to: \(unpivot.valuesTo)\n"
        }
        return out
    }

    /// The format of the column mapped to the date role, when it reads as a date.
    var dateRoleFormat: String? {
        guard let header = suggestedMap.first(where: { $0.role == "date" })?.header else { return nil }
        return columns.first(where: { $0.header == header })?.dateFormat
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
