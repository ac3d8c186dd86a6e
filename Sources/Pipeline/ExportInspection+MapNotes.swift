import Tabular

extension ExportInspection {
    /// What the suggested map chose between, said under it, so that a column left out for
    /// another is never left out without a word: a column taken only because nothing else fits
    /// (`On Hand $` as on_hand, `Home Unit` as unit), a money column left for its column of
    /// units (`On Hand $` beside `On Hand Qty`), a home unit left for the worked one (`Home
    /// Unit` beside `Worked Dept`), and a price unit (SAP's `Price Unit`), which is no price but
    /// the 1 or 100 units the price beside it is for.
    func notesOnTheMap(_ schema: InputSchema, used: Set<Int>) -> [String] {
        var notes: [String] = []
        let words = header.map(HeaderWords.init)
        let mapped = Dictionary(suggestedMap.map { ($0.role, $0.header) }, uniquingKeysWith: { first, _ in first })
        for (role, name) in suggestedMap where Fit(HeaderWords(name), role: role) == .lastResort {
            if HeaderWords(name).isMoney {
                notes.append("\(role): \(ExportInspection.quoted(name)) is written as money, but no column of units names the role, so it is mapped: if it holds dollars, map the column of units instead (read as units, each dollar counts as one)")
            } else {
                notes.append("\(role): \(ExportInspection.quoted(name)) is where the staff belong, mapped since no column names where the hours were worked: if the export has one (`Worked Dept`, `Worked Unit`), map it instead, as hours count where they were worked")
            }
        }
        let moneyRole = schema.roles.first { ExportInspection.moneyRoles.contains($0.name) }?.name
        for k in header.indices where !used.contains(k) {
            let name = header[k], w = words[k]
            if w.isMoney, let (role, taken) = suggestedMap.first(where: { pair in
                ExportInspection.quantityRoles.contains(pair.role) && HeaderWords(pair.header).isQuantity
                    && HeaderWords(pair.header).words.subtracting(["quantity", "count", "unit"]) == w.words.subtracting(HeaderWords.moneyWords) }) {
                notes.append("'\(name.clipped)' is not read: it is written as money, and \(role) is read from \(ExportInspection.quoted(taken)), a column of units")
            } else if w.words.contains("home"), let role = ["unit", "department"].first(where: { mapped[$0] != nil && Fit(w, role: $0) == .lastResort }), let worked = mapped[role] {
                notes.append("'\(name.clipped)' is not read: \(role) is \(ExportInspection.quoted(worked)), where the hours were worked (a float pool's hours count on the unit it covered); map \(role)=\(ExportInspection.quoted(name)) only to count them where the staff belong")
            } else if let moneyRole, ExportInspection.isPriceUnit(w) {
                let prices = header.indices.filter { !used.contains($0) && $0 != k && words[$0].isMoney && !words[$0].isQuantity }.map { "'\(header[$0].clipped)'" }
                let beside = prices.isEmpty ? "a price" : "a price beside it (\(prices.listed(upTo: 3)))"
                let said = everyValueIsOne(k)
                    ? "every value is 1, so \(beside) is for one unit"
                    : "where it is not 1, \(beside) is for that many units: divide it by '\(name.clipped)' in the export before mapping it to \(moneyRole), or each unit is priced 10 or 100 times over"
                notes.append("'\(name.clipped)' is not read: it is the quantity a price is quoted for (SAP's price unit), not a price; \(said)")
            }
        }
        return notes
    }

    /// SAP's price unit (`Price Unit`, `Pricing Unit`, `Price Per`): a unit named by a price.
    static func isPriceUnit(_ words: HeaderWords) -> Bool {
        words.head == "unit" && !words.words.isDisjoint(with: ["price", "cost", "pricing"])
    }

    /// Every value of column `k` read is 1 (prices per one unit).
    func everyValueIsOne(_ k: Int) -> Bool {
        let values = columns[k].samples.compactMap { NumberParser(decimalComma: decimalComma).parse($0) }
        return !values.isEmpty && values.allSatisfy { $0 == 1 } && values.count == columns[k].examined
    }

    /// A price unit other than 1 is in the header: a price beside it is for that many units,
    /// so no unread price is offered as a money role's entry (pasted, SAP's `Net Price` of 125
    /// for 100 would read $125 a unit for $1.25).
    func pricesAreForSeveralUnits() -> Bool {
        header.indices.contains { ExportInspection.isPriceUnit(HeaderWords(header[$0])) && !everyValueIsOne($0) }
    }
}
