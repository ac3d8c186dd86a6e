import Tabular

extension InputSchema {
    /// An order line's quantity: above 0, or below 0 for a return to the vendor exported as a
    /// line of its own (Lawson, PeopleSoft and Workday RTV lines), which `RowRule.returnLine`
    /// checks for its date. Rejected as a bad line under the 1% threshold, a return of 50
    /// left them on the shelf and a needed order of 50 ($200) was not placed.
    static let orderedQuantity = ValueRule.number([-ImportOptions.largestMagnitude...(-Double.leastNonzeroMagnitude),
                                                   Double.leastNonzeroMagnitude...ImportOptions.largestMagnitude], whole: false,
                                                  what: "a quantity above 0 (below 0 for a return to the vendor; an order line must order something; cancelled lines belong out of the export)")

    /// One receipt of one PO line. A line received in parts may come once per receipt (the
    /// purchasing analysis counts it once), but the same receipt twice is a re-export pasted
    /// under the first: summed, it would double what was received, so the row is rejected
    /// like a second stock row. Only rows with a PO number: without one, two identical lines
    /// may be two orders. With the export's receipt numbers (`receipt`), two receipts of the
    /// same quantity on one day are two receipts: without them, the second of a split pallet's
    /// 50 and 50 was rejected and the vendor's fill read 50 short.
    static let orderReceipt = UniqueKey(roles: ["po", "po_line", "receipt", "item", "vendor", "order_date", "quantity", "receipt_date", "received_quantity"],
                                        noun: "a row",
                                        why: "one row per receipt of a PO line; a repeated row would count the receipt twice",
                                        ignoringCase: false, onlyWith: "po")

    /// DESIGN.md's purchasing inputs: order lines with receipts, contract prices, stock by lot.
    /// `manufacture_date` on lots is an addition to DESIGN's table: with it, a lot that
    /// expires before it was made is rejected. So is `status` on orders (an ERP's line status):
    /// lines it calls cancelled, void or deleted are left out of the analysis; and `po_line`,
    /// the PO's line number, which keeps two lines of one PO for the same item apart; and
    /// `description`, which tells a charge line with a blank item (`Freight`, `Sales tax`:
    /// `ChargeLine`) from a line missing its item.
    /// `receipt`, the receipt (receiver) number, which keeps two receipts of one line apart.
    /// `received_quantity` may be negative (a receipt reversed, or a return): netted against
    /// its line's receipts, or rejected at the end of the file when they cannot cover it
    /// (`ReceiptReversals`). `quantity` may be negative on a return to the vendor exported as
    /// a line of its own (`PurchaseOrderLines.returns`), with its receipt date or a negative
    /// received quantity.
    static let purchasing: [InputSchema] = [
        InputSchema(kind: "orders", roles: [Role(name: "item", type: .text, required: true, rule: key, emptyOnChargeLine: true),
                                            r("vendor", .text, true, key), r("order_date", .date, true), r("quantity", .number, true, orderedQuantity),
                                            r("po", .text), r("unit_price", .number, false, atLeastZero), r("receipt_date", .date),
                                            r("received_quantity", .number), r("contract_price", .number, false, atLeastZero),
                                            r("status", .text), r("uom", .text), r("po_line", .text), r("description", .text),
                                            r("receipt", .text)],
                    unique: orderReceipt,
                    rowRules: [.order(earlier: "order_date", later: "receipt_date", why: "a receipt cannot come before its order; check the dates and the date format"),
                               .returnLine(quantity: "quantity", received: "received_quantity", receiptDate: "receipt_date")]),
        // A contract's `end` given as a period (`Jan-26`, `2026-04`, `2026-Q2`, `2026`) runs
        // through its last day, as a lot's expiry month does; its `start` is the period's first
        // day, as every date is read. Read as the 1st, a GPO term "Jul-25 to Jan-26" ended on
        // 1 January: lines of 12 and 30 January and of 28 April (a term ending `2026-04`), all
        // paid exactly the contract price, were off contract ($5,240 of $7,790 where $1,840 is).
        InputSchema(kind: "contracts", roles: [r("item", .text, true, key), r("vendor", .text, true, key), r("contract_price", .number, true, atLeastZero),
                                               r("start", .date), Role(name: "end", type: .date, required: false, periodMeansLastDay: true), r("uom", .text)],
                    rowRules: [.order(earlier: "start", later: "end", why: "a contract cannot end before it starts; check the dates and the date format")]),
        InputSchema(kind: "lots", roles: [r("item", .text, true, key), r("lot", .text, true), Role(name: "expiry_date", type: .date, required: true, periodMeansLastDay: true), r("quantity", .number, true, atLeastZero),
                                          r("location", .text, false, key), r("manufacture_date", .date)],
                    unique: UniqueKey(roles: ["item", "lot", "location"], noun: "a lot row", why: "one per item, lot and location; add up a lot's stock into one row", exactRoles: ["item", "lot"]),
                    rowRules: [.order(earlier: "manufacture_date", later: "expiry_date", why: "a lot cannot expire before it was made; check the dates and the date format")]),
    ]
}
