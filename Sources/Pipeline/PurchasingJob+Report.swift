import Planning
import Reports
import Tabular

extension PurchasingJob {
    /// Rows per table in purchasing.md; the CSVs always have every row.
    public static let reportRows = 25

    /// purchasing.md: the summary first, then vendors (table and charts), price variance,
    /// off-contract spend, price trends and the lots at risk.
    public static func report(_ r: Result, numbers: NumberStyle = NumberStyle()) -> Report {
        let a = r.analysis
        let spend = a.spend
        func lines(_ n: Int) -> String { n == 1 ? "1 line was" : "\(n) lines were" }
        // Charge lines (freight, tax) are in spend, said beside it: they are no item's line.
        let charged = a.chargeLines > 0 ? " (\(numbers.money(a.charges)) of it freight, tax and other charges on \(NumberFormat.count(a.chargeLines, "charge line")))" : ""
        var summary = ["\(NumberFormat.count(a.lines, "order line")) from \(NumberFormat.count(a.vendors.count, "vendor")), spend \(numbers.money(spend))\(charged)"
            + (spend > 0 && a.hasContractPrices ? "; \(numbers.money(a.offContractSpend)) (\(numbers.percent(100 * a.offContractSpend / spend))) bought off contract" : "")
            // Lines whose contract price is in a unit not read: neither on nor off contract, said beside the figure.
            + (spend > 0 && a.hasContractPrices && a.contractUnknownLines > 0
               ? ", and \(numbers.money(a.contractUnknownSpend)) (\(numbers.percent(100 * a.contractUnknownSpend / spend))) on \(NumberFormat.count(a.contractUnknownLines, "line")) with a contract in a unit not read, neither on nor off contract (\(a.contractUnknownExamples.listed(of: a.contractUnknownLines)))." : ".")]
        if a.paidAboveContract > 0 {
            let below = a.paidBelowContract > 0 ? " (\(numbers.money(a.paidBelowContract)) below it on other lines, net \(numbers.money(a.priceVariance)))" : ""
            let largest = a.priceVariances.first.map { top in top.priceVariance > 0
                ? "; largest: \(top.item) from \(top.vendor), \(numbers.money(top.priceVariance)) (\(numbers.money(top.paidUnitPrice)) against \(numbers.money(top.contractUnitPrice)) a unit)" : "" } ?? ""
            summary.append("Paid \(numbers.money(a.paidAboveContract)) above contract prices on \(NumberFormat.count(a.linesAboveContract, "line"))\(below)\(largest).")
        } else if r.hasContracts && !a.hasContractPrices && r.contractsLeftOutByUnit > 0 {
            summary.append("No contract price could be compared: the contracts given are in units not read in their items' (below), so what was paid above them is not known.")
        } else if r.hasContracts {
            summary.append("No item was bought above its contract price.")
        }
        // (A vendor whose lines are overdue has few receipts: judged on its lines, not only on
        // the receipts that give a lead time.)
        let timed = a.vendors.filter { $0.onTimeRate.isFinite && $0.lines >= 2 }
        if let late = timed.min(by: { ($0.onTimeRate, $1.spend) < ($1.onTimeRate, $0.spend) }) {
            let lead = late.leadTime.count >= 2 ? ", lead time \(NumberFormat.fixed(late.leadTime.mean, decimals: 1)) days (sd \(NumberFormat.fixed(late.leadTime.standardDeviation, decimals: 1)))" : ""
            summary.append("On time means received within the item master's lead time plus \(NumberFormat.fixed(settingsGrace(r), decimals: 0)) day; least on time: \(late.vendor), \(numbers.percent(100 * late.onTimeRate)) on time\(lead).")
        }
        if r.hasLots {
            let atRisk = r.expiry.filter { $0.expectedWaste > 0 }
            // A lot without a known cost has no value: said, not counted as $0 worth.
            let unpriced = atRisk.filter { !$0.wasteValue.isFinite }.reduce(0) { $0 + $1.expectedWaste }
            let worth = unpriced > 0
                ? (unpriced >= r.expectedWaste - 1e-9 ? " of unknown value (no unit cost)" : " worth \(numbers.money(r.wasteValue)) and \(numbers.quantity(unpriced, decimals: 0)) more of unknown value (no unit cost)")
                : " worth \(numbers.money(r.wasteValue))"
            summary.append("\(atRisk.count) of \(r.expiry.count) lot\(r.expiry.count == 1 ? " is" : "s are") expected to expire before use as of \(r.asOf?.description ?? ""): \(numbers.quantity(r.expectedWaste, decimals: 0)) units\(worth).")
            // An item whose lots are all wasted because the usage never names it: likely a code
            // the usage writes otherwise, rather than stock nobody uses.
            let unused = Set(atRisk.filter { $0.dailyUse == 0 && !r.itemsInUse.contains($0.lot.item) }.map(\.lot.item)).sorted()
            // Lots where their item is not used (the usage names it elsewhere): the note below
            // sent the buyer looking for an item code the usage writes otherwise. Locations are
            // named as first spelled.
            var idlePlaces: [String: String] = [:]
            for risk in atRisk where risk.dailyUse == 0 && r.itemsInUse.contains(risk.lot.item) {
                let place = risk.lot.location.isEmpty ? "a place the usage does not name" : risk.lot.location
                let key = CompositeKey.joined(risk.lot.item, place.matchKey())
                if idlePlaces[key] == nil { idlePlaces[key] = "\(risk.lot.item) at \(place)" }
            }
            let idle = idlePlaces.values.sorted()
            if !idle.isEmpty {
                summary.append("\(idle.count == 1 ? "1 place holds" : "\(idle.count) places hold") lots counted as waste, the usage showing no use of their item there: \(PurchasingJob.firstFew(idle)); move them to where they are used.")
            }
            if !unused.isEmpty {
                summary.append("\(unused.count == 1 ? "1 item's lots count" : "\(unused.count) items' lots count") as waste because the usage shows no use of \(unused.count == 1 ? "it" : "them"): \(PurchasingJob.firstFew(unused)); check that the usage names \(unused.count == 1 ? "the item" : "them") as the lots do.")
            }
        }
        if a.overReceipts > 0 { summary.append("\(lines(a.overReceipts)) received in larger quantity than ordered (accepted): \(a.overReceiptExamples.listed(of: a.overReceipts)); check the invoices.") }
        if a.openLines > 0 {
            // The day they are judged on, printed: moved to 2062 by one typo, it was never seen.
            let day = a.judgedOn.map { " (\(CalendarDay(daysSinceEpoch: $0)), its latest order or receipt)" } ?? ""
            let overdue = a.judgedOn == nil ? "" : a.overdueOpenLines > 0
                ? "; \(a.overdueOpenLines) of them past their lead time plus grace on the export's last day\(day) count as late, and in fill rates with what arrived"
                : "; none of them past their lead time plus grace on the export's last day\(day)"
            summary.append("\(lines(a.openLines)) not received yet (or, by their status, still coming), left out of fill rates and lead times\(overdue).")
        }
        if a.closedUnfilled > 0 { summary.append("\(lines(a.closedUnfilled)) closed with nothing received (\(a.closedUnfilledExamples.listed(of: a.closedUnfilled))), counted in fill rates as unfilled and not on time.") }
        if a.linesWithoutPrice > 0 { summary.append("\(lines(a.linesWithoutPrice)) without a unit price (\(a.unpricedExamples.listed(of: a.linesWithoutPrice))), left out of spend and price variance.") }
        summary += caveats(r).map { $0 + "." }

        var doc = Report(title: "Purchasing: vendors, contract prices, lead times" + (r.hasLots ? " and expiry" : ""), summary: summary)
        doc.keyFigure("Order lines", Double(a.lines))
        doc.keyFigure("Vendors", Double(a.vendors.count))
        doc.keyFigure("Spend", spend, style: .money)
        doc.keyFigure("Paid above contract", a.paidAboveContract, style: .money)
        if a.chargeLines > 0 { doc.keyFigure("Charges (freight, tax, ...)", a.charges, style: .money) }
        if a.hasContractPrices { doc.keyFigure("Off-contract spend", a.offContractSpend, style: .money) }
        if r.hasLots { doc.keyFigure("Expected expiry waste", r.wasteValue, style: .money) }

        let vendors = a.vendors.sorted { ($0.spend, $1.vendor) > ($1.spend, $0.vendor) }
        doc.heading("Vendors")
        doc.paragraph("Fill rate = units received (at most the ordered quantity of each line) / units ordered over received lines. Price variance = (paid - contract) x quantity, net of lines paid below contract. On time = received within the item master's lead time plus \(NumberFormat.fixed(settingsGrace(r), decimals: 0)) day (\(NumberFormat.fixed(r.analysis.defaultLeadTimeDays, decimals: 0)) days for items without one). Lead times are days from order to receipt, mean and sample standard deviation. A line exported once per receipt counts once, judged on its last receipt; a receipt of 0 has no lead time and is not on time.")
        let charted = Array(vendors.prefix(20))
        if !charted.isEmpty {
            let names = charted.map { $0.vendor.isEmpty ? "(no vendor)" : $0.vendor }
            let spendChart = GroupedBarChart(title: "Spend by vendor", caption: "Ordered quantity at the paid price" + (vendors.count > 20 ? "; the 20 largest vendors." : "."),
                                             categories: names, series: [.init(name: "Spend", values: charted.map(\.spend))], format: .money)
            var native = spendChart.workbookChart(categoryHeader: "Vendor")
            native.sheet = "Spend by vendor"
            doc.figure(Report.Figure(name: "vendor_spend", description: "Spend by vendor", svg: spendChart.svg(), chart: native))
            let rates = GroupedBarChart(title: "On-time and fill rate by vendor, largest spend first",
                                        caption: "On time: within the item's lead time plus \(NumberFormat.fixed(settingsGrace(r), decimals: 0)) day. Fill: units received / ordered.",
                                        categories: names, series: [.init(name: "On time", values: charted.map { 100 * $0.onTimeRate }),
                                                                    .init(name: "Fill rate", values: charted.map { 100 * $0.fillRate })], format: .percent)
            var nativeRates = rates.workbookChart(categoryHeader: "Vendor")
            nativeRates.sheet = "Vendor service"
            doc.figure(Report.Figure(name: "vendor_service", description: "On-time and fill rate by vendor", svg: rates.svg(), chart: nativeRates))
        }
        func percent(_ x: Double) -> String { x.isFinite ? numbers.percent(100 * x) : "" }
        func share(_ x: Double) -> Double? { x.isFinite ? rounded(x, 4) : nil }
        func days(_ m: RunningMoments) -> String { m.count > 0 ? NumberFormat.fixed(m.mean, decimals: 1) + (m.count > 1 ? " ± " + NumberFormat.fixed(m.standardDeviation, decimals: 1) : "") : "" }
        if vendors.count > reportRows { doc.paragraph("The \(reportRows) largest of \(vendors.count) vendors by spend; all of them are in vendor_scorecard.csv.") }
        // Price variance and off contract are blank without any contract price, as in the CSV:
        // "$0" read as prices checked against contracts and found right.
        // With charge lines, their part of each vendor's spend is a column of its own.
        let chargeColumn = a.chargeLines > 0
        doc.table(["Vendor", "Lines", "Spend"] + (chargeColumn ? ["Of it charges"] : []) + ["Fill rate", "On time", "Lead time (days)", "Price variance", "Off contract"],
                  vendors.prefix(reportRows).map { [$0.vendor, String($0.lines), numbers.money($0.spend)] + (chargeColumn ? [numbers.money($0.charges)] : [])
                                                    + [percent($0.fillRate), percent($0.onTimeRate),
                                                    days($0.leadTime), a.hasContractPrices ? numbers.money($0.priceVariance) : "", a.hasContractPrices ? numbers.money($0.offContractSpend) : ""] },
                  alignments: [.left, .right, .right] + (chargeColumn ? [.right] : []) + [.right, .right, .right, .right, .right],
                  // vendor_scorecard.csv's values behind the rounded text, rates as shares: the
                  // Summary held spend 1587559 for the CSV's 1,587,559.40 and a fill rate of 100
                  // beside the Vendors sheet's 1.0.
                  values: vendors.prefix(reportRows).map { v -> [Double?] in
                      let contracted = a.hasContractPrices
                      return [nil, Double(v.lines), rounded(v.spend, 2)] + (chargeColumn ? [rounded(v.charges, 2)] : [])
                          + [share(v.fillRate), share(v.onTimeRate), nil,
                              contracted ? rounded(v.priceVariance, 2) : nil, contracted ? rounded(v.offContractSpend, 2) : nil]
                  })

        let above = a.priceVariances.filter { $0.priceVariance > 0 }
        doc.heading("Largest price variances")
        if above.isEmpty {
            doc.paragraph(!r.hasContracts && a.priceVariances.isEmpty ? "No contract prices: give a contracts file (--contracts) or a contract_price column in the orders."
                          : a.overpaidLines.isEmpty ? "No item and vendor was paid above contract."
                          : "No item and vendor was paid above contract on balance: lines paid below it offset those paid above, listed below.")
        } else {
            doc.paragraph("Price variance = (paid - contract) x quantity, with the contract price valid on the order date (the contracts file first, else the order line's contract_price). \(above.count) item-vendor pairs were paid above contract; all are in price_variance.csv.")
            doc.table(["Item", "Vendor", "Quantity", "Paid", "Contract", "Variance"],
                      above.prefix(reportRows).map { [$0.item, $0.vendor, numbers.quantity($0.quantity, decimals: 0), numbers.money($0.paidUnitPrice),
                                                      numbers.money($0.contractUnitPrice), numbers.money($0.priceVariance)] },
                      alignments: [.left, .left, .right, .right, .right, .right],
                      // price_variance.csv's prices behind `$1,028` and `$0.44`: parsed back, 80 x
                      // ($1,028 - $1,000) was $2,240 against the stated $2,200 (paid 1,027.50).
                      values: above.prefix(reportRows).map { [nil, nil, $0.quantity, rounded($0.paidUnitPrice, 4), rounded($0.contractUnitPrice, 4), rounded($0.priceVariance, 2)] })
        }
        if !a.overpaidLines.isEmpty {
            // The lines the summary's "paid above contract" adds, to claim back one by one.
            doc.heading("Lines paid above contract", level: 3)
            let shown = a.overpaidLines.prefix(reportRows)
            doc.paragraph("\(NumberFormat.count(a.overpaidLines.count, "line")) paid \(numbers.money(a.paidAboveContract)) above the contract price valid on the order date\(a.overpaidLines.count > shown.count ? "; the \(shown.count) most overpaid" : ""):")
            doc.table(["PO", "Item", "Vendor", "Ordered", "Quantity", "Paid", "Contract", "Overpaid"],
                      shown.map { [$0.po, $0.item, $0.vendor, $0.orderDay.description, numbers.quantity($0.quantity, decimals: 0), numbers.money($0.paidUnitPrice),
                                   numbers.money($0.contractUnitPrice), numbers.money($0.overpaid)] },
                      alignments: [.left, .left, .left, .left, .right, .right, .right, .right],
                      values: shown.map { [nil, nil, nil, nil, $0.quantity, rounded($0.paidUnitPrice, 4), rounded($0.contractUnitPrice, 4), rounded($0.overpaid, 2)] })
        }
        if !a.contractPriceDisagreements.isEmpty {
            // The lines whose own contract_price and the contracts file differ: one of the two
            // is a price-load error, worth the difference on every line (the summary's note alone
            // named no line to take to the ERP or the vendor).
            let d = a.contractPriceDisagreements, shown = d.prefix(reportRows)
            doc.heading("Contract prices that disagree", level: 3)
            doc.paragraph("\(NumberFormat.count(d.count, "line")) carry a contract_price other than the contracts file's price on the order date. The file's price is used above; at stake = (line - file) x quantity, \(numbers.money(d.reduce(0) { $0 + abs($1.atStake) })) in all\(d.count > shown.count ? "; the \(shown.count) largest" : ""):")
            doc.table(["PO", "Item", "Vendor", "Ordered", "Quantity", "Line price", "File price", "At stake"],
                      shown.map { [$0.po, $0.item, $0.vendor, $0.orderDay.description, numbers.quantity($0.quantity, decimals: 0), numbers.money($0.linePrice),
                                   numbers.money($0.filePrice), numbers.money($0.atStake)] },
                      alignments: [.left, .left, .left, .left, .right, .right, .right, .right],
                      values: shown.map { [nil, nil, nil, nil, $0.quantity, rounded($0.linePrice, 4), rounded($0.filePrice, 4), rounded($0.atStake, 2)] })
        }
        let off = vendors.filter { $0.offContractSpend > 0 }.sorted { ($0.offContractSpend, $1.vendor) > ($1.offContractSpend, $0.vendor) }
        doc.heading("Off-contract spend")
        if !a.hasContractPrices {
            doc.paragraph("No contract prices were given (a contracts file, or contract_price on the orders): no spend is known to be on or off contract.")
        } else if off.isEmpty {
            doc.paragraph("Every priced line had a contract price on its order date" + (a.contractUnknownLines > 0 ? " (\(NumberFormat.count(a.contractUnknownLines, "line")) at a contract price in a unit not read)." : "."))
        } else {
            doc.paragraph("Spend on lines with no contract price for their item and vendor on the order date.")
            doc.table(["Vendor", "Off contract", "Share of vendor spend"],
                      off.prefix(reportRows).map { [$0.vendor, numbers.money($0.offContractSpend), $0.spend > 0 ? numbers.percent(100 * $0.offContractSpend / $0.spend) : ""] },
                      alignments: [.left, .right, .right],
                      values: off.prefix(reportRows).map { [nil, rounded($0.offContractSpend, 2), $0.spend > 0 ? $0.offContractSpend / $0.spend : nil] })
        }
        // Falls as well as rises: a price that came down is a saving to keep (or a contract
        // price to update), and the table listed increases only under "first and latest price".
        let rises = a.priceTrends.filter { $0.lines > 1 && $0.changePercent > 0 }.sorted { ($0.changePercent, $1.item) > ($1.changePercent, $0.item) }
        let falls = a.priceTrends.filter { $0.lines > 1 && $0.changePercent < 0 }.sorted { ($0.changePercent, $0.item) < ($1.changePercent, $1.item) }
        // The largest of each, so many rises never crowd out every fall.
        let changed = Array(rises.prefix(reportRows)) + Array(falls.prefix(reportRows))
        if !changed.isEmpty {
            doc.heading("Price trends")
            doc.paragraph("Paid unit price from the first to the latest order of each item and vendor whose price changed: the largest rises, then the largest falls; the latest paid price replaces the item master's unit cost in expiry values (and in reorder --orders).")
            doc.table(["Item", "Vendor", "First", "Latest", "Change"],
                      changed.map { [$0.item, $0.vendor, "\(numbers.money($0.firstPrice)) (\(CalendarDay(daysSinceEpoch: $0.firstDay)))",
                                                       "\(numbers.money($0.latestPrice)) (\(CalendarDay(daysSinceEpoch: $0.latestDay)))", numbers.percent($0.changePercent)] },
                      alignments: [.left, .left, .right, .right, .right],
                      values: changed.map { [nil, nil, nil, nil, $0.changePercent.isFinite ? $0.changePercent / 100 : nil] })
        }
        if r.hasLots {
            let atRisk = r.expiry.filter { $0.expectedWaste > 0 }.sorted { (($0.wasteValue.isFinite ? $0.wasteValue : 0), $1.lot.item) > (($1.wasteValue.isFinite ? $1.wasteValue : 0), $0.lot.item) }
            doc.heading("Lots at risk of expiry")
            doc.paragraph("Lots used first-expiry-first-out at each item's average daily use over the last weeks of usage, from \(r.asOf?.description ?? "the last usage day"); what is left at a lot's expiry date is waste, valued at the latest paid price (else the item master's unit cost).")
            if atRisk.isEmpty {
                doc.paragraph("No lot is expected to expire before use.")
            } else {
                // The lots' location, when they give one: one lot split between ICU and MAIN was
                // two identical-looking rows, one wasting 20 and one none, and the buyer could not
                // tell which half to move. (expiry_risk.csv keeps DESIGN's columns.)
                let located = r.expiry.contains { !$0.lot.location.isEmpty }
                doc.table(["Item", "Lot"] + (located ? ["Location"] : []) + ["Expires", "Quantity", "Used before expiry", "Waste", "Value"],
                          atRisk.prefix(reportRows).map { [$0.lot.item, $0.lot.lot] + (located ? [$0.lot.location] : []) + [CalendarDay(daysSinceEpoch: $0.lot.expiryDay).description,
                                                           numbers.quantity($0.lot.quantity, decimals: 0), numbers.quantity($0.expectedUseBeforeExpiry, decimals: 0),
                                                           numbers.quantity($0.expectedWaste, decimals: 0), $0.wasteValue.isFinite ? numbers.money($0.wasteValue) : ""] },
                          alignments: [.left, .left] + (located ? [.left] : []) + [.left, .right, .right, .right, .right],
                          // expiry_risk.csv's figures behind the rounded text.
                          values: atRisk.prefix(reportRows).map { [nil, nil] + (located ? [nil] : []) + [nil, $0.lot.quantity, rounded($0.expectedUseBeforeExpiry, 2),
                                                                                               rounded($0.expectedWaste, 2), $0.wasteValue.isFinite ? rounded($0.wasteValue, 2) : nil] })
            }
        }
        return doc
    }

