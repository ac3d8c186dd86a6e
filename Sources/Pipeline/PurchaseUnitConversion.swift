import Planning
import Tabular

/// Orders and contracts read in each item's own unit (`PurchaseUnits`) before purchasing or
/// reorder counts them: quantities times the factor, prices divided by it. Lines in a unit
/// nothing converts are left out of reorder and named. Purchasing keeps them (`unreadColumn`)
/// for what needs no unit (spend, lines, fill, on time, lead time) and keeps a contract in
/// such a unit with its price unread (NaN): its item has a contract, at a price not known per
/// unit. Left out, a $240 line of 2 cases vanished from spend (18% of it), and a contract per
/// case made the item's lines in eaches read as off contract.
struct PurchaseUnitConversion {
    let units: PurchaseUnits
    /// "5 lines of G1 in BX read as 100 EA each (the item master's pack size)", for the notes.
    private(set) var notes: [String] = []
    /// Items with a line or contract left out, its unit not converted.
    private(set) var leftOutItems: Set<String> = []
    /// Contract rows left out, their unit not converted.
    private(set) var contractsLeftOut = 0
    /// The orders column, 1 or 0, marking the lines purchasing keeps in a unit not converted
    /// (`orders(_:keepingUnread:)`): their quantity and price are as written.
    static let unreadColumn = "unit_unread"

    /// Nil when neither the orders nor the contracts name a unit: nothing to convert.
    init?(orders: Table?, contracts: Table?, items: Table?) {
        let orderUnits = orders?.texts("uom"), contractUnits = contracts?.texts("uom")
        guard orderUnits != nil || contractUnits != nil else { return nil }
        var master: [String: PurchaseUnits.Master] = [:]
        if let items, let codes = items.texts("item") {
            let unit = items.texts("uom"), pack = items.numbers("pack_size"), cost = items.numbers("unit_cost")
            for row in codes.indices {
                master[codes[row]] = PurchaseUnits.Master(unit: unit?[row] ?? "", packSize: pack?[row].isFinite == true ? pack![row] : 1,
                                                          unitCost: cost?[row] ?? .nan)
            }
        }
        func pairs(_ table: Table?, _ units: [String]?) -> [(item: String, unit: String)] {
            guard let items = table?.texts("item"), let units else { return [] }
            return Array(zip(items, units)).map { (item: $0.0, unit: $0.1) }
        }
        units = PurchaseUnits(master: master, lines: pairs(orders, orderUnits), contracts: pairs(contracts, contractUnits))
    }

    /// `table` with its quantities (`scaled`) multiplied and its prices (`divided`) divided by
    /// each row's factor; rows nothing converts left out, or, with `keepingUnread`, kept as
    /// written (`unreadColumn` marks them; with `unreadPrices`, their `divided` columns are
    /// NaN instead). `what` names the rows in the notes, `keptFor` what the kept rows count in.
    mutating func convert(_ table: Table, scaled: [String], divided: [String], price: String, what: String,
                          keepingUnread keptFor: String? = nil, unreadPrices: Bool = false, label: (Int) -> String) -> Table {
        guard let items = table.texts("item"), let written = table.texts("uom") else { return table }
        let prices = table.numbers(price)
        var factors = [Double](repeating: 1, count: table.rowCount), keep = [Bool](repeating: true, count: table.rowCount)
        var converted: [String: (count: Int, unit: String, factor: Double)] = [:], leftOut: [String] = []
        // Codes no spelling reads, on lines whose item master gives all a conversion needs:
        // "give the item master's uom, pack_size and unit_cost" asked for what was given.
        var unread: [String: (lines: Int, units: Set<String>)] = [:], otherLeftOut = 0
        // Known codes that are not the item's pack on items whose master is complete (a `CS`
        // against a master in `EA` with a pack of 100 priced as a `BX`): the missing relation is
        // how many of the item's unit the code holds, which no column gives.
        var notThePack: [String: (lines: Int, unit: String)] = [:]
        for row in items.indices {
            guard let f = units.factor(item: items[row], unit: written[row], price: prices?[row] ?? .nan) else {
                keep[row] = false
                leftOut.append("\(label(row)) in \(written[row].trimmed())" + (units.unit(of: items[row]).isEmpty ? "" : ", its unit \(units.unit(of: items[row]))"))
                leftOutItems.insert(items[row])
                let code = written[row].trimmed()
                if units.masterIsComplete(for: items[row]) && !PurchaseUnits.isKnown(code) {
                    unread[code.uppercased(), default: (0, [])].lines += 1
                    unread[code.uppercased()]!.units.insert(units.unit(of: items[row]))
                } else if units.masterIsComplete(for: items[row]) && PurchaseUnits.isKnown(code) {
                    notThePack["\(items[row]) in \(code.uppercased())", default: (0, units.unit(of: items[row]))].lines += 1
                } else {
                    otherLeftOut += 1
                }
                continue
            }
            factors[row] = f
            if f != 1 { converted["\(items[row]) in \(written[row].trimmed())", default: (0, units.unit(of: items[row]), f)].count += 1 }
        }
        var result = table
        let notRead = keep.map { !$0 }
        if keptFor != nil {
            // Kept as written: a factor of 1, or, for prices nothing compares with, no price.
            for row in items.indices where notRead[row] { factors[row] = unreadPrices ? .nan : 1 }
        }
        for name in scaled { if let v = table.numbers(name) { result.replace(name, with: .number(zip(v, factors).map { $1.isNaN ? $0 : $0 * $1 })) } }
        for name in divided { if let v = table.numbers(name) { result.replace(name, with: .number(zip(v, factors).map { $0 / $1 })) } }
        if keptFor != nil && !unreadPrices { result.append(Self.unreadColumn, .number(notRead.map { $0 ? 1 : 0 })) }
        if !converted.isEmpty {
            notes.append("\(what) in another unit than their item's, priced as its pack, are read in it by the item master's pack size: "
                         + converted.sorted { $0.key < $1.key }.prefix(5).map { "\(NumberFormat.count($0.value.count, "line")) of \($0.key) as \(NumberFormat.fixed($0.value.factor)) \($0.value.unit) each" }.joined(separator: "; ")
                         + (converted.count > 5 ? "; and \(converted.count - 5) more" : ""))
        }
        if !leftOut.isEmpty {
            let one = leftOut.count == 1
            let fate = keptFor.map { "\(one ? "is" : "are") kept \($0)" } ?? "\(one ? "is" : "are") left out (counted with the others, a box was one each)"
            notes.append("\(NumberFormat.count(leftOut.count, what == "order lines" ? "order line" : "contract")) in a unit not known to be its item's or its pack \(fate): "
                         + leftOut.prefix(3).joined(separator: ", ") + (leftOut.count > 3 ? " and \(leftOut.count - 3) more" : "")
                         + PurchaseUnitConversion.advice(unread: unread, notThePack: notThePack, otherLeftOut: otherLeftOut))
            if what == "contracts" { contractsLeftOut += leftOut.count }
        }
        return keptFor != nil || keep.allSatisfy { $0 } ? result : result.filtered(keep)
    }

