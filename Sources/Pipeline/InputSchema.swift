import Planning
import Tabular

/// The columns of each input kind in DESIGN.md's table, with their types, so every import
/// reads (and `validate` checks) the same roles.
public struct InputSchema: Sendable {
    /// `time`: a time of day, kept as minutes after midnight; `dateTime`: a date and time,
    /// kept as minutes since 1970-01-01 00:00 (both as numbers, NaN when empty).
    public enum ValueType: Sendable { case text, number, date, period, time, dateTime }

    public struct Role: Sendable {
        public var name: String
        public var type: ValueType
        public var required: Bool
        public var isPrivate = false
        /// What values make sense; rows outside it are rejected with the reason.
        public var rule: ValueRule? = nil
        /// A date given as a period (`Jul-25`, `2025-07`) is its last day, not its first:
        /// an expiry date printed as a month means good through the end of it.
        public var periodMeansLastDay = false
        /// A `period` role that keeps the day a row gives (a daily census as volumes) instead of
        /// its month, so that days can be summed into the month rather than read as repeats.
        public var keepsDay = false
        /// An empty value means the level was not recorded that day (a census's patient days):
        /// the row is left out, as a day without a row is, and counted in a note. Rejected, a
        /// census with a blank day every few weeks stopped the plan above the reject limit,
        /// although DESIGN.md reads a level nobody recorded as missing.
        public var emptyIsUnrecorded = false
        /// A number written with a percent sign is the fraction (`98%` is 0.98; `ImportRow.numberOrPercent`).
        public var readsPercentSign = false
        /// A required text role that may be empty on a charge line: a row whose `description`
        /// says freight, tax, handling or a surcharge (`ChargeLine.isChargeDescription`). ERPs
        /// export such PO lines with no item; rejected as an empty item, 2 of 5 rows of a
        /// Workday export stopped the run at the 1% limit.
        public var emptyOnChargeLine = false
    }

    /// A sanity range for a column: values that parse but cannot be right (a negative pack
    /// size, a lead time of a million years) are rejected at import, so the planning math
    /// never sees them and the row shows up in the rejects file with what was expected.
    public enum ValueRule: Sendable {
        /// A number in one of the closed ranges; `what` says in words what the column holds.
        case number([ClosedRange<Double>], whole: Bool, what: String)
        /// Text from a fixed list, compared without case.
        case oneOf([String])
        /// A name that is not a spreadsheet's total line (`Subtotal`, `Grand Total`, `Nursing
        /// Total`): a ledger export with its subtotal rows left in counted each department's
        /// lines twice, the subtotal as one more unbudgeted account.
        case notATotal
        /// `notATotal` for a ledger's account, where only a totals label as a whole (`Grand
        /// Total`, `Subtotal`) is rejected: a line naming the account it totals (`Total 6100
        /// Medical Supplies`, `6100 Medical Supplies Total`) is left out, and named in a note,
        /// by `SubtotalLines`, which sees the whole ledger. Rejected, the suffix form failed a
        /// Q1 GL at the 1% limit (2 of 11 rows) while the prefix form was read as an account.
        case notATotalLabel
        /// A key that is not a totals label as a whole (`Total`, `Grand Total`, `Sum`; see
        /// `TotalsLabel`): the last row of an export that says `Grand Total` under the item was
        /// read as one more item holding the other rows' sum. Whole fields only, so an item
        /// named `Total Parenteral Nutrition kit` or `TPN Total` is read.
        case notATotalsRow

        /// The rule is about rows, not names: an unpivot's header listed by the user may name a
        /// total column and is read as asked (`*` leaves such headers out by itself).
        var judgesRowsOnly: Bool {
            if case .notATotalsRow = self { return true }
            return false
        }

