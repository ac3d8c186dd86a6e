extension ExportInspection {
    /// Number roles that count units, which a column written as money (`On Hand $`, `Ext
    /// Cost`) does not hold: the reviewer's stock valuation report had `On Hand $` of 500 and
    /// `On Order $` of 250 beside `On Hand Qty` 40 and `On Order Qty` 20, and the dollars were
    /// mapped: reorder saw a position of 750 and ordered 0 where 52 units ($650) were due.
    static let quantityRoles: Set<String> = ["quantity", "on_hand", "on_order", "received_quantity", "patients", "hours", "patient_days",
                                             "pack_size", "min_order_qty", "par_level", "admissions", "visits", "volume",
                                             "budget_volume", "actual_volume", "budgeted_fte"]

    /// Number roles that hold money, which a column counting units (`Price Unit`, the 1 or 100
    /// units SAP quotes a price for) does not hold.
    static let moneyRoles: Set<String> = ["unit_cost", "prior_unit_cost", "amount", "contract_price", "unit_price", "hourly_rate", "agency_rate"]

    /// Money roles priced per unit, which a line's total (`Ext Cost`, `Total Cost`) is not.
    static let unitMoneyRoles: Set<String> = ["unit_cost", "prior_unit_cost", "contract_price", "unit_price", "hourly_rate", "agency_rate"]

    /// How a column fits a role.
    enum Fit: Equatable {
        /// A column of the role's kind.
        case own
        /// A column the role takes only when no other fits, and `inspect` says so: money for a
        /// quantity (`On Hand $`), a home unit for where hours were worked (`Home Unit`).
        case lastResort
        /// A column the role never takes: a count of units for money (`Price Unit`, `Units`).
        case never

        init(_ words: HeaderWords, role: String) {
            if ExportInspection.moneyRoles.contains(role) && words.isQuantity && !words.hasCurrencySign {
                self = .never
            } else if ExportInspection.unitMoneyRoles.contains(role) && words.isLineTotal {
                // An extended cost is quantity x unit cost: offered as unit_cost, reorder's order
                // cost came out some 1,200 times over for a glove line (a reviewer's case).
                self = .never
            } else if ExportInspection.quantityRoles.contains(role) && words.isMoney {
                self = .lastResort
            } else if (role == "unit" || role == "department") && words.words.contains("home") {
                // Hours belong where they were worked (`Worked Dept`), not where the staff
                // belong: a float pool's 2,016 hours went to FLOAT and 4W read 1.8 HPPD for 3.0.
                self = .lastResort
            } else {
                self = .own
            }
        }
    }
}
