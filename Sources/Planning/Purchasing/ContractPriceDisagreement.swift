import Tabular

/// A purchase order line whose own `contract_price` differs from the contracts file's price for
/// its item and vendor on its order date. The file's price is the one used (README); the line's
/// is the ERP's price load. When they differ one of the two is wrong, and the difference on the
/// line is money at stake either way: a price-load error the ERP pays on every order, or a
/// contract file that claims too much or too little. Used silently, a line at 9.00 beside a file
/// at 10.00 read as no variance and nothing said so.
public struct ContractPriceDisagreement: Sendable, Equatable {
    /// The PO number, empty when the export has none.
    public var po: String
    public var item: String
    public var vendor: String
    public var orderDay: CalendarDay
    /// The billed quantity (the ordered one, or what arrived on a line closed short).
    public var quantity: Double
    /// The line's own contract_price.
    public var linePrice: Double
    /// The contracts file's price on the order date (the one used).
    public var filePrice: Double

    /// (line price - file price) x quantity: above 0 when the ERP's price is the higher.
    public var atStake: Double { (linePrice - filePrice) * quantity }
}
