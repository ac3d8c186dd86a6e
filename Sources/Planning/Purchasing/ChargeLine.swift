import Tabular

/// A PO line that charges for something other than an item: freight, tax, handling, a
/// miscellaneous fee. Lawson, PeopleSoft and Workday PO-line exports carry them as lines of
/// their own, under an item code such as `FREIGHT` or `TAX`, or with the item left blank and
/// the charge in the description. They are money paid to the vendor (its spend), but no
/// purchase of an item: scored as items, a $45 freight line and $9.10 of tax were Medline's
/// off-contract spend (17.8%), two more lines, and rows in lead_times.csv, and a blank-item
/// charge was rejected (2 of 5 rows, the run stopped at the 1% limit).
///
/// The rule is conservative: a whole item code from `codes` (case, spaces, `-`, `_` and `.`
/// ignored), or a blank item whose description is only charge words (`descriptionWords`,
/// with `joiningWords`). An item named `Freight box` or `Tax form`, a blank item described
/// `Shipping box` or `Handling gloves`, and a `MISC` line (often goods bought off catalog)
/// are items.
public enum ChargeLine {
    /// Item codes ERPs use for charge lines, folded (`folded`).
    public static let codes: Set<String> = [
        "freight", "frt", "frght", "shipping", "ship", "shippinghandling", "s&h", "handling", "delivery",
        "tax", "salestax", "usetax", "vat", "gst", "hst", "surcharge", "fuelsurcharge",
    ]

    /// Words of a blank item's description that make it a charge line.
    public static let descriptionWords: Set<String> = [
        "freight", "shipping", "handling", "tax", "vat", "surcharge", "delivery",
    ]

    /// Words that may stand beside them in a charge's description (`Sales tax`, `Freight
    /// charge`, `Shipping & handling`, `Fuel surcharge`); any other word makes it an item.
    public static let joiningWords: Set<String> = [
        "and", "s", "h", "sales", "use", "state", "local", "county", "fuel", "charge", "charges", "fee", "fees",
        "inbound", "outbound", "ground", "expedited", "rush", "cost", "costs",
    ]

    /// Whether `item` is a charge code: judged once per distinct code by callers that number
    /// items (`PurchaseOrderLines`).
    public static func isChargeCode(_ item: String) -> Bool { codes.contains(folded(item)) }

    /// Whether a line with a blank item and this description is a charge line: a charge word,
    /// and no word that is neither a charge word nor a joining word (numbers aside).
    public static func isChargeDescription(_ description: String) -> Bool {
        var charge = false
        for word in description.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) {
            if descriptionWords.contains(word) { charge = true } else if !joiningWords.contains(word) { return false }
        }
        return charge
    }

    /// Lower case without spaces, `-`, `_` and `.`: `Sales Tax`, `SALES_TAX` and `salestax` are one code.
    static func folded(_ code: String) -> String {
        String(code.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" && $0 != "." })
    }
}
