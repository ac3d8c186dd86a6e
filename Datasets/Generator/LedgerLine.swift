/// One department x account x month of the budget and of the general ledger, in cents.
struct LedgerLine: Sendable {
    let department: Int
    let account: String
    let revenue: Bool
    let variable: Bool
    let month: Int
    /// Nil when the budget has no line for it.
    var budgetCents: Int?
    /// Nil when the ledger has nothing posted and no budget to compare with.
    var actualCents: Int?
    var budgetVolume: Int
    var actualVolume: Int
}
