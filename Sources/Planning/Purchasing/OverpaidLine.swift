import Tabular

/// One purchase order line paid above the contract price valid on its order date: what a buyer
/// claims back from the vendor, line by line. An item and vendor's net price variance can be
/// below zero while one of its lines was overpaid (a line at 2.20 and one at 1.50 against 2.00
/// net to a saving), and the report named the overpayment in its summary but no line.
public struct OverpaidLine: Sendable, Equatable {
    /// The PO number, empty when the export has none.
    public var po: String
    public var item: String
    public var vendor: String
    public var orderDay: CalendarDay
    public var quantity: Double
    public var paidUnitPrice: Double
    public var contractUnitPrice: Double

    /// (paid - contract) x quantity.
    public var overpaid: Double { (paidUnitPrice - contractUnitPrice) * quantity }
}
