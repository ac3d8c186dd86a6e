/// Two or more contracts of one item and vendor, started on different days, in force together
/// on an order's date with different prices: a GPO tier for the year and a local agreement
/// from March. The order is priced against the lowest of them (`ContractBook.price(in:on:)`),
/// the price the hospital is entitled to unless one replaced the other, and the overlap is
/// named so the buyer can end the one that no longer applies. Resolved silently by the later
/// start, a line paid $2.20 against a GPO price of $2.00 still in force reported no variance
/// ($20 of a $220 line hidden).
public struct ContractOverlap: Sendable, Equatable {
    public var item: String
    public var vendor: String
    /// The distinct prices in force together, lowest first; the first is the one used.
    public var prices: [Double]
    /// Order lines dated while they overlapped.
    public var lines: Int

    public init(item: String, vendor: String, prices: [Double], lines: Int) {
        self.item = item
        self.vendor = vendor
        self.prices = prices
        self.lines = lines
    }

    /// The price compared with.
    public var used: Double { prices[0] }
}