        /// Why `value` breaks the rule, or nil when it is fine. `written` is the value as the
        /// file writes it, quoted instead of the number read from it where the two differ: a
        /// service level of `100%`, read as 1, was rejected as "'1' is not a service level".
        func problem(_ value: Double, written: String? = nil) -> String? {
            guard case .number(let ranges, let whole, let what) = self else { return nil }
            if !ranges.contains(where: { $0.contains(value) }) || (whole && value != value.rounded()) {
                // Quoted like other rejected values: a bare `-5 ...` would start the rejects file's
                // reason cell with a minus, which the formula guard prefixes with a stray `'`.
                let shown = written.map { $0.count > 40 ? String($0.prefix(37)) + "..." : $0 } ?? NumberFormat.fixed(value)
                return "'\(shown)' is not \(what)"
            }
            return nil
        }

        func problem(_ text: String) -> String? {
            if case .notATotal = self {
                guard TotalsLabel.isLabel(text) || text.matchKey().hasSuffix(" total") else { return nil }
                return "'\(text.count > 40 ? String(text.prefix(37)) + "..." : text)' is a total line: summed with the lines it totals, they would count twice; leave total rows out of the export"
            }
            if case .notATotalLabel = self {
                guard TotalsLabel.isLabel(text) else { return nil }
                return "'\(text.count > 40 ? String(text.prefix(37)) + "..." : text)' is a total line: summed with the lines it totals, they would count twice; leave total rows out of the export"
            }
            if case .notATotalsRow = self {
                guard TotalsLabel.isLabel(text) else { return nil }
                return TotalsLabel.rowReason(text)
            }
            guard case .oneOf(let allowed) = self else { return nil }
            let lower = text.trimmed().lowercased()
            if allowed.contains(where: { $0.lowercased() == lower }) { return nil }
            return "'\(text.count > 40 ? String(text.prefix(37)) + "..." : text)' is not one of \(allowed.joined(separator: ", "))"
        }
    }

    /// Roles whose values together name one row: a second row with the same values is
    /// rejected, naming the line of the first. Keeping either silently lost the other: two
    /// target rows for one unit and job code doubled every plan row and summed their HPPD, a
    /// second item-master row's vendor and price vanished, two stock rows of one item and
    /// location each ordered for the whole item. Roles absent from a file are left out.
    public struct UniqueKey: Sendable {
        public var roles: [String]
        /// What one row is ("a target") and why only one may exist, for the rejects file.
        public var noun: String
        public var why: String
        /// Compared ignoring case and spaces (names people type, such as units), or byte for
        /// byte (codes, such as item numbers, where `a100` and `A100` may be two items).
        public var ignoringCase = true
        /// With `ignoringCase`, the roles still compared byte for byte (an item code beside a
        /// location's name: `ICU` and `icu` are one place, `a100` and `A100` may be two items).
        public var exactRoles: Set<String> = []
        /// A text role of the key that must hold a value for the key to apply; rows without it,
        /// and files without the column, are not checked. Two order lines alike in every
        /// column may be two orders, unless they also share a PO number.
        public var onlyWith: String? = nil
        /// With `ignoringCase`, roles whose values have other spellings of one name: `D` and
        /// `Day` are one shift (`ShiftWindow.standardName`), and two census rows for it on one
        /// date both checked the shift, one with the other's patients.
        public var spellings: [String: @Sendable (String) -> String?] = [:]
    }

    public var kind: String
    public var roles: [Role]
    public var unique: UniqueKey? = nil
    /// Checks across the columns of one row (a span's end after its start, a receipt after
    /// its order).
    public var rowRules: [RowRule] = []

    static func r(_ name: String, _ type: ValueType, _ required: Bool = false, isPrivate: Bool = false, _ rule: ValueRule? = nil) -> Role {
        Role(name: name, type: type, required: required, isPrivate: isPrivate, rule: rule)
    }

    /// The rule of a text role that names what a row is about (an item, a unit, a vendor):
    /// a totals label there makes the row a totals row.
    static let key = ValueRule.notATotalsRow
    static let atLeastZero = ValueRule.number([0...ImportOptions.largestMagnitude], whole: false, what: "a number of at least 0")
    static let count = ValueRule.number([0...ImportOptions.largestMagnitude], whole: true, what: "a whole number of at least 0")
    static let days = ValueRule.number([0...3_650], whole: false, what: "a number of days from 0 to 3650")