    /// What to do about the lines left out. A code no spelling reads on an item whose master
    /// gives its uom and unit cost is named, with the unit to write it as: the buyer with
    /// `CA` lines against a master in `CS` was told to give the uom, pack_size and unit_cost
    /// the master already gave, and had no way out.
    static func advice(unread: [String: (lines: Int, units: Set<String>)], notThePack: [String: (lines: Int, unit: String)] = [:], otherLeftOut: Int) -> String {
        var parts: [String] = []
        if !unread.isEmpty {
            let codes = unread.sorted { $0.key < $1.key }.prefix(5).map { code, seen in
                "'\(code)' (\(NumberFormat.count(seen.lines, "line")), items in \(seen.units.sorted().joined(separator: ", ")))"
            }
            parts.append("the unit code\(unread.count == 1 ? "" : "s") " + codes.joined(separator: ", ") + (unread.count > 5 ? " and \(unread.count - 5) more" : "")
                         + " \(unread.count == 1 ? "is" : "are") not one the tool reads (it reads EA, BX, CS, PK, BT, VL, DZ, PR, RL, BG, KT, TB, CT, their names and X12 codes such as CA for a case); "
                         + "the item master gives the items' uom and unit_cost, so replace each code in the export with the unit it stands for: the item's own (as written in the item master), or its pack's priced as the pack")
        }
        if !notThePack.isEmpty {
            parts.append(notThePack.sorted { $0.key < $1.key }.prefix(5).map { "\($0.key) is not its item's pack (the item master's pack_size is priced otherwise) and nothing says how many \($0.value.unit) it holds" }.joined(separator: "; ")
                         + (notThePack.count > 5 ? " and \(notThePack.count - 5) more" : "")
                         + ": export \(notThePack.count == 1 ? "it" : "them") in the item's unit or its pack")
        }
        if otherLeftOut > 0 || (unread.isEmpty && notThePack.isEmpty) {
            parts.append("give the item master's uom, pack_size and unit_cost, or export the lines in one unit")
        }
        return "; " + parts.joined(separator: "; for the others, ")
    }

    /// The orders in their items' units. With `keepingUnread` (purchasing), lines in a unit
    /// nothing converts are kept as written and marked (`unreadColumn`): their dollars, dates
    /// and the share received need no unit, only a price per unit does.
    mutating func orders(_ orders: Table, keepingUnread: Bool = false) -> Table {
        let po = orders.texts("po"), item = orders.texts("item") ?? []
        let kept = keepingUnread ? "for spend, lines, fill rate (in its own unit), on time and lead time, and left out of price variance and off contract, which compare a price per unit (a line of an item with no contract is off contract whatever its unit)" : nil
        return convert(orders, scaled: ["quantity", "received_quantity"], divided: ["unit_price", "contract_price"], price: "unit_price", what: "order lines",
                       keepingUnread: kept) { row in
            let code = po?[row] ?? ""
            return (code.isEmpty ? "" : code + ": ") + (row < item.count ? item[row] : "")
        }
    }

    /// The contracts' prices in their items' units; a contract in a unit nothing converts is
    /// kept with its price NaN (`ContractBook.Contract.price`): its item and vendor have a
    /// contract, so their lines are neither on nor off contract.
    mutating func contracts(_ contracts: Table) -> Table {
        let item = contracts.texts("item") ?? [], vendor = contracts.texts("vendor") ?? []
        return convert(contracts, scaled: [], divided: ["contract_price"], price: "contract_price", what: "contracts",
                       keepingUnread: "as a contract at a price not known per unit: its item's lines from its vendor are neither on nor off contract (no price variance)",
                       unreadPrices: true) { row in
            "\(row < item.count ? item[row] : "") from \(row < vendor.count ? vendor[row] : "")"
        }
    }
}
