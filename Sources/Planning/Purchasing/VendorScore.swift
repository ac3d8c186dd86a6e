/// One row of vendor_scorecard.csv: how a vendor delivers and prices.
public struct VendorScore: Sendable, Equatable {
    public var vendor: String
    public var lines: Int
    /// Paid unit price x ordered quantity over the lines that carry a price, less the credit of
    /// the vendor's returns (`returnCredit`), with its charge lines (`charges`).
    public var spend: Double
    /// Units returned to the vendor on lines of their own (`PurchaseOrderLines.returns`) at the
    /// return's price (else the latest price paid the vendor for the item): taken off `spend`.
    public var returnCredit = 0.0
    /// Freight, tax and other charge lines (`PurchaseOrderLines.charges`): in `spend`, as they
    /// are money paid the vendor, but in no other figure here (not lines, fill, on time, lead
    /// time, price variance or off-contract spend); shown on their own.
    public var charges = 0.0
    public var chargeLines = 0
    /// Units received (at most the ordered quantity of each line) / units ordered over the
    /// received lines; NaN when none was received.
    public var fillRate: Double
    /// Share of received lines that arrived within the item's lead time plus the grace day (a
    /// receipt of 0 units is not on time); NaN without receipts.
    public var onTimeRate: Double
    public var leadTime: RunningMoments
    /// Sum of (paid - contract) x quantity over the lines with a contract price.
    public var priceVariance: Double
    /// Spend on lines with no contract price for their item and vendor on the order date.
    public var offContractSpend: Double
    /// Lines received in larger quantity than ordered (accepted, flagged `over_receipt`).
    public var overReceipts: Int

    public init(vendor: String) {
        self.vendor = vendor
        lines = 0
        spend = 0
        fillRate = .nan
        onTimeRate = .nan
        leadTime = RunningMoments()
        priceVariance = 0
        offContractSpend = 0
        overReceipts = 0
    }
}