    public static let all: [String: InputSchema] = Dictionary(uniqueKeysWithValues: ([
        InputSchema(kind: "usage", roles: [r("date", .date, true), r("item", .text, true, key), r("quantity", .number, true),
                                           r("location", .text, false, key), r("department", .text, false, key), r("unit_cost", .number, false, atLeastZero), r("uom", .text)]),
        InputSchema(kind: "items", roles: [r("item", .text, true, key), r("description", .text), r("category", .text), r("vendor", .text),
                                           r("unit_cost", .number, false, atLeastZero), r("prior_unit_cost", .number, false, atLeastZero), r("uom", .text),
                                           r("pack_size", .number, false, .number([1...ImportOptions.largestMagnitude], whole: true, what: "a whole number of units of at least 1")),
                                           r("min_order_qty", .number, false, atLeastZero),
                                           r("lead_time_days", .number, false, days), r("lead_time_sd_days", .number, false, days),
                                           // Read as days x 7 where lead_time_days is not given (`ItemMaster.leadTimeDays`).
                                           r("lead_time_weeks", .number, false, .number([0...521], whole: false, what: "a number of weeks from 0 to 521")),
                                           r("review_period_days", .number, false, days),
                                           r("shelf_life_days", .number, false, .number([1...36_500], whole: false, what: "a number of days from 1 to 36500")),
                                           r("criticality", .text, false, .oneOf(["V", "E", "N"])),
                                           Role(name: "service_level", type: .number, required: false, rule: .number([0.5...0.9999, 50...99.99], whole: false, what: "a service level from 0.5 to 0.9999 (or a percentage from 50 to 99.99, with or without a % sign)"), readsPercentSign: true),
                                           r("par_level", .number, false, atLeastZero), r("status", .text, false, .oneOf(ItemStatus.words)),
                                           // `Y`/`N`, the usual ERP flag, read as yes and no (it was rejected).
                                           r("discontinued", .text, false, .oneOf(["true", "false", "yes", "no", "y", "n", "1", "0"])),
                                           // The successor of a replaced item (`Replaced By`): named in reorder's notes.
                                           r("replaced_by", .text)],
                    unique: UniqueKey(roles: ["item"], noun: "an item-master row", why: "one per item; the other row's vendor, price and lead time would be lost", ignoringCase: false)),
        InputSchema(kind: "inventory", roles: [r("item", .text, true, key), r("on_hand", .number, true, atLeastZero), r("location", .text, false, key),
                                               r("on_order", .number, false, atLeastZero), r("as_of", .date),
                                               // A par location's own par level (`reorder --simulate`; README).
                                               r("par_level", .number, false, atLeastZero)],
                    unique: UniqueKey(roles: ["item", "location"], noun: "a stock row", why: "one per item and location; add up a location's stock into one row", exactRoles: ["item"])),
        InputSchema(kind: "timekeeping", roles: [r("date", .date, true), r("unit", .text, true, key),
                                                 r("hours", .number, true, .number([-ImportOptions.largestMagnitude...ImportOptions.largestMagnitude], whole: false, what: "a number of hours")),
                                                 r("job_code", .text, false, key), r("pay_type", .text, false, key), r("employee", .text, isPrivate: true),
                                                 r("start", .dateTime), r("end", .dateTime)],
                    rowRules: [.span(start: "start", end: "end", maxHours: 24),
                               .perPerson(value: "hours", person: "employee", maximum: 744, what: "one person's hours on one row can be, a month's")]),
        InputSchema(kind: "census", roles: [r("date", .date, true), r("unit", .text, true, key),
                                            Role(name: "patient_days", type: .number, required: true, rule: atLeastZero, emptyIsUnrecorded: true),
                                            r("admissions", .number, false, count), r("visits", .number, false, count)]),
        InputSchema(kind: "staffing_targets", roles: [r("unit", .text, true, key), r("job_code", .text, true, key), r("target_hppd", .number, true, atLeastZero),
                                                      r("budgeted_fte", .number, false, atLeastZero), r("hourly_rate", .number, false, atLeastZero),
                                                      r("overtime_multiplier", .number, false, atLeastZero), r("agency_rate", .number, false, atLeastZero),
                                                      r("max_patients_per_staff", .number, false, .number([0.01...ImportOptions.largestMagnitude], whole: false, what: "a number of patients above 0"))],
                    unique: UniqueKey(roles: ["unit", "job_code"], noun: "a target", why: "one per unit and job code; a second would double the plan")),
        InputSchema(kind: "shifts", roles: [r("date", .date, true), r("shift", .text, true), r("unit", .text, true, key),
                                            Role(name: "patients", type: .number, required: true, rule: count, emptyIsUnrecorded: true), r("start", .time), r("end", .time)],
                    unique: UniqueKey(roles: ["date", "unit", "shift"], noun: "a shift census row", why: "one per date, unit and shift; a second would check the shift twice",
                                                     spellings: ["shift": ShiftWindow.standardName(of:)]),
                    rowRules: [.shift(name: "shift", start: "start", end: "end")]),
        InputSchema(kind: "budget", roles: [r("department", .text, true, .notATotal), r("account", .text, true, .notATotal), r("period", .period, true),
                                            r("amount", .number, true), r("fiscal_year", .text), r("volume", .number, false, atLeastZero),
                                            r("account_type", .text, false, .oneOf(VarianceLine.AccountType.spellings.map(\.0))),
                                            r("behavior", .text, false, .oneOf(VarianceLine.Behavior.spellings.map(\.0)))]),
        InputSchema(kind: "actuals", roles: [r("department", .text, true, .notATotal), r("account", .text, true, .notATotalLabel), r("period", .period, true),
                                             r("amount", .number, true), r("volume", .number, false, atLeastZero),
                                             r("account_type", .text, false, .oneOf(VarianceLine.AccountType.spellings.map(\.0)))]),
        InputSchema(kind: "volumes", roles: [r("department", .text, true, key), Role(name: "period", type: .period, required: true, keepsDay: true),
                                             r("budget_volume", .number, false, atLeastZero), r("actual_volume", .number, false, atLeastZero)]),
    ] + purchasing).map { ($0.kind, $0) })

