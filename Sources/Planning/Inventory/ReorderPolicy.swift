/// How an item is replenished.
public enum ReorderPolicy: String, Sendable, CaseIterable {
    /// Periodic review, order up to S = demand over lead time + review period + safety stock.
    case periodicReview = "periodic"
    /// Continuous review (s, Q): when the position falls to s, order the economic quantity Q.
    case continuous
    /// Min/max for upload to an ERP, looked at at each review: min = demand over lead time +
    /// review period + safety stock (the periodic order-up-to level), max = min + a review
    /// period's demand.
    case minMax = "minmax"
}

/// Settings shared by every item of a reorder run.
public struct ReorderSettings: Sendable {
    public var policy: ReorderPolicy = .periodicReview
    /// Overrides the class matrix for every item without its own service level.
    public var serviceLevel: Double?
    public var matrix = ServiceLevelMatrix()
    /// Cost of placing one order, for EOQ.
    public var orderingCost = 25.0
    /// Annual holding cost as a share of unit cost, for EOQ.
    public var holdingRate = 0.25
    /// Used when the item master has no lead time / review period.
    public var defaultLeadTimeDays = 7.0
    /// What the service level targets: the share of units served (default) or no stockout in a cycle.
    public var serviceMeasure: ServiceMeasure = .fillRate
    public var defaultReviewPeriodDays = 7.0
    /// No use for this many days with stock on hand = dead stock.
    public var deadStockDays = 90
    /// More than this many days of supply on hand = excess.
    public var excessDaysOfSupply = 180.0
    /// Backtest MASE above this marks the forecast unreliable.
    public var unreliableMASE = 1.5
    /// Less history than this (days) = new item, planned from its par level.
    public var newItemDays = 56
    /// Periodic review: meet each class's fill rate as a class, spreading safety stock where
    /// it buys the most service per dollar (`FillRateAllocation`), rather than item by item.
    /// Items with their own service level keep it, and vital items their own fill rate.
    public var allocateByClass = true

    public init() {}
}
