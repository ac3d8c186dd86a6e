/// What the supply export produced, for the ledger, the inventory snapshot and the truths.
struct SupplyResult: Sendable {
    /// Cents issued per department and month: medical supplies (account 6100) and implants (6150).
    var supplyCents: [[Int]]
    var implantCents: [[Int]]
    /// Cents per department, vendor and month (for the price-increase truth).
    var vendorCents: [[[Int]]]
    /// What the budget expected per department and month, at each fiscal year's opening prices.
    var supplyBudget: [[Double]]
    var implantBudget: [[Double]]
    /// Units issued per item and day (all departments).
    var itemDaily: [[Int32]]
    /// Expected units per day over the last 91 days, per item.
    var recentDailyDemand: [Double]
    var dirtyRows: [DirtyRow]
    var rows: Int
    var bytes: Int
}
