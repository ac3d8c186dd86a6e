/// One row of price_variance.csv: what an item cost from one vendor against its contract,
/// over the lines that had a contract price on their order date.
public struct PriceVarianceLine: Sendable, Equatable {
    public var item: String
    public var vendor: String
    /// Units ordered on contract.
    public var quantity: Double
    /// Quantity-weighted average prices.
    public var paidUnitPrice: Double
    public var contractUnitPrice: Double
    /// Sum of (paid - contract) x quantity: positive = paid above contract.
    public var priceVariance: Double
}