    static func settingsGrace(_ r: Result) -> Double { r.analysis.graceDays }

    /// What the run's index lists under cost reduction.
    public static func costReductions(_ r: Result, report: String, numbers: NumberStyle = NumberStyle()) -> [CostReduction] {
        let a = r.analysis
        var items: [CostReduction] = []
        let above = a.priceVariances.filter { $0.priceVariance > 0 }
        if a.paidAboveContract > 0 {
            let largest = above.first.map { top in "; largest item and vendor: \(top.item) from \(top.vendor), \(numbers.money(top.priceVariance)) net" } ?? ""
            // The lines paid above contract alone, as purchasing.md's summary counts them: netted
            // by item and vendor first, an item's overpaid lines were hidden by its cheaper ones
            // ($240 here beside $304 there on the same page).
            items.append(CostReduction(area: "Paid above contract price", detail: "\(NumberFormat.count(a.linesAboveContract, "order line")) paid above the contract price\(largest). Claim the difference back and fix the price file.",
                                       amount: a.paidAboveContract, report: report))
        }
        // Without contract prices, every line reads as off contract: no finding.
        if a.offContractSpend > 0 && a.hasContractPrices {
            items.append(CostReduction(area: "Off-contract spend", detail: "\(numbers.money(a.offContractSpend)) was spent on lines without a contract price; moving it onto contracts is where negotiated prices save.",
                                       amount: a.offContractSpend, report: report))
        }
        if r.wasteValue > 0 {
            let lots = r.expiry.filter { $0.expectedWaste > 0 }.count
            let (them, are) = lots == 1 ? ("it", "it is") : ("them", "they are")
            items.append(CostReduction(area: "Expected expiry waste", detail: "\(NumberFormat.count(lots, "lot")) will expire before use at today's rate of use; move \(them) to where \(are) used or return \(them).",
                                       amount: r.wasteValue, report: report))
        }
        return items
    }

