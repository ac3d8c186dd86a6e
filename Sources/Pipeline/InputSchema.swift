import Tabular

/// The columns of each input kind in DESIGN.md's table, with their types, so every import
/// reads (and `validate` checks) the same roles.
public struct InputSchema: Sendable {
    public enum ValueType: Sendable { case text, number, date, period }

    public struct Role: Sendable {
        public var name: String
        public var type: ValueType
        public var required: Bool
        public var isPrivate = false
    }

    public var kind: String
    public var roles: [Role]

    static func r(_ name: String, _ type: ValueType, _ required: Bool = false, isPrivate: Bool = false) -> Role {
        Role(name: name, type: type, required: required, isPrivate: isPrivate)
    }

    public static let all: [String: InputSchema] = Dictionary(uniqueKeysWithValues: [
        InputSchema(kind: "usage", roles: [r("date", .date, true), r("item", .text, true), r("quantity", .number, true),
                                           r("location", .text), r("department", .text), r("unit_cost", .number), r("uom", .text)]),
        InputSchema(kind: "items", roles: [r("item", .text, true), r("description", .text), r("category", .text), r("vendor", .text),
                                           r("unit_cost", .number), r("prior_unit_cost", .number), r("uom", .text), r("pack_size", .number), r("min_order_qty", .number),
                                           r("lead_time_days", .number), r("lead_time_sd_days", .number), r("review_period_days", .number),
                                           r("shelf_life_days", .number), r("criticality", .text), r("service_level", .number),
                                           r("par_level", .number), r("status", .text)]),
        InputSchema(kind: "inventory", roles: [r("item", .text, true), r("on_hand", .number, true), r("location", .text),
                                               r("on_order", .number), r("as_of", .date)]),
        InputSchema(kind: "timekeeping", roles: [r("date", .date, true), r("unit", .text, true), r("hours", .number, true),
                                                 r("job_code", .text), r("pay_type", .text), r("employee", .text, isPrivate: true)]),
        InputSchema(kind: "census", roles: [r("date", .date, true), r("unit", .text, true), r("patient_days", .number, true),
                                            r("admissions", .number), r("visits", .number)]),
        InputSchema(kind: "staffing_targets", roles: [r("unit", .text, true), r("job_code", .text, true), r("target_hppd", .number, true),
                                                      r("budgeted_fte", .number), r("hourly_rate", .number), r("overtime_multiplier", .number),
                                                      r("agency_rate", .number), r("max_patients_per_staff", .number)]),
        InputSchema(kind: "budget", roles: [r("department", .text, true), r("account", .text, true), r("period", .period, true),
                                            r("amount", .number, true), r("fiscal_year", .text), r("volume", .number),
                                            r("account_type", .text), r("behavior", .text)]),
        InputSchema(kind: "actuals", roles: [r("department", .text, true), r("account", .text, true), r("period", .period, true),
                                             r("amount", .number, true), r("volume", .number)]),
        InputSchema(kind: "volumes", roles: [r("department", .text, true), r("period", .period, true),
                                             r("budget_volume", .number), r("actual_volume", .number)]),
    ].map { ($0.kind, $0) })

    public var columnSpecs: [ColumnSpec] { roles.map { ColumnSpec($0.name, required: $0.required, isPrivate: $0.isPrivate) } }
}
