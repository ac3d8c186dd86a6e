/// Paid unit price of an item from a vendor over time: the first and the latest price by
/// order date. The latest replaces the item master's unit cost where orders exist (a price
/// list ages; the last invoice does not).
public struct PriceTrend: Sendable, Equatable {
    public var item: String
    public var vendor: String
    public var lines: Int
    public var firstDay: Int32
    public var firstPrice: Double
    public var latestDay: Int32
    public var latestPrice: Double

    /// Change from the first to the latest price, in percent; 0 when the first is 0.
    public var changePercent: Double { firstPrice > 0 ? 100 * (latestPrice - firstPrice) / firstPrice : 0 }
}
