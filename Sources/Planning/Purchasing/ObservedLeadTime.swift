/// One row of lead_times.csv: days from order to receipt for an item from a vendor.
public struct ObservedLeadTime: Sendable, Equatable {
    public var item: String
    /// The vendor; empty for an item's receipts from all its vendors together.
    public var vendor: String
    public var moments: RunningMoments

    public var receipts: Int { moments.count }
    public var meanDays: Double { moments.mean }
    /// Sample standard deviation.
    public var standardDeviationDays: Double { moments.standardDeviation }
}