    /// The four CSVs as workbook sheets. Price variance and off-contract spend show their
    /// cents (`.price`), as the CSV holds them: in whole dollars a $0.40 variance read `$0`
    /// beside its caution highlight, and a claim of $12.60 read $13.
    static func sheets(_ r: Result) -> [ReportSheet] {
        var sheets = [
            scorecardTable(r).reportSheet("Vendors", styles: ["lines": WorkbookSheets.quantity, "spend": .money, "fill_rate": .percent, "on_time_rate": .percent,
                                                              "lead_time_mean_days": WorkbookSheets.tenths, "lead_time_sd_days": WorkbookSheets.tenths,
                                                              "price_variance": .price, "off_contract_spend": .price],
                                          highlights: [.init("price_variance", .above(0), tone: .caution)]),
            priceVarianceTable(r).reportSheet("Price variance", styles: ["quantity": WorkbookSheets.quantity, "paid_unit_price": .price,
                                                                         "contract_unit_price": .price, "price_variance": .price],
                                              highlights: [.init("price_variance", .above(0))]),
            leadTimeTable(r).reportSheet("Lead times", styles: ["receipts": WorkbookSheets.quantity, "lead_time_mean_days": WorkbookSheets.tenths,
                                                                "lead_time_sd_days": WorkbookSheets.tenths]),
        ]
        if r.hasLots {
            sheets.append(expiryTable(r).reportSheet("Expiry risk", styles: ["expiry_date": .date, "quantity": WorkbookSheets.quantity,
                                                                             "expected_use_before_expiry": WorkbookSheets.quantity,
                                                                             "expected_waste": WorkbookSheets.quantity, "waste_value": .money],
                                                     highlights: [.init("expected_waste", .above(0))]))
        }
        return sheets
    }
}