    /// Why an Excel Subtotal row under a group (`ICU Total` below the ICU rows) is rejected.
    public static func subtotalRowReason(_ label: String, group: String) -> String {
        "a subtotal row ('\(label.trimmed().clipped)' below the rows of '\(group.trimmed().clipped)', as Excel's Subtotal writes it): its figures are the rows' sum above it, and read as data they would count twice; delete the subtotal rows from the export (Data > Subtotal > Remove All)"
    }

    /// A row of an item named with a total word whose every quantity is a sum of rows
    /// (`SubtotalCheck`); `what` is what this row's sums, nil for a row with a zero or no
    /// quantity, which goes with the item's others.
    public static func subtotalSumReason(_ label: String, value: Double, sums what: String?) -> String {
        let label = label.trimmed().clipped
        guard let what else {
            return "a subtotal row ('\(label)'): every quantity of '\(label)' other than zero is a sum of rows of the file, so this one (\(value.isFinite ? NumberFormat.fixed(value) : "none")) is a subtotal too; delete the subtotal rows from the export"
        }
        return "a subtotal row ('\(label)'): its quantity \(NumberFormat.fixed(value)) is the sum of \(what), and read as data it would count twice; delete the subtotal rows from the export"
    }

    public var columnSpecs: [ColumnSpec] { roles.map { ColumnSpec($0.name, required: $0.required, isPrivate: $0.isPrivate) } }
}
